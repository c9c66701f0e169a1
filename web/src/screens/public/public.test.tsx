import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { JUDGE, ORGANIZER, PROPOSER, callsNamed, renderPanel } from '../../test/harness';
import { toProposalFilter } from './HackathonPage';

const HACKATHON = {
  id: 'h1',
  slug: 'g0v-70',
  name: { zhTW: '零時政府第七十次', en: 'g0v hackath70n' },
  kind: 'COMMUNITY',
  edition: 70,
  startsAt: '2026-07-12T01:00:00Z',
  endsAt: '2026-07-12T10:00:00Z',
  timeZone: 'Asia/Taipei',
  location: 'Taipei',
  phase: 'OPEN_FOR_PROPOSALS',
  outstandingQuota: 0,
  rounds: [],
};
const TAGS = [{ id: 'environment', zhTW: '環境', en: 'Environment' }];

function proposal(id: string, title: string) {
  return {
    cursor: `c-${id}`,
    node: { id, title: { zhTW: null, en: title }, proposerName: 'Ann', status: 'SUBMITTED', channel: '#x', needs: ['data'], teamSize: 0, tags: TAGS },
  };
}

describe('hackathon page', () => {
  it('shows dates in the hackathon time zone, and filters proposals by status, tag, skill and text', async () => {
    const { calls } = renderPanel('/hackathons/g0v-70', null, {
      HackathonDetail: () => ({ data: { hackathon: HACKATHON, proposalTags: TAGS } }),
      HackathonProposals: () => ({ data: { proposals: { edges: [proposal('p1', 'Bus data')], pageInfo: { hasNextPage: false, endCursor: 'c-p1' } } } }),
    });
    expect(await screen.findByRole('heading', { name: 'g0v hackath70n', level: 1 })).toBeTruthy();
    // 01:00 UTC is 09:00 in Taipei, whatever the reader's zone.
    expect(screen.getByText(/Jul 12, 2026, 9:00 AM – 6:00 PM GMT\+8/)).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Bus data' })).toBeTruthy();
    expect(callsNamed(calls, 'HackathonProposals')[0].variables.filter).toBeUndefined();

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'SUBMITTED');
    await userEvent.selectOptions(screen.getByLabelText('Issue area'), 'environment');
    await userEvent.type(screen.getByLabelText('Skill needed'), ' data ');
    await userEvent.type(screen.getByLabelText('Search title, summary or proposer'), 'bus (live)');
    await userEvent.click(screen.getByRole('button', { name: 'Show proposals' }));
    const last = callsNamed(calls, 'HackathonProposals').at(-1)!;
    expect(last.variables).toMatchObject({
      slug: 'g0v-70',
      after: null,
      filter: { status: ['SUBMITTED'], tag: 'environment', need: 'data', text: 'bus (live)' },
    });
    // Anonymous visitors get a sign-in path to propose while the hackathon is open.
    expect(screen.getByRole('link', { name: 'Propose a project' }).getAttribute('href')).toContain('/sign-in?next=');
  });

  it('shows the planned deadlines in the hackathon time zone', async () => {
    renderPanel(
      '/hackathons/g0v-70',
      null,
      {
        HackathonDetail: () => ({
          data: {
            hackathon: { ...HACKATHON, plannedDeadlines: { proposalDeadline: '2026-07-10T15:59:00Z', teamFormation: null, judging: '2026-07-20T10:00:00Z' } },
            proposalTags: TAGS,
          },
        }),
        HackathonProposals: () => ({ data: { proposals: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } }),
      },
      'zh-TW',
    );
    const label = await screen.findByText('提案截止（Asia/Taipei）');
    expect(label.nextElementSibling?.textContent).toMatch(/2026.*7.*10.*23:59|2026.*7.*10.*11:59/);
    expect(screen.getByText('評審截止（Asia/Taipei）')).toBeTruthy();
    expect(screen.queryByText('組隊截止（Asia/Taipei）')).toBeNull();
  });

  it('loads more with the cursor of the last page and moves focus to the first new proposal', async () => {
    const { calls } = renderPanel('/hackathons/g0v-70', PROPOSER, {
      HackathonDetail: () => ({ data: { hackathon: HACKATHON, proposalTags: TAGS } }),
      HackathonProposals: (vars) =>
        vars.after == null
          ? { data: { proposals: { edges: [proposal('p1', 'First')], pageInfo: { hasNextPage: true, endCursor: 'c-p1' } } } }
          : { data: { proposals: { edges: [proposal('p2', 'Second')], pageInfo: { hasNextPage: false, endCursor: 'c-p2' } } } },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    const second = await screen.findByRole('link', { name: 'Second' });
    expect(callsNamed(calls, 'HackathonProposals').at(-1)!.variables.after).toBe('c-p1');
    expect(document.activeElement).toBe(second);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(screen.getByRole('link', { name: 'First' })).toBeTruthy();
  });

  it('leaves out empty filters', () => {
    expect(toProposalFilter({ status: '', tag: '', need: '  ', text: '' })).toBeUndefined();
  });
});

const DETAIL = {
  id: 'p1',
  title: { zhTW: '公車資料', en: 'Bus data' },
  summary: { zhTW: '即時公車位置', en: 'Live bus positions' },
  proposerId: 'u-prop',
  proposerName: 'Pat Proposer',
  channel: '#bus',
  needs: ['frontend'],
  status: 'DRAFT',
  teamSize: 0,
  version: 2,
  createdAt: '2026-07-01T00:00:00Z',
  updatedAt: '2026-07-01T00:00:00Z',
  tags: TAGS,
  links: [{ type: 'SLIDES', url: 'https://example.org/slides' }],
  project: { id: 'pr1', name: { zhTW: null, en: 'Bus project' } },
  hackathon: { id: 'h1', slug: 'g0v-70', name: HACKATHON.name, timeZone: 'Asia/Taipei', phase: 'OPEN_FOR_PROPOSALS' },
  history: [{ from: null, to: 'DRAFT', at: '2026-07-01T00:00:00Z', by: 'u-prop', actor: 'PROPOSER', reason: null }],
};

describe('proposal page', () => {
  it('shows both languages, links, project, and lets the proposer submit with the version read', async () => {
    const { calls } = renderPanel('/proposals/p1', PROPOSER, {
      ProposalDetail: () => ({ data: { proposal: DETAIL } }),
      TransitionProposal: () => ({ data: { transitionProposal: { proposal: { ...DETAIL, status: 'SUBMITTED', version: 3 } } } }),
    });
    expect(await screen.findByRole('heading', { name: 'Bus data', level: 1 })).toBeTruthy();
    expect(screen.getByText('即時公車位置').closest('[lang]')!.getAttribute('lang')).toBe('zh-TW');
    expect(screen.getByText('Live bus positions')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'https://example.org/slides' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bus project' }).getAttribute('href')).toBe('/projects/pr1');
    expect(screen.getByRole('link', { name: 'Edit proposal' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'History' })).toBeTruthy();
    // Submitting sits at the top of the page, before the facts and the team, and asks first.
    const bar = screen.getByRole('region', { name: 'Submit proposal' });
    expect(bar.compareDocumentPosition(screen.getByText('Live bus positions')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(bar.className).toBe('submit-bar');
    const submit = within(bar).getByRole('button', { name: 'Submit proposal' });
    expect(screen.getAllByRole('button', { name: 'Submit proposal' })).toHaveLength(1);
    await userEvent.click(submit);
    let dialog = await screen.findByRole('dialog', { name: 'Submit this proposal?' });
    expect(dialog.textContent).toContain('“Bus data” is public for g0v hackath70n');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsNamed(calls, 'TransitionProposal')).toHaveLength(0);
    await userEvent.click(submit);
    dialog = await screen.findByRole('dialog', { name: 'Submit this proposal?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Submit' }));
    expect(callsNamed(calls, 'TransitionProposal')[0].variables.input).toEqual({
      proposalId: 'p1',
      to: 'SUBMITTED',
      expectedVersion: 2,
    });
    expect(await screen.findByText('Submitted: the proposal is now public.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Submit proposal' })).toBeNull();
  });

  it('offers an organizer the allowed moves and requires a reason to withdraw', async () => {
    const { calls } = renderPanel('/proposals/p1', ORGANIZER, {
      ProposalDetail: () => ({ data: { proposal: { ...DETAIL, status: 'SUBMITTED', proposerId: 'someone' } } }),
      TransitionProposal: () => ({ data: { transitionProposal: { proposal: { ...DETAIL, status: 'WITHDRAWN' } } } }),
    });
    const select = await screen.findByLabelText('Move to');
    const options = Array.from((select as HTMLSelectElement).options).map((o) => o.value);
    expect(options).toEqual(['', 'PITCHED', 'TEAM_FORMING', 'IN_REVIEW', 'WITHDRAWN']);
    await userEvent.selectOptions(select, 'WITHDRAWN');
    await userEvent.click(screen.getByRole('button', { name: 'Change status' }));
    expect(await screen.findByText('Give a reason for this change.')).toBeTruthy();
    expect(callsNamed(calls, 'TransitionProposal')).toHaveLength(0);
    await userEvent.type(screen.getByLabelText('Reason (required)'), 'Duplicate of another pitch');
    await userEvent.click(screen.getByRole('button', { name: 'Change status' }));
    expect(callsNamed(calls, 'TransitionProposal')[0].variables.input).toMatchObject({ to: 'WITHDRAWN', reason: 'Duplicate of another pitch' });
  });

  it('shows an illegal move refused by the server as a message', async () => {
    renderPanel('/proposals/p1', PROPOSER, {
      ProposalDetail: () => ({ data: { proposal: DETAIL } }),
      TransitionProposal: () => ({
        errors: [{ message: 'A proposal cannot move from DRAFT to SUBMITTED now.', extensions: { code: 'BAD_USER_INPUT', from: 'DRAFT', to: 'SUBMITTED' } }],
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Submit proposal' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Submit' }));
    expect((await screen.findByRole('alert')).textContent).toContain('A proposal cannot move from DRAFT to SUBMITTED now.');
  });

  it('shows a visitor no actions and no history', async () => {
    renderPanel('/proposals/p1', null, { ProposalDetail: () => ({ data: { proposal: { ...DETAIL, history: null } } }) });
    expect(await screen.findByRole('heading', { name: 'Bus data', level: 1 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Submit proposal' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Edit proposal' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'History' })).toBeNull();
  });
});

describe('project page', () => {
  it('lists the project proposals across editions', async () => {
    renderPanel('/projects/pr1', null, {
      ProjectDetail: () => ({
        data: {
          project: {
            id: 'pr1',
            name: { zhTW: null, en: 'Bus project' },
            repositoryUrl: 'https://github.com/example/bus',
            websiteUrl: null,
            issueAreas: TAGS,
            proposals: [
              { id: 'a', title: { zhTW: null, en: 'Bus v1' }, status: 'HACKING', proposerName: 'Ann', hackathon: { ...HACKATHON, slug: 'g0v-60', name: { zhTW: null, en: 'g0v 60' } } },
              { id: 'b', title: { zhTW: null, en: 'Bus v2' }, status: 'SUBMITTED', proposerName: 'Ann', hackathon: HACKATHON },
            ],
          },
        },
      }),
    });
    expect(await screen.findByRole('heading', { name: 'Bus project', level: 1 })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bus v1' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'g0v 60' }).getAttribute('href')).toBe('/hackathons/g0v-60');
    expect(screen.getByRole('link', { name: 'Bus v2' })).toBeTruthy();
  });
});

describe('judge home (placeholder until the judging API)', () => {
  it('says nothing is assigned yet and marks the list ready for the benchmark', async () => {
    performance.clearMarks();
    renderPanel('/judge', JUDGE, { JudgeHome: () => ({ data: { myJudging: [], myJudgeInvitations: [] } }) });
    expect(await screen.findByText(/No assignments yet/)).toBeTruthy();
    // The mark is set in an effect after the list renders: wait for it rather than race it.
    await waitFor(() => expect(performance.getEntriesByName('judge-list-ready')).toHaveLength(1));
  });
});
