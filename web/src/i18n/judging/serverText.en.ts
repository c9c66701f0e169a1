// English for the judging text the server sends as codes with arguments after an action (issue #17): why a proposal
// is not ranked, why an assignment rule is not met, what publishing could not do. Spread into judgingEn (en.ts);
// serverText.zh-TW.ts holds exactly the same keys. (Why publishing cannot go ahead is `rule.*` in i18n/serverText,
// shared with the refusals the panel shows for any screen.)
export const judgingServerTextEn = {
  'judging.unranked.NO_SUBMITTED_SHEETS': 'no judge has submitted a score sheet for it yet',
  'judging.unranked.ONLY_ZERO_WEIGHT_SECTORS': '{count, plural, one {its only sheets come from a sector weighted 0 ({sectors})} other {its only sheets come from sectors weighted 0 ({sectors})}}; give such a sector a weight, or add sheets from a weighted sector',
  'judging.assignCause.TOO_FEW_AVAILABLE': '{judges, plural, =0 {no judge without a conflict is available} one {only # judge without a conflict is available} other {only # judges without a conflict are available}}',
  'judging.assignCause.ALL_AT_MAX_LOAD': 'every other judge who could take it is at their maximum load',
  'judging.assignCause.REASSIGNMENT_ONLY': '{judges, plural, one {# judge still has room} other {# judges still have room}}, but moving one judge’s work does not fill other gaps: run a full assignment to fill it',
  'judging.assignCause.NO_PLACEMENT': '{judges, plural, one {# judge still has room} other {# judges still have room}} but could not be placed without breaking another rule',
  'judging.assignCause.CONFLICT_KEPT': '{judge} is assigned but has a conflict of interest with it: reassign or remove that assignment',
  'judging.assignCause.someJudge': 'a judge',
  'judging.publishProblem.notMoved': '“{title}” could not be moved to “{to}”.',
  'judging.publishProblem.notMovedFrom': '“{title}” could not be moved to “{to}”: it is “{from}”.',
  'judging.listSeparator': ', ',
} as const;
