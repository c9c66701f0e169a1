/**
 * Screens whose API is not on main yet. Phase 2 switches a flag on when its API lands; until then their routes
 * answer "not available yet" and their navigation entries stay hidden.
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
