import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ORGANIZER, PROPOSER, callsNamed, renderPanel, type Handler } from '../../test/harness';
import { validateProject } from './ProjectEditor';

const HACKATHON = { id: 'h1', slug: 'g0v-65', name: { zhTW: null, en: 'g0v hackath65n' }, timeZone: 'Asia/Taipei', phase: 'PITCHING' };
const PROPOSAL = {
  id: 'p1',
  title: { zhTW: 'Cofacts 真的假的', en: 'Cofacts' },
  summary: { zhTW: null, en: null },
  proposerId: 'u-prop',
  proposerName: 'Pat Proposer',
  channel: '#cofacts',
  needs: [],
  status: 'SUBMITTED',
  teamSize: 1,
  version: 2,
  createdAt: '2026-07-01T00:00:00Z',
  updatedAt: '2026-07-01T00:00:00Z',
  tags: [],
  links: [],
  project: null,
  hackathon: HACKATHON,
  history: [],
};
const COFACTS = { id: 'pr1', name: { zhTW: 'Cofacts 真的假的', en: 'Cofacts' }, repositoryUrl: 'https://github.com/cofacts/rumors-api', websiteUrl: null, version: 4 };
const SUGGESTIONS = [
  {
    project: COFACTS,
    reasons: ['SAME_TITLE', 'SAME_CHANNEL'],
    proposals: [{ id: 'old', title: { zhTW: 'Cofacts 真的假的', en: null }, status: 'HACKING', hackathon: { ...HACKATHON, slug: 'g0v-64', name: { zhTW: null, en: 'g0v hackath64n' } } }],
  },
  {
    project: null,
    reasons: ['SAME_REPOSITORY'],
    proposals: [{ id: 'other', title: { zhTW: null, en: 'Rumour bot' }, status: 'SUBMITTED', hackathon: HACKATHON }],
  },
];

function handlers(project: typeof COFACTS | null, extra: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    ProposalDetail: () => ({ data: { proposal: { ...PROPOSAL, project } } }),
    ProposalTeam: () => ({ data: { team: null } }),
    ProjectLinking: () => ({ data: { proposal: { id: 'p1', version: 2, project }, projectSuggestions: SUGGESTIONS } }),
    ...extra,
  };
}

async function linkingSection() {
  const heading = await screen.findByRole('heading', { name: 'Project', level: 2 });
  return heading.closest('section') as HTMLElement;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('project linking on the proposal page', () => {
  it('shows the proposer suggestions with their reasons and links to one', async () => {
    const { calls } = renderPanel(
      '/proposals/p1',
      PROPOSER,
      handlers(null, {
        LinkProposalToProject: () => ({ data: { linkProposalToProject: { proposal: { id: 'p1', version: 3, updatedAt: 'x', project: COFACTS } } } }),
      }),
    );
    const section = await linkingSection();
    const suggestions = await within(section).findByRole('list', { name: 'Looks like the same idea' });
    expect(within(suggestions).getByRole('link', { name: 'Cofacts' }).getAttribute('href')).toBe('/projects/pr1');
    expect(suggestions.textContent).toContain('Same title');
    expect(suggestions.textContent).toContain('Same chat channel');
    expect(suggestions.textContent).toContain('Same repository');
    expect(suggestions.textContent).toContain('Proposals not linked to a project');
    expect(suggestions.textContent).not.toContain('SAME_');
    await userEvent.click(within(suggestions).getByRole('button', { name: 'Link to Cofacts' }));
    expect(callsNamed(calls, 'LinkProposalToProject')[0].variables.input).toEqual({ proposalId: 'p1', projectId: 'pr1' });
    expect(await within(section).findByText('Linked to Cofacts.')).toBeTruthy();
  });

  it('starts a new project from the proposal', async () => {
    const { calls } = renderPanel(
      '/proposals/p1',
      PROPOSER,
      handlers(null, {
        LinkProposalToProject: () => ({ data: { linkProposalToProject: { proposal: { id: 'p1', version: 3, updatedAt: 'x', project: { ...COFACTS, id: 'pr2' } } } } }),
      }),
    );
    const section = await linkingSection();
    await userEvent.click(await within(section).findByRole('button', { name: 'Start a new project from this proposal' }));
    expect(callsNamed(calls, 'LinkProposalToProject')[0].variables.input).toEqual({ proposalId: 'p1' });
  });

  it('unlinks a linked proposal after confirmation, and offers to edit the project', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { calls } = renderPanel(
      '/proposals/p1',
      ORGANIZER,
      handlers(COFACTS, {
        UnlinkProposalFromProject: () => ({ data: { unlinkProposalFromProject: { proposal: { id: 'p1', version: 3, updatedAt: 'x', project: null } } } }),
      }),
    );
    const section = await linkingSection();
    expect(within(section).getByRole('link', { name: 'Edit project details' }).getAttribute('href')).toBe('/projects/pr1/edit');
    // Already linked to it: no button to link again.
    expect(within(section).queryByRole('button', { name: 'Link to Cofacts' })).toBeNull();
    await userEvent.click(within(section).getByRole('button', { name: 'Unlink from the project' }));
    expect(callsNamed(calls, 'UnlinkProposalFromProject')[0].variables.input).toEqual({ proposalId: 'p1' });
  });

  it('is not shown to a visitor', async () => {
    const { calls } = renderPanel('/proposals/p1', null, handlers(null));
    await screen.findByRole('heading', { name: 'Cofacts', level: 1 });
    expect(screen.queryByRole('heading', { name: 'Project', level: 2 })).toBeNull();
    expect(callsNamed(calls, 'ProjectLinking')).toHaveLength(0);
  });
});

