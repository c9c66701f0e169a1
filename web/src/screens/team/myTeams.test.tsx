import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PROPOSER, callsNamed, renderPanel } from '../../test/harness';

const HACKATHON = { id: 'h1', slug: 'g0v-65', name: { zhTW: null, en: 'g0v hackath65n' }, timeZone: 'Asia/Taipei' };
const proposal = (id: string, title: string) => ({ id, title: { zhTW: null, en: title }, status: 'TEAM_FORMING', hackathon: HACKATHON });

const MY_TEAMS = {
  myTeams: [
    {
      id: 't1',
      size: 3,
      viewerCanManage: true,
      viewerMembership: { userId: 'u-prop', role: 'LEAD' },
      proposal: proposal('t1', 'Disaster volunteers'),
      openPositions: [{ id: 'pos1', skill: 'Frontend', openings: 1 }],
      joinRequests: [{ id: 'jr9' }, { id: 'jr10' }],
    },
  ],
  myJoinRequests: [
    { id: 'jr1', status: 'PENDING', message: 'Hi', role: null, position: { id: 'pos2', skill: 'Data' }, decisionNote: null, createdAt: '2026-07-02T02:00:00Z', decidedAt: null, proposal: proposal('p2', 'Air quality map') },
    { id: 'jr2', status: 'DECLINED', message: null, role: 'DESIGNER', position: null, decisionNote: 'Team is full, sorry', createdAt: '2026-07-01T02:00:00Z', decidedAt: '2026-07-01T05:00:00Z', proposal: proposal('p3', 'Budget visualiser') },
  ],
  myTeamInvitations: [
    { id: 'inv1', status: 'PENDING', message: 'We need you!', role: 'DESIGNER', position: { id: 'pos3', skill: 'UX' }, createdAt: '2026-07-02T00:00:00Z', decidedAt: null, proposal: proposal('p4', 'Care map') },
  ],
};

describe('my teams', () => {
  it('lists my teams with pending requests to decide, my requests with their outcome, and invitations', async () => {
    renderPanel('/teams', PROPOSER, { MyTeams: () => ({ data: MY_TEAMS }) });
    expect(await screen.findByRole('heading', { name: 'My teams', level: 1 })).toBeTruthy();
    const teams = screen.getByRole('list', { name: 'Teams you are in' });
    expect(within(teams).getByRole('link', { name: 'Disaster volunteers' }).getAttribute('href')).toBe('/proposals/t1#team');
    expect(teams.textContent).toContain('you: Lead · 3 in the team · open: Frontend');
    expect(within(teams).getByRole('link', { name: '2 join requests waiting for you' })).toBeTruthy();

    const requests = screen.getByRole('list', { name: 'Your join requests' });
    expect(requests.textContent).toContain('Waiting');
    expect(requests.textContent).toContain('as Data');
    expect(requests.textContent).toContain('Declined');
    expect(requests.textContent).toContain('Note from the team: Team is full, sorry');
    // Only a waiting request can be withdrawn.
    expect(within(requests).getAllByRole('button')).toHaveLength(1);

    const invitations = screen.getByRole('list', { name: 'Invitations to you' });
    expect(invitations.textContent).toContain('The team invites you to join as Designer, for the position UX.');
    expect(invitations.textContent).toContain('We need you!');
  });

  it('accepts an invitation with an affiliation and withdraws a request', async () => {
    const { calls } = renderPanel('/teams', PROPOSER, {
      MyTeams: () => ({ data: MY_TEAMS }),
      AcceptTeamInvitation: () => ({
        data: { acceptTeamInvitation: { invitation: { id: 'inv1', status: 'ACCEPTED', decidedAt: 'x' }, team: { id: 'p4', size: 2, viewerCanManage: false, viewerMembership: { userId: 'u-prop', role: 'DESIGNER' } } } },
      }),
      WithdrawMyJoinRequest: () => ({ data: { withdrawJoinRequest: { joinRequest: { id: 'jr1', status: 'WITHDRAWN', decidedAt: 'x' } } } }),
    });
    const invitations = await screen.findByRole('list', { name: 'Invitations to you' });
    await userEvent.type(within(invitations).getByLabelText('Your affiliation (optional)'), '衛福部');
    await userEvent.click(within(invitations).getByRole('button', { name: 'Accept the invitation to Care map' }));
    expect(callsNamed(calls, 'AcceptTeamInvitation')[0].variables.input).toEqual({ invitationId: 'inv1', affiliation: '衛福部' });
    const reloads = callsNamed(calls, 'MyTeams').length;
    expect(reloads).toBeGreaterThan(1);

    await userEvent.click(screen.getByRole('button', { name: 'Withdraw my request to join Air quality map' }));
    expect(callsNamed(calls, 'WithdrawMyJoinRequest')[0].variables.input).toEqual({ requestId: 'jr1' });
    await vi.waitFor(() => expect(callsNamed(calls, 'MyTeams').length).toBeGreaterThan(reloads));
  });

  it('declines an invitation with a note', async () => {
    const { calls } = renderPanel('/teams', PROPOSER, {
      MyTeams: () => ({ data: MY_TEAMS }),
      DeclineTeamInvitation: () => ({ data: { declineTeamInvitation: { invitation: { id: 'inv1', status: 'DECLINED', decidedAt: 'x' } } } }),
    });
    await userEvent.type(await screen.findByLabelText('Note if you decline (optional)', {}), 'Busy this time');
    await userEvent.click(screen.getByRole('button', { name: 'Decline the invitation to Care map' }));
    expect(callsNamed(calls, 'DeclineTeamInvitation')[0].variables.input).toEqual({ invitationId: 'inv1', note: 'Busy this time' });
  });

  it('says so when there is nothing yet', async () => {
    renderPanel('/teams', PROPOSER, { MyTeams: () => ({ data: { myTeams: [], myJoinRequests: [], myTeamInvitations: [] } }) });
    expect(await screen.findByText(/You are not in a team yet/, {})).toBeTruthy();
    expect(screen.getByText('You have not asked to join a team.')).toBeTruthy();
    expect(screen.getByText('No invitations are waiting for you.')).toBeTruthy();
  });
});

