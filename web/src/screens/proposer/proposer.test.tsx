import { beforeEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PROPOSER, callsNamed, renderPanel, stubAuthOptions } from '../../test/harness';

const TAGS = [
  { id: 'open-government', zhTW: '開放政府', en: 'Open government' },
  { id: 'environment', zhTW: '環境', en: 'Environment' },
];
const NEW_PROPOSAL_DATA = {
  NewProposalData: () => ({
    data: { hackathon: { id: 'h1', slug: 'g0v-70', name: { zhTW: '零時政府第七十次', en: 'g0v hackath70n' }, phase: 'OPEN_FOR_PROPOSALS' }, proposalTags: TAGS },
  }),
};
const EXISTING = {
  id: 'p1',
  title: { zhTW: '公車資料', en: 'Bus data' },
  summary: { zhTW: null, en: 'Open bus positions.' },
  channel: '#bus',
  needs: ['frontend'],
  status: 'DRAFT',
  version: 3,
  tags: [{ id: 'environment' }],
  links: [{ type: 'REPOSITORY', url: 'https://github.com/example/bus' }],
  hackathon: { slug: 'g0v-70', name: { zhTW: null, en: 'g0v hackath70n' } },
};

beforeEach(() => {
  stubAuthOptions({ providers: [], demo: true, personas: [{ id: 'proposer', displayName: 'Demo Proposer' }] });
});

