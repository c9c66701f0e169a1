// English messages of award tracks with judges of their own (judges: OWN): choosing a track's judges and dedicating a
// REVIEW round to it (docs/award-tracks.md, "Own judges"). Spread into judgingEn (en.ts); ownJudges.zh-TW.ts holds
// exactly the same keys.
export const ownJudgesEn = {
  'ownJudges.legend': 'Judged by',
  'ownJudges.SHARED': 'The panel of the round that feeds it',
  'ownJudges.OWN': 'Judges of its own, in a round dedicated to the track',
  'ownJudges.pick': 'The track’s judges',
  'ownJudges.pickHint': 'Only these judges score the track’s eligible proposals, in a REVIEW round dedicated to it. Active judges of the hackathon’s panel can be chosen.',
  'ownJudges.none': 'The hackathon’s panel has no active judge yet: invite judges first.',
  'ownJudges.loading': 'Loading the panel…',
  'ownJudges.inTable': 'Own judges ({count})',
  'ownJudges.notActive': '{name} (no longer active)',
  'ownJudges.dedication': 'Dedicated to an award track',
  'ownJudges.dedicationHint': 'A REVIEW round can be dedicated, while it is DRAFT, to a track with judges of its own: its candidates are the track’s eligible proposals, only the track’s judges score them, it feeds that track only and it moves no proposal’s status.',
  'ownJudges.noDedication': 'Not dedicated (an ordinary round)',
  'ownJudges.dedicate': 'Save the dedication',
  'ownJudges.dedicated': 'The round is dedicated to {name}: its selection is that track’s.',
  'ownJudges.dedicationSaved': 'Saved. Run the assignment again: it is made for the track’s judges and proposals.',
  'ownJudges.selectInTrack': 'The round is dedicated to {name}: its winners are selected as that track’s, under Award tracks below.',
  // Refusals of award tracks and dedicated rounds by their rule (extensions.rule), said by ProblemNotice.
  'rule.DEDICATED_ROUND': 'This round is dedicated to an award track with judges of its own: its selection, its cut and the tracks it feeds follow that track. End the dedication first to change that.',
  'rule.ROUND_STARTED': 'The round has started: a round is dedicated to a track, and a track’s own judges and eligible proposals change, only while the round is a draft.',
  'rule.QUOTA': 'This selection has {selected} proposals where the quota is {cut}: to select more or fewer, tick the quota override and write why.',
  'rule.OWN_JUDGES': 'A track with judges of its own needs judges chosen from the panel, and only a round dedicated to it feeds it.',
  'rule.SHARED_TRACK': 'This track is judged by the panel of the round that feeds it: only a track with judges of its own has a round dedicated to it.',
  'rule.SHARED_JUDGES': 'Choose judges only for a track with judges of its own.',
  'rule.SHARED_ROUND': 'A round judged by the whole panel already feeds this track: take the track out of that round first (if that round is published, create a new track instead).',
  'rule.TRACK_FED': 'Another round already feeds this track: a track is fed by one round.',
  'rule.REVIEW_ROUND': 'Only a written-review (REVIEW) round can be dedicated to an award track.',
  'rule.PUBLISHED_AWARDS': 'A published round awarded this track, and published results keep their awards: rename the track or leave it unused instead.',
};
