// What the team screens' tests share: a proposal page with a team, and the team section in it.
import { screen } from '@testing-library/react';
import type { Handler, Me } from '../../test/harness';

export const HACKATHON = { id: 'h1', slug: 'g0v-70', name: { zhTW: null, en: 'g0v hackath70n' }, timeZone: 'Asia/Taipei', phase: 'PITCHING' };
export const PROPOSAL = {
  id: 'p1',
  title: { zhTW: '公車資料', en: 'Bus data' },
  summary: { zhTW: null, en: 'Live bus positions' },
  proposerId: 'u-prop',
  proposerName: 'Pat Proposer',
  channel: null,
  needs: ['frontend'],
  status: 'SUBMITTED',
  teamSize: 1,
  version: 2,
  createdAt: '2026-07-01T00:00:00Z',
  updatedAt: '2026-07-01T00:00:00Z',
  tags: [],
  links: [],
  project: null,
  hackathon: HACKATHON,
  history: null,
};
export const REQUESTER: Me = { id: 'u-req', displayName: 'Rae Requester', roles: [] };

export const LEAD_MEMBER = {
  userId: 'u-prop',
  displayName: 'Pat Proposer',
  role: 'LEAD',
  affiliation: null,
  joinedVia: 'PROPOSER',
  joinedAt: '2026-07-01T01:00:00Z',
  position: null,
};
export const FRONTEND = { id: 'pos-fe', skill: 'Frontend', role: 'DEVELOPER', description: 'React and maps', count: 1, filled: 0, openings: 1 };

export type TeamFixture = Record<string, unknown> & { version: number };

export function team(overrides: Partial<TeamFixture> = {}): TeamFixture {
  return {
    id: 'p1',
    version: 5,
    size: 1,
    viewerCanManage: false,
    lateMembersAllowed: false,
    lateMembersReason: null,
    partnerAgency: { name: '交通部', department: '公路局' },
    viewerMembership: null,
    members: [LEAD_MEMBER],
    positions: [FRONTEND],
    joinRequests: [],
    invitations: [],
    openInviteLinks: [],
    ...overrides,
  };
}

export const REQUEST = {
  id: 'jr1',
  requesterId: 'u-req',
  requesterName: 'Rae Requester',
  message: 'I build maps with React.',
  position: { id: 'pos-fe', skill: 'Frontend' },
  role: null,
  affiliation: 'g0v',
  status: 'PENDING',
  createdAt: '2026-07-02T02:00:00Z',
};

export function page(teamAnswer: TeamFixture | null, extra: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    ProposalDetail: () => ({ data: { proposal: PROPOSAL } }),
    ProposalTeam: () => ({ data: { team: teamAnswer } }),
    ProjectLinking: () => ({ data: { proposal: { id: 'p1', version: 2, project: null }, projectSuggestions: [] } }),
    ...extra,
  };
}

export async function teamSection() {
  const heading = await screen.findByRole('heading', { name: 'Team', level: 2 });
  return heading.closest('section') as HTMLElement;
}