describe('project editor', () => {
  const DATA = {
    ProjectEditorData: () => ({
      data: {
        project: { ...COFACTS, issueAreas: [{ id: 'media-literacy' }], proposals: [{ id: 'p1', proposerId: 'u-prop' }] },
        proposalTags: [
          { id: 'media-literacy', zhTW: '媒體識讀', en: 'Media literacy' },
          { id: 'open-data', zhTW: '開放資料', en: 'Open data' },
        ],
      },
    }),
  };

  it('saves the details with the version read, then opens the project', async () => {
    const { calls, location } = renderPanel('/projects/pr1/edit', ORGANIZER, {
      ...DATA,
      UpdateProject: () => ({ data: { updateProject: { project: { ...COFACTS, version: 5, issueAreas: [] } } } }),
    });
    const website = await screen.findByLabelText('Website', {});
    await userEvent.type(website, 'https://cofacts.tw');
    await userEvent.click(screen.getByLabelText('Open data'));
    await userEvent.type(screen.getByLabelText('Description in Traditional Chinese'), '闢謠聊天機器人。');
    await userEvent.click(screen.getByRole('button', { name: 'Save project' }));
    expect(callsNamed(calls, 'UpdateProject')[0].variables.input).toEqual({
      id: 'pr1',
      expectedVersion: 4,
      name: { zhTW: 'Cofacts 真的假的', en: 'Cofacts' },
      repositoryUrl: 'https://github.com/cofacts/rumors-api',
      websiteUrl: 'https://cofacts.tw',
      issueAreas: ['media-literacy', 'open-data'],
      description: { zhTW: '闢謠聊天機器人。', en: null },
      thumbnailUrl: '',
    });
    await vi.waitFor(() => expect(location.history.at(-1)).toBe('/projects/pr1'));
  });

  it('refuses a bad address before sending, and reports an edit made elsewhere', async () => {
    const { calls } = renderPanel('/projects/pr1/edit', PROPOSER, {
      ...DATA,
      UpdateProject: () => ({ errors: [{ message: 'The project changed since you read it.', extensions: { code: 'CONFLICT' } }] }),
    });
    const repository = await screen.findByLabelText('Repository', {});
    await userEvent.clear(repository);
    await userEvent.type(repository, 'github.com/x');
    await userEvent.click(screen.getByRole('button', { name: 'Save project' }));
    expect(await screen.findByText('Enter a full address starting with http:// or https://.')).toBeTruthy();
    expect(callsNamed(calls, 'UpdateProject')).toHaveLength(0);
    await userEvent.clear(repository);
    await userEvent.click(screen.getByRole('button', { name: 'Save project' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Someone else changed this');
    expect(screen.getByRole('button', { name: 'Load the latest version' })).toBeTruthy();
  });

  it('needs a name in one language', () => {
    expect(validateProject({ nameZh: ' ', nameEn: '', repositoryUrl: '', websiteUrl: '', issueAreas: [] })).toEqual({ name: 'editor.error.titleRequired' });
    expect(validateProject({ nameZh: 'x', nameEn: '', repositoryUrl: 'https://a.b', websiteUrl: 'ftp://a', issueAreas: [] })).toEqual({
      websiteUrl: 'editor.error.linkInvalid',
    });
  });
});
