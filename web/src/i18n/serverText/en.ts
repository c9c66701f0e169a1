/**
 * Messages for text the server makes and sends as codes with arguments (history entries, reasons, job names and
 * runs, notices, rules), in their own file so that the main catalog stays small and merges stay easy.
 */
export const serverTextEn = {
  'proposal.reasonCode.TEAM_FORMED': 'The first team member besides the proposer joined.',
  'proposal.reasonCode.ROUND_OPENED': 'Judging round “{round}” opened.',
  'proposal.reasonCode.RESULTS_PUBLISHED': 'Results of round “{round}” published.',
  'proposal.reasonCode.IMPORTED_CSV': 'Imported from CSV.',
  'proposal.reasonCode.IMPORTED_PAGE': 'Imported from the 松後推坑 page (Markdown).',
  'jobs.name.statisticsRollup': 'Statistics roll-up',
  'jobs.name.outcomeImport': 'Outcome import',
  'jobs.name.followUpDue': 'Follow-up reminders',
  'jobs.name.activityCheck': 'Project activity check',
  'jobs.requestedByYou': 'Started by you',
  'jobs.requestedBy': 'Started by {name}',
  'jobs.someone': 'someone',
  'jobs.scheduledFor': 'Scheduled run ({when})',
  'notification.followUpRequestedAt': '{edition}, {months, plural, one {# month} other {# months}} after the event: what has become of “{projectName}”? Report a milestone, or say there is nothing new.',
  'stats.openData.attributionDefault': 'the organisers of the hackathons listed (this site names no publisher)',
  'rule.rankingNoAssignment': 'This round has no assignment of judges yet, so there is nothing to rank.',
  'rule.rankingNoRubric': 'This round has no rubric yet, so there is nothing to rank.',
} as const;
