import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PROPOSER, callsNamed, renderPanel } from '../../test/harness';
import { REQUESTER, team, page, teamSection } from './teamFixtures';
import { SEARCH_DELAY } from './PersonSearch';

beforeEach(() => {
  SEARCH_DELAY.ms = 10;
});

afterEach(() => {
  vi.restoreAllMocks();
});

const LEAD_VIEW = { viewerCanManage: true, viewerMembership: { userId: 'u-prop', role: 'LEAD' } };

const PEOPLE = [
  { userId: 'u-9', displayName: 'Ivy Invitee', affiliations: ['g0v'], matchedByEmail: false, member: false, invited: false },
  { userId: 'u-prop', displayName: 'Ivy Proposer-twin', affiliations: [], matchedByEmail: false, member: true, invited: false },
  { userId: 'u-7', displayName: 'Ivan Invited', affiliations: [], matchedByEmail: false, member: false, invited: true },
];

describe('inviting a person found by name', () => {
  it('searches from 2 characters, shows no email, and invites the person chosen', async () => {
    const lead = team(LEAD_VIEW);
    const { calls } = renderPanel(
      '/proposals/p1',
      PROPOSER,
      page(lead, {
        InviteCandidates: (variables) => ({ data: { inviteCandidates: String(variables.search).startsWith('iv') ? PEOPLE : [] } }),
        InviteToTeam: () => ({
          data: {
            inviteToTeam: {
              team: { ...lead, version: 6, invitations: [{ id: 'inv1', inviteeId: 'u-9', inviteeName: 'Ivy Invitee', message: null, role: 'DESIGNER', position: null, status: 'PENDING', createdAt: '2026-07-03T00:00:00Z' }] },
            },
          },
        }),
      }),
    );
    const section = await teamSection();
    // No raw user id any more: the person is searched for.
    expect(within(section).queryByLabelText('User id of the person')).toBeNull();
    const search = await within(section).findByLabelText('Find the person');
    expect(document.getElementById(search.getAttribute('aria-describedby')!)!.textContent).toContain('email addresses are never shown');
    // Sending without anyone chosen says what to do.
    await userEvent.click(within(section).getByRole('button', { name: 'Send invitation' }));
    expect(await within(section).findByText('Find and choose the person to invite.')).toBeTruthy();

    await userEvent.type(search, 'i');
    expect(await within(section).findByText('Type at least 2 characters.')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(callsNamed(calls, 'InviteCandidates')).toHaveLength(0);

    await userEvent.type(search, 'v');
    const results = await within(section).findByRole('list', { name: 'People found' });
    expect(callsNamed(calls, 'InviteCandidates').at(-1)!.variables).toEqual({ proposalId: 'p1', search: 'iv' });
    expect(within(results).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Ivy Invitee · g0vChoose',
      'Ivy Proposer-twin · already in the teamChoose',
      'Ivan Invited · already invitedChoose',
    ]);
    expect(results.textContent).not.toContain('@');
    // Members and people already invited cannot be chosen again.
    expect((within(results).getByRole('button', { name: 'Choose Ivy Proposer-twin' }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(results).getByRole('button', { name: 'Choose Ivan Invited' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(within(results).getByRole('button', { name: 'Choose Ivy Invitee' }));
    expect(within(section).getByText('Inviting: Ivy Invitee')).toBeTruthy();
    expect(within(section).queryByText('Find and choose the person to invite.')).toBeNull();

    await userEvent.selectOptions(within(section).getByLabelText('Role offered'), 'DESIGNER');
    await userEvent.click(within(section).getByRole('button', { name: 'Send invitation' }));
    expect(callsNamed(calls, 'InviteToTeam')[0].variables.input).toEqual({
      proposalId: 'p1',
      userId: 'u-9',
      role: 'DESIGNER',
      positionId: undefined,
      message: undefined,
    });
    expect(await within(section).findByRole('button', { name: 'Withdraw the invitation to Ivy Invitee' })).toBeTruthy();
    // Back to an empty search for the next person.
    expect(within(section).getByLabelText('Find the person')).toBeTruthy();
  });

  it('says when nobody matches and when the address typed in full matched, and lets the lead choose again', async () => {
    const byEmail = { ...PEOPLE[0], matchedByEmail: true };
    renderPanel(
      '/proposals/p1',
      PROPOSER,
      page(team(LEAD_VIEW), {
        InviteCandidates: (variables) => ({ data: { inviteCandidates: variables.search === 'ivy@example.org' ? [byEmail] : [] } }),
      }),
    );
    const section = await teamSection();
    const search = await within(section).findByLabelText('Find the person');
    await userEvent.type(search, 'zz');
    expect(await within(section).findByText('Nobody found for “zz”.')).toBeTruthy();
    await userEvent.clear(search);
    await userEvent.type(search, 'ivy@example.org');
    const results = await within(section).findByRole('list', { name: 'People found' });
    expect(results.textContent).toContain('email address matches');
    await userEvent.click(within(results).getByRole('button', { name: 'Choose Ivy Invitee' }));
    await userEvent.click(within(section).getByRole('button', { name: 'Choose someone else' }));
    expect(within(section).getByLabelText('Find the person')).toBeTruthy();
  });

  it('offers no search to someone who does not manage the team', async () => {
    renderPanel('/proposals/p1', REQUESTER, page(team()));
    const section = await teamSection();
    await within(section).findByRole('list', { name: 'Members' });
    expect(within(section).queryByLabelText('Find the person')).toBeNull();
  });
});

describe('invitation links in the lead’s panel', () => {
  const LEAD = { viewerCanManage: true, viewerMembership: { userId: 'u-prop', role: 'LEAD' } };
  const OPEN_LINK = {
    id: 'l1',
    message: 'Maps people wanted',
    role: 'DESIGNER',
    position: null,
    status: 'PENDING',
    expired: false,
    createdByName: 'Pat Proposer',
    createdAt: '2026-07-02T00:00:00Z',
    expiresAt: '2026-07-09T00:00:00Z',
  };
  const NEW_LINK = { ...OPEN_LINK, id: 'l2', message: 'Come map with us', createdAt: '2026-07-03T00:00:00Z', expiresAt: '2026-07-10T00:00:00Z' };

  it('offers the link before inviting a person by name, shows a new link once with its expiry, copies it and says so', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const lead = team({ ...LEAD, openInviteLinks: [OPEN_LINK] });
    const { calls } = renderPanel(
      '/proposals/p1',
      PROPOSER,
      page(lead, {
        CreateTeamInviteLink: () => ({
          data: {
            createTeamInviteLink: { token: 'htl_abc', path: '/teams/join/htl_abc', link: NEW_LINK, team: { ...lead, version: 6, openInviteLinks: [NEW_LINK, OPEN_LINK] } },
          },
        }),
      }),
    );
    const section = await teamSection();
    const linksHeading = await within(section).findByRole('heading', { name: 'Invite with a link', level: 3 });
    const idHeading = within(section).getByRole('heading', { name: 'Invite a person', level: 3 });
    expect(linksHeading.compareDocumentPosition(idHeading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(section.textContent).toContain('A link works for 7 days unless you choose otherwise.');

    const form = within(section).getByRole('form', { name: 'Create invitation link' });
    await userEvent.selectOptions(within(form).getByLabelText('Role the link offers'), 'DESIGNER');
    await userEvent.type(within(form).getByLabelText('Message shown with the link (optional)'), 'Come map with us');
    const validity = within(form).getByLabelText('Valid for') as HTMLSelectElement;
    expect(validity.value).toBe('7');
    expect(Array.from(validity.options, (option) => option.text)).toEqual(['1 day', '3 days', '7 days', '14 days']);
    await userEvent.selectOptions(validity, '3');
    await userEvent.click(within(form).getByRole('button', { name: 'Create invitation link' }));
    expect(callsNamed(calls, 'CreateTeamInviteLink')[0].variables.input).toEqual({
      proposalId: 'p1',
      role: 'DESIGNER',
      positionId: undefined,
      message: 'Come map with us',
      validDays: 3,
    });

    const url = `${window.location.origin}/teams/join/htl_abc`;
    const field = (await within(section).findByLabelText('Invitation link')) as HTMLInputElement;
    expect(field.value).toBe(url);
    expect(field.readOnly).toBe(true);
    // Focus goes to the link, shown this once, with when it stops working.
    await vi.waitFor(() => expect(document.activeElement).toBe(field));
    expect(within(section).getByText('Invitation link created. Copy it now: it is shown only this once.')).toBeTruthy();
    // Beside the link, its QR code (drawn by a lazily loaded module) for someone to scan from the screen.
    const qr = await within(section).findByRole('img', { name: 'QR code of the invitation link' });
    expect(qr.tagName.toLowerCase()).toBe('svg');
    expect(qr.querySelectorAll('path').length).toBeGreaterThan(0);
    expect(qr.querySelector('path:last-of-type')!.getAttribute('d')!.length).toBeGreaterThan(100);
    expect(document.getElementById(field.getAttribute('aria-describedby')!)!.textContent).toMatch(/^Works once, until .*2026/);
    expect((within(form).getByLabelText('Message shown with the link (optional)') as HTMLTextAreaElement).value).toBe('');

    await userEvent.click(within(section).getByRole('button', { name: 'Copy the link' }));
    expect(writeText).toHaveBeenCalledWith(url);
    const live = within(section).getByText('Link copied.');
    expect(live.getAttribute('aria-live')).toBe('polite');
    // The new link is among the open ones, without its token.
    const open = within(section).getByRole('list', { name: 'Open invitation links' });
    expect(within(open).getAllByRole('listitem')).toHaveLength(2);
    expect(open.textContent).not.toContain('htl_abc');
  });

  it('says how to copy by hand when the browser cannot copy', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) } });
    const lead = team(LEAD);
    renderPanel(
      '/proposals/p1',
      PROPOSER,
      page(lead, {
        CreateTeamInviteLink: () => ({
          data: { createTeamInviteLink: { token: 'htl_abc', path: '/teams/join/htl_abc', link: NEW_LINK, team: { ...lead, version: 6, openInviteLinks: [NEW_LINK] } } },
        }),
      }),
    );
    const section = await teamSection();
    expect(await within(section).findByText('No invitation links are open.')).toBeTruthy();
    await userEvent.click(within(section).getByRole('button', { name: 'Create invitation link' }));
    const field = await within(section).findByLabelText('Invitation link');
    await userEvent.click(within(section).getByRole('button', { name: 'Copy the link' }));
    expect(await within(section).findByText('The link could not be copied: select it and copy it yourself.')).toBeTruthy();
    expect(document.activeElement).toBe(field);
  });

  it('lists the open links and withdraws one', async () => {
    const lead = team({ ...LEAD, openInviteLinks: [OPEN_LINK] });
    const { calls } = renderPanel(
      '/proposals/p1',
      PROPOSER,
      page(lead, {
        WithdrawTeamInviteLink: () => ({ data: { withdrawTeamInviteLink: { link: { id: 'l1', status: 'WITHDRAWN' }, team: { ...lead, version: 6, openInviteLinks: [] } } } }),
      }),
    );
    const section = await teamSection();
    const open = await within(section).findByRole('list', { name: 'Open invitation links' });
    expect(open.textContent).toContain('For a Designer, made by Pat Proposer on');
    expect(open.textContent).toContain('Maps people wanted');
    await userEvent.click(within(open).getByRole('button', { name: /^Withdraw the link made on / }));
    expect(callsNamed(calls, 'WithdrawTeamInviteLink')[0].variables.input).toEqual({ linkId: 'l1' });
    expect(await within(section).findByText('No invitation links are open.')).toBeTruthy();
    expect(within(section).getByRole('status').textContent).toBe('The invitation link was withdrawn; it no longer works.');
  });

  it('shows a refusal to make a link beside its form', async () => {
    const { calls } = renderPanel(
      '/proposals/p1',
      PROPOSER,
      page(team(LEAD), {
        CreateTeamInviteLink: () => ({
          errors: [{ message: 'This team has 50 open invitation links, the most it may have; withdraw some first.', extensions: { code: 'CONFLICT' } }],
        }),
      }),
    );
    const section = await teamSection();
    await userEvent.click(await within(section).findByRole('button', { name: 'Create invitation link' }));
    expect(callsNamed(calls, 'CreateTeamInviteLink')).toHaveLength(1);
    const form = within(section).getByRole('form', { name: 'Create invitation link' });
    expect((await within(form).findByRole('alert')).textContent).toContain('50 open invitation links');
    expect(within(section).queryByLabelText('Invitation link')).toBeNull();
  });

  it('shows neither links nor their form to someone who does not manage the team', async () => {
    renderPanel('/proposals/p1', REQUESTER, page(team()));
    const section = await teamSection();
    await within(section).findByRole('list', { name: 'Members' });
    expect(within(section).queryByRole('heading', { name: 'Invite with a link' })).toBeNull();
    expect(within(section).queryByRole('button', { name: 'Create invitation link' })).toBeNull();
  });
});
