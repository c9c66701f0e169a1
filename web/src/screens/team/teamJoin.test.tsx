import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { callsNamed, renderPanel, type Answer, type Me } from '../../test/harness';

const JOINER: Me = { id: 'u-join', displayName: 'Jo Joiner', roles: [] };

function preview(overrides: Record<string, unknown> = {}, member = false) {
  return {
    teamInviteLink: {
      id: 'l1',
      message: 'We need someone for the maps.',
      role: 'DESIGNER',
      position: { id: 'pos-fe', skill: 'Frontend' },
      status: 'PENDING',
      expired: false,
      createdByName: 'Pat Proposer',
      createdAt: '2026-07-02T00:00:00Z',
      expiresAt: '2026-07-09T00:00:00Z',
      proposal: {
        id: 'p1',
        title: { zhTW: '公車資料', en: 'Bus data' },
        status: 'SUBMITTED',
        hackathon: { id: 'h1', slug: 'g0v-70', name: { zhTW: null, en: 'g0v hackath70n' }, timeZone: 'Asia/Taipei' },
        team: { id: 'p1', size: 1, viewerMembership: member ? { userId: 'u-join', role: 'DEVELOPER' } : null },
      },
      ...overrides,
    },
  };
}

const JOINED = {
  data: {
    acceptTeamInviteLink: {
      link: { id: 'l1', status: 'ACCEPTED' },
      member: { userId: 'u-join', role: 'DESIGNER' },
      team: { id: 'p1', size: 2, viewerCanManage: false, viewerMembership: { userId: 'u-join', role: 'DESIGNER' } },
    },
  },
};

function refusal(code: string, message: string, rule?: string): Answer {
  return { errors: [{ message, extensions: { code, ...(rule ? { rule } : {}) } }] };
}

describe('the page an invitation link opens', () => {
  it('sends an anonymous visitor to sign in and back, with the token, without asking the server about it', async () => {
    const { calls } = renderPanel('/teams/join/htl_abc', null);
    expect(await screen.findByRole('heading', { name: 'Join a team', level: 1 })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign in to answer' }).getAttribute('href')).toBe('/sign-in?next=%2Fteams%2Fjoin%2Fhtl_abc');
    expect(callsNamed(calls, 'TeamInviteLinkPreview')).toHaveLength(0);
  });

  it('says which team of which proposal and hackathon invites, and joins with an affiliation', async () => {
    const { calls } = renderPanel('/teams/join/htl_abc', JOINER, {
      TeamInviteLinkPreview: () => ({ data: preview() }),
      AcceptTeamInviteLink: () => JOINED,
    });
    expect(
      await screen.findByRole('heading', {
        name: 'The team of “Bus data” at g0v hackath70n invites you to join as Designer, for the position Frontend.',
        level: 2,
      }),
    ).toBeTruthy();
    expect(callsNamed(calls, 'TeamInviteLinkPreview')[0].variables).toEqual({ token: 'htl_abc' });
    expect(screen.getByText('We need someone for the maps.')).toBeTruthy();
    expect(screen.getByText(/^Invitation from Pat Proposer\. Works once, until /)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Your affiliation (optional)'), ' g0v ');
    await userEvent.click(screen.getByRole('button', { name: 'Join the team' }));
    expect(callsNamed(calls, 'AcceptTeamInviteLink')[0].variables.input).toEqual({ token: 'htl_abc', affiliation: 'g0v' });
    expect((await screen.findByText('Welcome to the team!')).closest('[role="status"]')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Join the team' })).toBeNull();
    expect(screen.getByRole('link', { name: 'See the proposal and its team' }).getAttribute('href')).toBe('/proposals/p1#team');
  });

  it('declines', async () => {
    const { calls } = renderPanel('/teams/join/htl_abc', JOINER, {
      TeamInviteLinkPreview: () => ({ data: preview({ position: null }) }),
      DeclineTeamInviteLink: () => ({ data: { declineTeamInviteLink: { link: { id: 'l1', status: 'DECLINED' } } } }),
    });
    expect(await screen.findByRole('heading', { name: 'The team of “Bus data” at g0v hackath70n invites you to join as Designer.' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Decline' }));
    expect(callsNamed(calls, 'DeclineTeamInviteLink')[0].variables.input).toEqual({ token: 'htl_abc' });
    expect((await screen.findByText('You declined the invitation. The team’s leads were told.')).closest('[role="status"]')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Decline' })).toBeNull();
  });

  const REFUSALS: [string, Answer, string][] = [
    ['an invalid link', refusal('NOT_FOUND', 'This invitation link is not valid.'), 'This invitation link is not valid: it may have been withdrawn, or mistyped.'],
    ['a used link', refusal('CONFLICT', 'This invitation link has already been used.', 'inviteLinkUsed'), 'This invitation link has already been used: each link works once.'],
    ['an expired link', refusal('BAD_USER_INPUT', 'This invitation link expired.', 'inviteLinkExpired'), 'This invitation link has expired.'],
    ['a member', refusal('BAD_USER_INPUT', 'You are already a member of this team.', 'alreadyMember'), 'You are already a member of this team.'],
    ['a full team', refusal('BAD_USER_INPUT', 'A team has at most 100 members.', 'teamFull'), 'This team is full: it cannot take more members.'],
    ['one team per hackathon', refusal('CONFLICT', 'You can be in only one team.', 'oneTeamPerHackathon'), 'At this hackathon a person can be in only one team'],
    ['a closed team', refusal('BAD_USER_INPUT', 'This team takes no new members.', 'teamClosed'), 'This team takes no new members now'],
    ['a full position', refusal('CONFLICT', 'The position has no free seat left.', 'positionFull'), 'This position is full'],
  ];

  for (const [what, answer, shown] of REFUSALS) {
    it(`says clearly when joining is refused: ${what}`, async () => {
      renderPanel('/teams/join/htl_abc', JOINER, {
        TeamInviteLinkPreview: () => ({ data: preview() }),
        AcceptTeamInviteLink: () => answer,
      });
      await userEvent.click(await screen.findByRole('button', { name: 'Join the team' }));
      expect((await screen.findByRole('alert')).textContent).toContain(shown);
      expect(screen.queryByText('Welcome to the team!')).toBeNull();
      expect(screen.getByRole('button', { name: 'Join the team' })).toBeTruthy();
    });
  }

  it('says at once, without buttons, that a link is invalid, used, expired or already yours', async () => {
    const cases: [() => Answer, string][] = [
      [() => refusal('NOT_FOUND', 'This invitation link is not valid.'), 'This invitation link is not valid'],
      [() => ({ data: preview({ status: 'ACCEPTED' }) }), 'This invitation link has already been used'],
      [() => ({ data: preview({ expired: true }) }), 'This invitation link has expired.'],
      [() => ({ data: preview({}, true) }), 'You are already a member of this team.'],
    ];
    for (const [answer, shown] of cases) {
      const view = renderPanel('/teams/join/htl_abc', JOINER, { TeamInviteLinkPreview: answer });
      expect((await screen.findByRole('alert')).textContent).toContain(shown);
      expect(screen.queryByRole('button', { name: 'Join the team' })).toBeNull();
      view.unmount();
    }
  });

  it('speaks Traditional Chinese', async () => {
    renderPanel('/teams/join/htl_abc', JOINER, { TeamInviteLinkPreview: () => ({ data: preview({ position: null }) }) }, 'zh-TW');
    expect(await screen.findByRole('heading', { name: '「公車資料」團隊（g0v hackath70n）邀請您以設計的身分加入。' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '加入團隊' })).toBeTruthy();
  });
});