describe('projects that need a skill', () => {
  const HACKATHON_ANSWER = { SkillSearchHackathon: () => ({ data: { hackathon: { id: 'h1', slug: 'g0v-65', name: { zhTW: null, en: 'g0v hackath65n' }, phase: 'PITCHING' } } }) };

  it('is linked from the hackathon page', async () => {
    renderPanel('/hackathons/g0v-65', null, {
      HackathonDetail: () => ({
        data: {
          hackathon: { id: 'h1', slug: 'g0v-65', name: { zhTW: null, en: 'g0v hackath65n' }, kind: 'COMMUNITY', edition: 65, startsAt: '2026-09-20T01:00:00Z', endsAt: '2026-09-21T10:00:00Z', timeZone: 'Asia/Taipei', location: null, phase: 'PITCHING', outstandingQuota: 0, rounds: [] },
          proposalTags: [],
        },
      }),
    });
    const link = await screen.findByRole('link', { name: 'Find projects that need a skill' });
    expect(link.getAttribute('href')).toBe('/hackathons/g0v-65/skills');
  });

  it('finds the projects with an open position for the skill, and keeps the skill in the address', async () => {
    const { calls, location } = renderPanel('/hackathons/g0v-65/skills', null, {
      ...HACKATHON_ANSWER,
      ProposalsNeedingSkill: () => ({
        data: {
          proposalsNeedingSkill: {
            edges: [
              {
                cursor: 'c1',
                node: {
                  id: 'p1',
                  title: { zhTW: '災害應變志工媒合', en: null },
                  status: 'TEAM_FORMING',
                  proposerName: 'Pat',
                  needs: ['後端', 'PM'],
                  teamSize: 2,
                  team: { id: 'p1', openPositions: [{ id: 'pos1', skill: 'Frontend', role: 'DEVELOPER', openings: 1 }] },
                },
              },
            ],
            pageInfo: { hasNextPage: false, endCursor: 'c1' },
          },
        },
      }),
    });
    expect(await screen.findByRole('heading', { name: 'Projects that need a skill at g0v hackath65n', level: 1 })).toBeTruthy();
    expect(screen.getByText('Enter a skill to see the projects that need it.')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Skill'), ' frontend ');
    await userEvent.click(screen.getByRole('button', { name: 'Find projects' }));
    expect(location.history.at(-1)).toBe('/hackathons/g0v-65/skills?skill=frontend');
    const list = await screen.findByRole('list', { name: 'Projects that need “frontend”' });
    expect(within(list).getByRole('link', { name: '災害應變志工媒合' }).getAttribute('href')).toBe('/proposals/p1#team');
    expect(list.textContent).toContain('Open positions: Frontend (Developer, 1 open)');
    expect(callsNamed(calls, 'ProposalsNeedingSkill')[0].variables).toMatchObject({ slug: 'g0v-65', skill: 'frontend', after: null });
  });

  it('says when no project needs the skill', async () => {
    renderPanel('/hackathons/g0v-65/skills?skill=COBOL', null, {
      ...HACKATHON_ANSWER,
      ProposalsNeedingSkill: () => ({ data: { proposalsNeedingSkill: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } }),
    });
    expect(await screen.findByText('No project needs “COBOL” right now.', {})).toBeTruthy();
    expect((screen.getByLabelText('Skill') as HTMLInputElement).value).toBe('COBOL');
  });
});
