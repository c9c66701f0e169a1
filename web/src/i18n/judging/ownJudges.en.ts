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
};