describe('proposal editor', () => {
  it('refuses a non-http link next to its field and sends nothing', async () => {
    const { calls } = renderPanel('/hackathons/g0v-70/propose', PROPOSER, NEW_PROPOSAL_DATA);
    await userEvent.type(await screen.findByLabelText('Title in English'), 'Bus data');
    await userEvent.click(screen.getByRole('button', { name: 'Add a link' }));
    await userEvent.type(screen.getByLabelText('Address of link 1'), 'ftp://example.org/x');
    await userEvent.click(screen.getByRole('button', { name: 'Create proposal' }));
    expect(await screen.findByText('Enter a full address starting with http:// or https://.')).toBeTruthy();
    expect(screen.getByLabelText('Address of link 1').getAttribute('aria-invalid')).toBe('true');
    expect(callsNamed(calls, 'CreateProposal')).toHaveLength(0);
  });

  it('requires a title in at least one language', async () => {
    const { calls } = renderPanel('/hackathons/g0v-70/propose', PROPOSER, NEW_PROPOSAL_DATA);
    await userEvent.click(await screen.findByRole('button', { name: 'Create proposal' }));
    expect((await screen.findAllByText('Give a title in at least one language.')).length).toBeGreaterThan(0);
    expect(callsNamed(calls, 'CreateProposal')).toHaveLength(0);
  });

  it('creates a bilingual proposal with tags, needs and typed links, then opens it', async () => {
    const { calls, location } = renderPanel('/hackathons/g0v-70/propose', PROPOSER, {
      ...NEW_PROPOSAL_DATA,
      CreateProposal: () => ({ data: { createProposal: { proposal: { id: 'p9', version: 0 } } } }),
      ProposalDetail: () => ({ data: { proposal: null } }),
    });
    await userEvent.type(await screen.findByLabelText('Title in Traditional Chinese'), '公車資料');
    await userEvent.type(screen.getByLabelText('Title in English'), 'Bus data');
    await userEvent.type(screen.getByLabelText('Summary in English'), 'Line one\nline two');
    await userEvent.type(screen.getByLabelText('Chat channel'), '#bus');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Environment' }));
    await userEvent.type(screen.getByLabelText('Skills needed'), 'frontend, data；設計');
    await userEvent.click(screen.getByRole('button', { name: 'Add a link' }));
    await userEvent.type(screen.getByLabelText('Address of link 1'), 'https://example.org/pitch.mp4');
    await userEvent.click(screen.getByRole('button', { name: 'Create proposal' }));
    const [create] = callsNamed(calls, 'CreateProposal');
    expect(create.variables.input).toEqual({
      hackathonSlug: 'g0v-70',
      title: { zhTW: '公車資料', en: 'Bus data' },
      summary: { zhTW: null, en: 'Line one\nline two' },
      channel: '#bus',
      tags: ['environment'],
      needs: ['frontend', 'data', '設計'],
      links: [{ type: 'PITCH_VIDEO', url: 'https://example.org/pitch.mp4' }],
    });
    expect(location.history.at(-1)).toBe('/proposals/p9');
  });

  it('guesses the type of a link from its address until the proposer chooses one', async () => {
    const { calls } = renderPanel('/hackathons/g0v-70/propose', PROPOSER, {
      ...NEW_PROPOSAL_DATA,
      CreateProposal: () => ({ data: { createProposal: { proposal: { id: 'p9', version: 0 } } } }),
      ProposalDetail: () => ({ data: { proposal: null } }),
    });
    await userEvent.type(await screen.findByLabelText('Title in English'), 'Bus data');
    await userEvent.click(screen.getByRole('button', { name: 'Add a link' }));
    await userEvent.type(screen.getByLabelText('Address of link 1'), 'https://github.com/g0v/bus');
    expect((screen.getByLabelText('Type of link 1') as HTMLSelectElement).value).toBe('REPOSITORY');
    await userEvent.click(screen.getByRole('button', { name: 'Add a link' }));
    await userEvent.selectOptions(screen.getByLabelText('Type of link 2'), 'WEBSITE');
    await userEvent.type(screen.getByLabelText('Address of link 2'), 'https://youtu.be/demo');
    expect((screen.getByLabelText('Type of link 2') as HTMLSelectElement).value).toBe('WEBSITE');
    await userEvent.click(screen.getByRole('button', { name: 'Create proposal' }));
    expect(callsNamed(calls, 'CreateProposal')[0].variables.input).toMatchObject({
      links: [
        { type: 'REPOSITORY', url: 'https://github.com/g0v/bus' },
        { type: 'WEBSITE', url: 'https://youtu.be/demo' },
      ],
    });
  });

  it('shows the server message for a field next to that field', async () => {
    renderPanel('/hackathons/g0v-70/propose', PROPOSER, {
      ...NEW_PROPOSAL_DATA,
      CreateProposal: () => ({
        errors: [{ message: 'A title needs at least one letter or digit.', extensions: { code: 'BAD_USER_INPUT', field: 'title' } }],
      }),
    });
    await userEvent.type(await screen.findByLabelText('Title in English'), '!!!');
    await userEvent.click(screen.getByRole('button', { name: 'Create proposal' }));
    expect((await screen.findAllByText('A title needs at least one letter or digit.')).length).toBe(2);
    expect(screen.getByRole('alert').textContent).toContain('Please check what you entered');
  });

  it('keeps what was typed when the session has ended, and offers sign-in in place', async () => {
    renderPanel('/hackathons/g0v-70/propose', PROPOSER, {
      ...NEW_PROPOSAL_DATA,
      CreateProposal: () => ({ errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] }),
    });
    await userEvent.type(await screen.findByLabelText('Title in English'), 'Bus data');
    await userEvent.click(screen.getByRole('button', { name: 'Create proposal' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Your session ended');
    expect((screen.getByLabelText('Title in English') as HTMLInputElement).value).toBe('Bus data');
    // Kept across a reload or a provider sign-in too.
    expect(sessionStorage.getItem('hacktrail.draft.new-proposal.g0v-70')).toContain('Bus data');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(await screen.findByRole('button', { name: 'Sign in as Demo Proposer' })).toBeTruthy();
  });

  it('saves an edit with the version it read, and offers the latest version on a conflict', async () => {
    let version = 3;
    const { calls } = renderPanel('/proposals/p1/edit', PROPOSER, {
      ProposalEditorData: () => ({ data: { proposal: { ...EXISTING, version }, proposalTags: TAGS } }),
      UpdateProposal: () => ({ errors: [{ message: 'Changed by someone else.', extensions: { code: 'CONFLICT' } }] }),
    });
    const title = await screen.findByLabelText('Title in English');
    expect((title as HTMLInputElement).value).toBe('Bus data');
    await userEvent.clear(title);
    await userEvent.type(title, 'Bus data for all');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const [update] = callsNamed(calls, 'UpdateProposal');
    expect(update.variables.input).toMatchObject({
      id: 'p1',
      expectedVersion: 3,
      title: { zhTW: '公車資料', en: 'Bus data for all' },
      tags: ['environment'],
      links: [{ type: 'REPOSITORY', url: 'https://github.com/example/bus' }],
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Someone else changed this');
    version = 4;
    await userEvent.click(screen.getByRole('button', { name: 'Load the latest version' }));
    expect(callsNamed(calls, 'ProposalEditorData').length).toBeGreaterThan(1);
  });
});

describe('API tokens', () => {
  it('shows a new secret once, then only its prefix', async () => {
    let tokens: unknown[] = [];
    const { calls } = renderPanel('/me/tokens', PROPOSER, {
      MyTokens: () => ({ data: { me: { id: 'u-prop', apiTokens: tokens } } }),
      CreateApiToken: () => {
        const token = { id: 't1', name: 'CSV sync', prefix: 'ht_ab12', createdAt: '2026-01-01T00:00:00Z', expiresAt: null, revokedAt: null, active: true };
        tokens = [token];
        return { data: { createApiToken: { secret: 'ht_ab12SECRETSECRET', token } } };
      },
    });
    expect(await screen.findByText('You have no tokens.')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Token name'), 'CSV sync');
    await userEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(callsNamed(calls, 'CreateApiToken')[0].variables.input).toEqual({ name: 'CSV sync', expiresAt: undefined });
    expect(await screen.findByText('ht_ab12SECRETSECRET')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Revoke CSV sync' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByText('ht_ab12SECRETSECRET')).toBeNull();
    expect(screen.getByText('ht_ab12…')).toBeTruthy();
  });

  it('asks for a name before sending', async () => {
    const { calls } = renderPanel('/me/tokens', PROPOSER, { MyTokens: () => ({ data: { me: { id: 'u-prop', apiTokens: [] } } }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Create token' }));
    expect(await screen.findByText('Give the token a name.')).toBeTruthy();
    expect(callsNamed(calls, 'CreateApiToken')).toHaveLength(0);
  });
});

describe('profile', () => {
  it('saves the display name and one affiliation per line', async () => {
    const { calls } = renderPanel('/me', PROPOSER, {
      MyProfile: () => ({ data: { me: { id: 'u-prop', displayName: 'Pat', email: 'pat@example.org', affiliations: ['g0v'], roles: [] } } }),
      UpdateMyProfile: () => ({ data: { updateMyProfile: { user: { id: 'u-prop', displayName: 'Pat P', affiliations: ['g0v', 'Ministry X'], roles: [] } } } }),
    });
    const affiliations = await screen.findByLabelText('Affiliations');
    await userEvent.type(affiliations, '\n Ministry X \n\n');
    await userEvent.clear(screen.getByLabelText('Display name'));
    await userEvent.type(screen.getByLabelText('Display name'), 'Pat P');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(callsNamed(calls, 'UpdateMyProfile')[0].variables.input).toEqual({ displayName: 'Pat P', affiliations: ['g0v', 'Ministry X'] });
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });
});
