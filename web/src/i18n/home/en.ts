// English messages of the home page (the public list of hackathons): what is happening now and next, the phase
// timeline, search and filters. Part of the main catalog (the home page is the panel's first screen).
export const homeEn = {
  'home.about.title': 'What is Hacktrail?',
  'home.about.text':
    'Hacktrail follows civic-tech ideas from the pitch at a hackathon to public service: who proposed them, which teams formed, how the judges ranked them and why, and what became of them afterwards — funding, adoption by an agency, integration into its work. Results and outcomes are open data anyone can recompute.',
  'home.about.statistics': 'What became of the projects',
  'home.now.title': 'Happening now',
  'home.next.title': 'Coming next',
  'home.now.none': 'No edition is running right now.',
  'home.all.title': 'Every edition',
  'home.search.label': 'Search editions',
  'home.search.hint': 'A name (Chinese or English), a short name or a place.',
  'home.filter.kind': 'Kind',
  'home.filter.phase': 'Phase',
  'home.filter.year': 'Year',
  'home.filter.any': 'Any',
  'home.filter.apply': 'Show',
  'home.filter.clear': 'Clear filters',
  'home.filter.none': 'No edition matches these filters.',
  'home.timeline.label': 'Phases of {name}',
  'home.timeline.step': 'Step {step} of {steps}: {phase}',
  'home.timeline.done': 'done',
  'home.timeline.current': 'now',
  'home.startsIn': '{days, plural, =0 {Starts today} one {Starts in # day} other {Starts in # days}}',
} as const;
