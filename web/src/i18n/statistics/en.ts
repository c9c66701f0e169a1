// The statistics' awards per award track (docs/award-tracks.md). Spread into ../en.ts; zh-TW.ts holds the same keys.
export const statsAwardsEn = {
  'stats.years.awards': 'Awards (all tracks)',
  'stats.awards.title': 'Awards per track',
  'stats.awards.caption': 'Awards per award track of each hackathon',
  'stats.awards.hackathon': 'Hackathon',
  'stats.awards.track': 'Award track',
  'stats.awards.sponsor': 'Sponsor',
  'stats.awards.count': 'Awards',
  'stats.awards.total': 'All tracks',
  'stats.awards.note': 'A proposal can win several tracks, so the awards can exceed the proposals awarded. The funnel’s “Outstanding” stage counts the outstanding teams’ track only. awards.csv in the open data lists every award.',
  'stats.awards.empty': 'No awards in the hackathons selected.',
} as const;
