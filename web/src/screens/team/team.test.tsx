import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ORGANIZER, PROPOSER, callsNamed, renderPanel } from '../../test/harness';
import { NOTIFICATIONS_CHANGED } from '../../lib/notifications';
import { REQUESTER, LEAD_MEMBER, FRONTEND, team, REQUEST, page, teamSection } from './teamFixtures';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('team on the proposal page', () => {
  it('shows a visitor the members with roles and affiliations, the open seats and the partner agency', async () => {
    renderPanel('/proposals/p1', null, page(team({ members: [LEAD_MEMBER, { ...LEAD_MEMBER, userId: 'u-2', displayName: 'Dee Dev', role: 'DEVELOPER', affiliation: 'g0v', joinedVia: 'REQUEST', position: { id: 'pos-be', skill: 'Backend' } }] })));
    const section = await teamSection();
    const members = await within(section).findByRole('list', { name: 'Members' });
    expect(within(members).getByText('Pat Proposer')).toBeTruthy();
    expect(members.textContent).toContain('Lead');
    expect(members.textContent).toContain('Dee Dev');
    expect(members.textContent).toContain('Developer');
    expect(members.textContent).toContain('for g0v · as Backend');
    const positions = within(section).getByRole('list', { name: 'Open positions' });
    expect(positions.textContent).toContain('Frontend');
    expect(positions.textContent).toContain('0 of 1 filled, 1 open');
    expect(section.textContent).toContain('交通部, 公路局');
    // Anonymous: a way to sign in and come back to the team, no forms.
    expect(within(section).getByRole('link', { name: 'Sign in to ask to join' }).getAttribute('href')).toBe(
      '/sign-in?next=%2Fproposals%2Fp1%23team',
    );
    expect(within(section).queryByRole('button', { name: 'Ask to join' })).toBeNull();
    expect(within(section).queryByRole('button', { name: 'Open a new position' })).toBeNull();
  });

  it('lets a signed-in person ask to join for a position with a message, then shows the request as waiting', async () => {
    const events = vi.fn();
    window.addEventListener(NOTIFICATIONS_CHANGED, events);
    const pending = team({ version: 6, joinRequests: [REQUEST] });
    const { calls } = renderPanel(
      '/proposals/p1',
      REQUESTER,
      page(team(), {
        RequestToJoinTeam: () => ({
          data: { requestToJoinTeam: { joinRequest: { id: 'jr1', status: 'PENDING', proposal: { id: 'p1', status: 'SUBMITTED', teamSize: 1, version: 2, team: pending } } } },
        }),
      }),
    );
    const section = await teamSection();
    await userEvent.selectOptions(await within(section).findByLabelText('Position you want'), 'pos-fe');
    // A position carries its role: the role choice is only for a request without one.
    expect(within(section).queryByLabelText('Role you offer')).toBeNull();
    await userEvent.type(within(section).getByLabelText('Your affiliation (optional)'), 'g0v');
    await userEvent.type(within(section).getByLabelText('Message to the team’s leads (optional)'), 'I build maps with React.');
    await userEvent.click(within(section).getByRole('button', { name: 'Ask to join' }));
    expect(callsNamed(calls, 'RequestToJoinTeam')[0].variables.input).toEqual({
      proposalId: 'p1',
      positionId: 'pos-fe',
      role: undefined,
      affiliation: 'g0v',
      message: 'I build maps with React.',
    });
    expect(await within(section).findByText(/You asked to join as Frontend on/)).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Withdraw my request' })).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Ask to join' })).toBeNull();
    expect(events).toHaveBeenCalled();
    window.removeEventListener(NOTIFICATIONS_CHANGED, events);
  });

  it('withdraws a pending request', async () => {
    const { calls } = renderPanel(
      '/proposals/p1',
      REQUESTER,
      page(team({ joinRequests: [REQUEST] }), {
        WithdrawJoinRequest: () => ({
          data: { withdrawJoinRequest: { joinRequest: { id: 'jr1', status: 'WITHDRAWN', proposal: { id: 'p1', status: 'SUBMITTED', teamSize: 1, version: 2, team: team({ version: 6 }) } } } },
        }),
      }),
    );
    const section = await teamSection();
    await userEvent.click(await within(section).findByRole('button', { name: 'Withdraw my request' }));
    expect(callsNamed(calls, 'WithdrawJoinRequest')[0].variables.input).toEqual({ requestId: 'jr1' });
    expect(await within(section).findByText('Your request was withdrawn.')).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Ask to join' })).toBeTruthy();
  });

  it('lets a lead accept a request with a note, and shows the new member', async () => {
    const lead = team({ viewerCanManage: true, viewerMembership: { userId: 'u-prop', role: 'LEAD' }, joinRequests: [REQUEST] });
    const after = team({
      version: 6,
      size: 2,
      viewerCanManage: true,
      viewerMembership: { userId: 'u-prop', role: 'LEAD' },
      members: [LEAD_MEMBER, { ...LEAD_MEMBER, userId: 'u-req', displayName: 'Rae Requester', role: 'DEVELOPER', affiliation: 'g0v', joinedVia: 'REQUEST', position: { id: 'pos-fe', skill: 'Frontend' } }],
      positions: [{ ...FRONTEND, filled: 1, openings: 0 }],
    });
    const { calls } = renderPanel(
      '/proposals/p1',
      PROPOSER,
      page(lead, {
        AcceptJoinRequest: () => ({
          data: { acceptJoinRequest: { joinRequest: { id: 'jr1', status: 'ACCEPTED', proposal: { id: 'p1', status: 'TEAM_FORMING', teamSize: 2, version: 3 } }, team: after } },
        }),
      }),
    );
    const section = await teamSection();
    const requests = await within(section).findByRole('list', { name: 'Join requests' });
    expect(requests.textContent).toContain('asks to join as Frontend');
    expect(requests.textContent).toContain('I build maps with React.');
    await userEvent.type(within(section).getByLabelText('Note to Rae Requester (optional)'), 'Welcome!');
    await userEvent.click(within(section).getByRole('button', { name: 'Accept Rae Requester' }));
    expect(callsNamed(calls, 'AcceptJoinRequest')[0].variables.input).toEqual({ requestId: 'jr1', note: 'Welcome!' });
    expect(await within(section).findByText('No requests are waiting.')).toBeTruthy();
    expect(within(section).getByRole('status').textContent).toBe('Rae Requester is now a member.');
    // The accept button went away with the request: focus goes to the announcement, not to the page's start.
    expect(document.activeElement?.textContent).toBe('Rae Requester is now a member.');
    expect(within(section).getByRole('list', { name: 'Members' }).textContent).toContain('Rae Requester');
    expect(within(section).getByRole('list', { name: 'Open positions' }).textContent).toContain('1 of 1 filled, 0 open');
  });

  it('says clearly when the position is full, in the reader’s language, and offers to reload', async () => {
    const lead = team({ viewerCanManage: true, viewerMembership: { userId: 'u-prop', role: 'LEAD' }, joinRequests: [REQUEST] });
    const { calls } = renderPanel(
      '/proposals/p1',
      PROPOSER,
      page(lead, {
        AcceptJoinRequest: () => ({
          errors: [
            {
              message: "The position 'Frontend' has no free seat left (1 of 1 filled). Raise its count or decline the request.",
              extensions: { code: 'CONFLICT', rule: 'positionFull', positionId: 'pos-fe' },
            },
          ],
        }),
      }),
      'zh-TW',
    );
    const heading = await screen.findByRole('heading', { name: '團隊', level: 2 });
    const section = heading.closest('section') as HTMLElement;
    await userEvent.click(await within(section).findByRole('button', { name: '接受 Rae Requester' }));
    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toContain('這個職缺已滿，沒有空位了。');
    expect(alert.textContent).toContain("The position 'Frontend' has no free seat left");
    // Not the generic "edited elsewhere" message.
    expect(alert.textContent).not.toContain('這份資料剛被其他人修改過');
    const before = callsNamed(calls, 'ProposalTeam').length;
    await userEvent.click(within(alert).getByRole('button', { name: '載入最新版本' }));
    expect(callsNamed(calls, 'ProposalTeam').length).toBeGreaterThan(before);
  });

  it('lets a lead open, edit and remove positions', async () => {
    const lead = team({ viewerCanManage: true, viewerMembership: { userId: 'u-prop', role: 'LEAD' } });
    const withData = team({ version: 6, viewerCanManage: true, viewerMembership: { userId: 'u-prop', role: 'LEAD' }, positions: [FRONTEND, { ...FRONTEND, id: 'pos-d', skill: 'Data', role: 'DATA', count: 2, openings: 2, description: null }] });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { calls } = renderPanel(
      '/proposals/p1',
      PROPOSER,
      page(lead, {
        OpenTeamPosition: () => ({ data: { openTeamPosition: { team: withData } } }),
        UpdateTeamPosition: () => ({ data: { updateTeamPosition: { team: { ...withData, version: 7 } } } }),
        RemoveTeamPosition: () => ({ data: { removeTeamPosition: { team: { ...withData, version: 8, positions: [FRONTEND] } } } }),
      }),
    );
    const section = await teamSection();
    await userEvent.click(await within(section).findByRole('button', { name: 'Open a new position' }));
    const form = within(section).getByRole('form', { name: 'Open position' });
    // Nothing is sent without a skill.
    await userEvent.click(within(form).getByRole('button', { name: 'Open position' }));
    expect(await within(form).findByText('Name the skill wanted.')).toBeTruthy();
    expect(callsNamed(calls, 'OpenTeamPosition')).toHaveLength(0);
    await userEvent.type(within(form).getByLabelText('Skill wanted'), 'Data');
    await userEvent.selectOptions(within(form).getByLabelText('Role'), 'DATA');
    await userEvent.clear(within(form).getByLabelText('Seats'));
    await userEvent.type(within(form).getByLabelText('Seats'), '2');
    await userEvent.click(within(form).getByRole('button', { name: 'Open position' }));
    expect(callsNamed(calls, 'OpenTeamPosition')[0].variables.input).toEqual({
      proposalId: 'p1',
      skill: 'Data',
      role: 'DATA',
      count: 2,
      description: undefined,
    });
    expect(await within(section).findByRole('button', { name: 'Edit position Data' })).toBeTruthy();

    await userEvent.click(within(section).getByRole('button', { name: 'Edit position Data' }));
    const edit = within(section).getByRole('form', { name: 'Edit position Data' });
    await userEvent.clear(within(edit).getByLabelText('Seats'));
    await userEvent.type(within(edit).getByLabelText('Seats'), '0');
    await userEvent.click(within(edit).getByRole('button', { name: 'Save position' }));
    expect(callsNamed(calls, 'UpdateTeamPosition')[0].variables.input).toMatchObject({ proposalId: 'p1', positionId: 'pos-d', count: 0, skill: 'Data' });

    await userEvent.click(await within(section).findByRole('button', { name: 'Remove position Data' }));
    expect(callsNamed(calls, 'RemoveTeamPosition')[0].variables.input).toEqual({ proposalId: 'p1', positionId: 'pos-d' });
    await vi.waitFor(() => expect(within(section).queryByRole('button', { name: 'Remove position Data' })).toBeNull());
  });

  it('sets the partner agency', async () => {
    const lead = team({ viewerCanManage: true, viewerMembership: { userId: 'u-prop', role: 'LEAD' }, partnerAgency: null });
    const { calls } = renderPanel(
      '/proposals/p1',
      PROPOSER,
      page(lead, {
        SetTeamPartnerAgency: () => ({ data: { setTeamPartnerAgency: { team: { ...lead, version: 6, partnerAgency: { name: '衛生福利部', department: '長期照顧司' } } } } }),
      }),
    );
    const section = await teamSection();
    await userEvent.type(await within(section).findByLabelText('Agency name'), '衛生福利部');
    await userEvent.type(within(section).getByLabelText('Department (optional)'), '長期照顧司');
    await userEvent.click(within(section).getByRole('button', { name: 'Save partner agency' }));
    expect(callsNamed(calls, 'SetTeamPartnerAgency')[0].variables.input).toEqual({
      proposalId: 'p1',
      partnerAgency: { name: '衛生福利部', department: '長期照顧司' },
    });
    expect(await within(section).findByText('Partner agency saved.')).toBeTruthy();
    expect(section.textContent).toContain('衛生福利部, 長期照顧司');
  });

  it('makes the last lead hand over before leaving', async () => {
    const member = { ...LEAD_MEMBER, userId: 'u-2', displayName: 'Dee Dev', role: 'DEVELOPER', joinedVia: 'REQUEST' };
    const lead = team({ size: 2, viewerCanManage: true, viewerMembership: { userId: 'u-prop', role: 'LEAD' }, members: [LEAD_MEMBER, member] });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { calls } = renderPanel(
      '/proposals/p1',
      PROPOSER,
      page(lead, {
        LeaveTeam: () => ({
          data: { leaveTeam: { team: { ...lead, version: 6, size: 1, viewerCanManage: false, viewerMembership: null, members: [{ ...member, role: 'LEAD' }], proposal: { id: 'p1', status: 'SUBMITTED', teamSize: 1, version: 3 } } } },
        }),
      }),
    );
    const section = await teamSection();
    await userEvent.click(await within(section).findByRole('button', { name: 'Hand over the lead and leave' }));
    expect(await within(section).findByText('Choose who takes over the lead.')).toBeTruthy();
    expect(callsNamed(calls, 'LeaveTeam')).toHaveLength(0);
    await userEvent.selectOptions(within(section).getByLabelText('Hand the lead to'), 'u-2');
    await userEvent.click(within(section).getByRole('button', { name: 'Hand over the lead and leave' }));
    expect(callsNamed(calls, 'LeaveTeam')[0].variables.input).toEqual({ proposalId: 'p1', handOverTo: 'u-2' });
    expect(await within(section).findByText('You left the team.')).toBeTruthy();
  });

  it('lets a lead remove a member with a reason, but not the proposer', async () => {
    const member = { ...LEAD_MEMBER, userId: 'u-2', displayName: 'Dee Dev', role: 'DEVELOPER', joinedVia: 'REQUEST' };
    const coLead = { ...LEAD_MEMBER, userId: 'u-3', displayName: 'Cody Colead' };
    const lead = team({ size: 3, viewerCanManage: true, viewerMembership: { userId: 'u-3', role: 'LEAD' }, members: [LEAD_MEMBER, coLead, member] });
    const { calls } = renderPanel(
      '/proposals/p1',
      { id: 'u-3', displayName: 'Cody Colead', roles: [] },
      page(lead, {
        RemoveTeamMember: () => ({
          data: { removeTeamMember: { team: { ...lead, version: 6, size: 2, members: [LEAD_MEMBER, coLead], proposal: { id: 'p1', status: 'TEAM_FORMING', teamSize: 2, version: 3 } } } },
        }),
      }),
    );
    const section = await teamSection();
    expect(await within(section).findByRole('button', { name: 'Remove Dee Dev' })).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Remove Pat Proposer' })).toBeNull();
    expect(within(section).queryByRole('button', { name: 'Remove Cody Colead' })).toBeNull();
    await userEvent.click(within(section).getByRole('button', { name: 'Remove Dee Dev' }));
    await userEvent.type(within(section).getByLabelText('Reason, told to Dee Dev (optional)'), 'Left the event');
    await userEvent.click(within(section).getByRole('button', { name: 'Remove Dee Dev from the team' }));
    expect(callsNamed(calls, 'RemoveTeamMember')[0].variables.input).toEqual({ proposalId: 'p1', userId: 'u-2', reason: 'Left the event' });
    await vi.waitFor(() => expect(within(section).getByRole('list', { name: 'Members' }).textContent).not.toContain('Dee Dev'));
  });

  it('gives organizers adding a member and allowing late members (with a reason)', async () => {
    const asOrganizer = team({ viewerCanManage: true });
    const { calls } = renderPanel(
      '/proposals/p1',
      ORGANIZER,
      page(asOrganizer, {
        AddTeamMember: () => ({ data: { addTeamMember: { team: { ...asOrganizer, version: 6, size: 2, proposal: { id: 'p1', status: 'SUBMITTED', teamSize: 2, version: 3 } } } } }),
        AllowLateTeamMembers: () => ({ data: { allowLateTeamMembers: { team: { ...asOrganizer, version: 7, lateMembersAllowed: true, lateMembersReason: 'Mentor joins late' } } } }),
      }),
    );
    const section = await teamSection();
    await userEvent.type(await within(section).findByLabelText('User id of the new member'), 'u-5');
    await userEvent.selectOptions(within(section).getByLabelText('Role of the new member'), 'PUBLIC_SERVANT');
    await userEvent.type(within(section).getByLabelText('Affiliation of the new member (optional)'), '交通部');
    await userEvent.click(within(section).getByRole('button', { name: 'Add member' }));
    expect(callsNamed(calls, 'AddTeamMember')[0].variables.input).toEqual({ proposalId: 'p1', userId: 'u-5', role: 'PUBLIC_SERVANT', affiliation: '交通部' });
    expect(await within(section).findByText('Member added.')).toBeTruthy();

    await userEvent.click(within(section).getByLabelText(/Allow new members although/));
    await userEvent.click(within(section).getByRole('button', { name: 'Save' }));
    expect(await within(section).findByText('Say why late members are allowed.')).toBeTruthy();
    expect(callsNamed(calls, 'AllowLateTeamMembers')).toHaveLength(0);
    await userEvent.type(within(section).getByLabelText('Reason'), 'Mentor joins late');
    await userEvent.click(within(section).getByRole('button', { name: 'Save' }));
    expect(callsNamed(calls, 'AllowLateTeamMembers')[0].variables.input).toEqual({ proposalId: 'p1', allowed: true, reason: 'Mentor joins late' });
    expect(await within(section).findByText(/An organizer allows new members/)).toBeTruthy();
  });

  it('brings the team into view when a notification links to #team, after the shell scrolled to the top', async () => {
    // First the proposal page, so its screens are loaded and its answers are at hand when the link is followed, as in
    // a browser that has been there before: the team is then on screen in the same commit as the page title.
    const { location } = renderPanel('/proposals/p1', REQUESTER, {
      ...page(team()),
      Notifications: () => ({
        data: {
          notifications: {
            edges: [
              {
                cursor: 'c1',
                node: {
                  id: 'n1',
                  type: 'TEAM_JOIN_REQUEST_ACCEPTED',
                  parameters: [{ name: 'proposalTitle', value: 'Bus data' }],
                  link: '/proposals/p1#team',
                  createdAt: '2026-07-02T02:00:00Z',
                  readAt: '2026-07-02T02:00:00Z',
                  read: true,
                },
              },
            ],
            pageInfo: { hasNextPage: false, endCursor: 'c1' },
          },
        },
      }),
    });
    await screen.findByRole('heading', { name: 'Team', level: 2 });
    act(() => location.navigate('/notifications'));
    const link = await screen.findByRole('link', { name: /was accepted/ });
    // The test's router keeps its address in memory; the browser's address carries the #team the link asks for.
    window.history.pushState(null, '', '/proposals/p1#team');
    // The shell scrolls to the top after every navigation; the team must be scrolled to after that, not before.
    const scrolls: string[] = [];
    vi.stubGlobal('scrollTo', () => scrolls.push('top'));
    const scrollIntoView = vi.fn(function (this: HTMLElement) {
      scrolls.push(this.id);
    });
    Object.defineProperty(HTMLElement.prototype, 'scrollIntoView', { value: scrollIntoView, configurable: true });
    try {
      await userEvent.click(link);
      expect(location.history.at(-1)).toBe('/proposals/p1#team');
      const heading = await screen.findByRole('heading', { name: 'Team', level: 2 });
      await vi.waitFor(() => expect(scrolls.at(-1)).toBe('team-heading'));
      expect(scrolls).toContain('top');
      expect(document.activeElement).toBe(heading);
    } finally {
      window.history.pushState(null, '', '/');
      delete (HTMLElement.prototype as { scrollIntoView?: unknown }).scrollIntoView;
    }
  });

  it('shows an invitation to the viewer on the team, to accept in place', async () => {
    const invited = team({
      invitations: [{ id: 'inv1', inviteeId: 'u-req', inviteeName: 'Rae Requester', message: 'Join us!', role: 'DESIGNER', position: null, status: 'PENDING', createdAt: '2026-07-03T00:00:00Z' }],
    });
    const { calls } = renderPanel(
      '/proposals/p1',
      REQUESTER,
      page(invited, {
        AcceptTeamInvitation: () => ({ data: { acceptTeamInvitation: { invitation: { id: 'inv1', status: 'ACCEPTED', decidedAt: '2026-07-03T01:00:00Z' }, team: { id: 'p1', size: 2, viewerCanManage: false, viewerMembership: { userId: 'u-req', role: 'DESIGNER' } } } } }),
      }),
    );
    const section = await teamSection();
    expect(await within(section).findByText('The team invites you to join as Designer.')).toBeTruthy();
    await userEvent.click(within(section).getByRole('button', { name: 'Accept the invitation' }));
    expect(callsNamed(calls, 'AcceptTeamInvitation')[0].variables.input).toEqual({ invitationId: 'inv1', affiliation: undefined });
  });
});
