/**
 * Groups of screens that can be switched off together (e.g. a deployment that does not run judging): a flag that is
 * off makes its routes answer "not available" and hides their navigation entries. All are on.
 */
export const FEATURES = {
  /** judging.graphqls: panel, conflicts, rubric, assignment, score sheets, progress, ranking, publish. */
  judging: true,
  /** team.graphqls: teams, join requests, notifications. */
  teams: true,
  /** followup.graphqls: outcome trail and adoption statistics. */
  followUp: true,
} as const;

export type Feature = keyof typeof FEATURES;
