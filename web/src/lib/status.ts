import type { HackathonPhase, ProposalStatus } from '../screens/public/gql/graphql';

export const PROPOSAL_STATUSES: ProposalStatus[] = [
  'DRAFT',
  'SUBMITTED',
  'PITCHED',
  'TEAM_FORMING',
  'HACKING',
  'IN_REVIEW',
  'SHORTLISTED',
  'NOT_SHORTLISTED',
  'FINALIST',
  'OUTSTANDING',
  'NOT_SELECTED',
  'WITHDRAWN',
];

export const PHASES: HackathonPhase[] = [
  'DRAFT',
  'OPEN_FOR_PROPOSALS',
  'PITCHING',
  'HACKING',
  'JUDGING',
  'RESULTS_PUBLISHED',
  'FOLLOW_UP',
  'ARCHIVED',
];

export function nextPhase(phase: HackathonPhase): HackathonPhase | undefined {
  return PHASES[PHASES.indexOf(phase) + 1];
}

export function previousPhase(phase: HackathonPhase): HackathonPhase | undefined {
  const index = PHASES.indexOf(phase);
  return index > 0 ? PHASES[index - 1] : undefined;
}

/** Phases in which people may pitch new proposals (organizers may add them in any phase but ARCHIVED). */
export function acceptsProposals(phase: HackathonPhase): boolean {
  return phase === 'OPEN_FOR_PROPOSALS' || phase === 'PITCHING';
}

/**
 * The moves an organizer may make by hand, mirroring the backend's ProposalLifecycle table (which stays the
 * authority: a refused move comes back as BAD_USER_INPUT). OUTSTANDING and NOT_SELECTED are set only by publishing.
 */
const ORGANIZER_MOVES: Partial<Record<ProposalStatus, ProposalStatus[]>> = {
  DRAFT: ['SUBMITTED'],
  SUBMITTED: ['PITCHED', 'TEAM_FORMING', 'IN_REVIEW'],
  PITCHED: ['TEAM_FORMING', 'HACKING', 'IN_REVIEW'],
  TEAM_FORMING: ['HACKING', 'IN_REVIEW'],
  HACKING: ['IN_REVIEW'],
  IN_REVIEW: ['SHORTLISTED', 'NOT_SHORTLISTED'],
  SHORTLISTED: ['IN_REVIEW', 'FINALIST'],
  NOT_SHORTLISTED: ['IN_REVIEW'],
};

const WITHDRAWABLE: ProposalStatus[] = ['DRAFT', 'SUBMITTED', 'PITCHED', 'TEAM_FORMING', 'HACKING', 'IN_REVIEW', 'SHORTLISTED', 'NOT_SHORTLISTED', 'FINALIST'];

export function organizerMoves(from: ProposalStatus): ProposalStatus[] {
  return [...(ORGANIZER_MOVES[from] ?? []), ...(WITHDRAWABLE.includes(from) ? (['WITHDRAWN'] as ProposalStatus[]) : [])];
}

/** Whether an organizer must give a reason for this move. */
export function organizerNeedsReason(from: ProposalStatus, to: ProposalStatus): boolean {
  return to === 'WITHDRAWN' || (from === 'NOT_SHORTLISTED' && to === 'IN_REVIEW');
}

export function proposerCanSubmit(status: ProposalStatus): boolean {
  return status === 'DRAFT';
}

export function proposerCanWithdraw(status: ProposalStatus): boolean {
  return WITHDRAWABLE.includes(status);
}
