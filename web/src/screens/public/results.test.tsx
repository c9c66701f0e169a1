import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PROPOSER, callsNamed, renderPanel, stubAuthOptions } from '../../test/harness';
import { criterionMeans } from '../../lib/judging';

const HACKATHON = { id: 'h1', slug: 'ph-2026', name: { zhTW: '總統盃黑客松', en: 'Presidential Hackathon' }, timeZone: 'Asia/Taipei', phase: 'JUDGING', outstandingQuota: 2 };
const title = (en: string) => ({ zhTW: null, en });
const CRITERIA = [
  { id: 'impact', name: title('Impact'), weight: 3, scaleMin: 1, scaleMax: 10 },
  { id: 'feasibility', name: title('Feasibility'), weight: 1, scaleMin: 1, scaleMax: 10 },
];

function round(id: string, status: string, mode = 'NONE') {
  return { id, name: title(id === 'r1' ? 'Preliminary review' : 'Final'), kind: id === 'r1' ? 'REVIEW' : 'FINAL', status, publishedAt: status === 'PUBLISHED' ? '2026-11-27T02:00:00Z' : null, cutSize: 2, publicVote: { mode, credits: 99 }, criteria: CRITERIA };
}

function line(id: string, name: string, rank: number, extra: Record<string, unknown> = {}) {
  return {
    proposalId: id,
    proposal: { id, title: title(name), proposerName: 'Ann' },
    rank,
    finalScore: 9 - rank,
    sectorScores: [
      { sector: 'PUBLIC', sheetCount: 1, mean: 9 - rank, weight: 0.5 },
      { sector: 'PRIVATE', sheetCount: 1, mean: 8.5 - rank, weight: 0.5 },
    ],
    voteTotal: null,
    voteScore: null,
    missingSectors: [],
    divergence: 0.5,
    divergent: false,
    tied: false,
    inTopN: rank <= 2,
    rankLow: rank,
    rankHigh: rank + 1,
    probabilityTopN: rank <= 2 ? 0.8 : 0.2,
    straddlesCut: false,
    evidence: null,
    ...extra,
  };
}

const PUBLISHED = {
  roundRanking: {
    published: true,
    algorithmVersion: 'hacktrail-rubric-1',
    outstandingQuota: 2,
    summary: {
      proposalCount: 3,
      rankedCount: 3,
      sheetCount: 4,
      judgeCount: 2,
      normalised: true,
      sectorWeights: [
        { sector: 'PUBLIC', weight: 0.5 },
        { sector: 'PRIVATE', weight: 0.5 },
      ],
      voteWeight: null,
      bootstrapReplicates: 1000,
      seed: '2026',
    },
    lines: [line('p1', 'Bus arrivals', 1), line('p2', 'Shelter map', 2), line('p3', 'Open budget', 3)],
    ties: [],
    unranked: [],
    selection: { proposalIds: ['p1', 'p3'], kind: 'OVERRIDE', justification: 'The agency committed budget to the open budget tool.', tieResolution: null, topN: ['p1', 'p2'], at: '2026-11-27T01:00:00Z' },
    publicVote: null,
    uncertainty: null,
  },
};

const OPEN_DATA = {
  format: 'hacktrail-results-1',
  rounds: [
    {
      id: 'r1',
      rubric: [{ id: 'impact' }, { id: 'feasibility' }],
      sheets: [
        { judge: 'j1', proposal: 'p1', scores: { impact: 8, feasibility: 6 } },
        { judge: 'j2', proposal: 'p1', scores: { impact: 9, feasibility: 5 } },
        { judge: 'j1', proposal: 'p3', scores: { impact: 4, feasibility: 7 } },
      ],
    },
  ],
};

describe('published results', () => {
  it('means each criterion over the counted sheets of the open data', () => {
    expect(criterionMeans(OPEN_DATA.rounds[0] as never)).toEqual({
      p1: { impact: { mean: 8.5, sheets: 2 }, feasibility: { mean: 5.5, sheets: 2 } },
      p3: { impact: { mean: 4, sheets: 1 }, feasibility: { mean: 7, sheets: 1 } },
    });
  });

  it('shows the ranking, the selection with its published justification, per-criterion means and the open data', async () => {
    const fetchMock = stubAuthOptions(undefined, (url) =>
      url === '/api/hackathons/ph-2026/results.json'
        ? new Response(JSON.stringify(OPEN_DATA), { status: 200, headers: { 'Content-Type': 'application/json' } })
        : undefined,
    );
    renderPanel('/hackathons/ph-2026/results', null, {
      HackathonResults: () => ({ data: { hackathon: HACKATHON, judgingRounds: [round('r1', 'PUBLISHED'), round('r2', 'DRAFT')] } }),
      PublishedRanking: () => ({ data: PUBLISHED }),
    });
    expect(await screen.findByRole('heading', { name: 'Results of Presidential Hackathon', level: 1 })).toBeTruthy();
    const ranking = await screen.findByRole('table', { name: 'Ranking with per-sector means and its uncertainty' });
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.id);
    // Winners first: the round (with its selection) comes before the open-data files.
    expect(headings.at(-1)).toBe('open-data-heading');
    expect(headings.length).toBeGreaterThan(1);
    const open = within(ranking).getByRole('row', { name: /Open budget/ });
    expect(open.textContent).toContain('Shortlisted');
    expect(open.textContent).toContain('3–4');
    expect(within(ranking).getByRole('link', { name: 'Bus arrivals' }).getAttribute('href')).toBe('/proposals/p1');
    expect(screen.getByText(/^Shortlisted:/).parentElement!.textContent).toContain('Bus arrivals, Open budget');
    expect(screen.getByText('The agency committed budget to the open budget tool.', { exact: false })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download results.json' }).getAttribute('href')).toBe('/api/hackathons/ph-2026/results.json');
    expect(screen.getByRole('link', { name: 'Download results.csv' }).getAttribute('href')).toBe('/api/hackathons/ph-2026/results.csv');
    // Next to it, the file for spreadsheet apps, with what it does as the link's description.
    const forSpreadsheets = screen.getByRole('link', { name: 'CSV for spreadsheet apps', description: /^Formulas neutralised/ });
    expect(forSpreadsheets.getAttribute('href')).toBe('/api/hackathons/ph-2026/results.csv?for=spreadsheet');
    expect(screen.getByText('scripts/recompute-ranking results.json')).toBeTruthy();
    const criteria = await screen.findByRole('table', { name: 'Mean score per criterion (counted sheets)' });
    expect(within(criteria).getByRole('row', { name: /Bus arrivals/ }).textContent).toBe('Bus arrivals8.55.5');
    // On a phone the wide tables scroll sideways: a keyboard reaches each scroller, named after its table.
    const scroller = screen.getByRole('region', { name: 'Mean score per criterion (counted sheets)' });
    expect(scroller.contains(criteria)).toBe(true);
    expect(scroller.tabIndex).toBe(0);
    expect(fetchMock).toHaveBeenCalledWith('/api/hackathons/ph-2026/results.json', expect.anything());
  });

  it('says when nothing is published yet, and links to an open public vote', async () => {
    stubAuthOptions();
    renderPanel('/hackathons/ph-2026/results', null, {
      HackathonResults: () => ({ data: { hackathon: HACKATHON, judgingRounds: [round('r1', 'OPEN', 'QUADRATIC')] } }),
    });
    expect(await screen.findByText('No results have been published yet.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Vote in Preliminary review' }).getAttribute('href')).toBe('/hackathons/ph-2026/vote/r1');
  });

  it('says a past edition without results was judged outside Hacktrail, and points to the statistics', async () => {
    stubAuthOptions();
    renderPanel('/hackathons/ph-2026/results', null, {
      HackathonResults: () => ({ data: { hackathon: { ...HACKATHON, phase: 'ARCHIVED' }, judgingRounds: [] } }),
    });
    const notice = (await screen.findByText(/was judged outside Hacktrail/)).closest('p') as HTMLElement;
    expect(screen.queryByText('No results have been published yet.')).toBeNull();
    expect(within(notice).getByRole('link', { name: 'Statistics' }).getAttribute('href')).toBe('/statistics');
  });

  it.each(['RESULTS_PUBLISHED', 'FOLLOW_UP'])('says so too for an edition %s without results here', async (phase) => {
    stubAuthOptions();
    renderPanel('/hackathons/ph-2026/results', null, {
      HackathonResults: () => ({ data: { hackathon: { ...HACKATHON, phase }, judgingRounds: [round('r1', 'CLOSED')] } }),
    });
    expect(await screen.findByText(/was judged outside Hacktrail/)).toBeTruthy();
    expect(screen.queryByText('No results have been published yet.')).toBeNull();
  });
});

describe('public vote', () => {
  const BALLOT_ROUND = (mode: string) => ({
    id: 'r1',
    name: title('Preliminary review'),
    status: 'OPEN',
    publicVote: { mode, weight: 0.2, credits: 99, eligibility: { excludeTeam: true, excludeJudges: true, requireVerifiedEmail: true } },
    hackathon: HACKATHON,
    voteProposals: [
      { id: 'p1', title: title('Bus arrivals'), proposerName: 'Ann' },
      { id: 'p2', title: title('Shelter map'), proposerName: 'Cy' },
      { id: 'p3', title: title('Open budget'), proposerName: 'Di' },
    ],
  });

  it('shows the 99-credit budget live and refuses a ballot over it', async () => {
    stubAuthOptions();
    const { calls } = renderPanel('/hackathons/ph-2026/vote/r1', PROPOSER, {
      BallotPage: () => ({ data: { judgingRound: BALLOT_ROUND('QUADRATIC'), myBallot: null } }),
      CastBallot: () => ({
        data: { castBallot: { ballot: { id: 'b1', mode: 'QUADRATIC', votes: [], creditsUsed: 99, creditsLeft: 0, version: 0, updatedAt: '2026-11-27T01:00:00Z' } } },
      }),
    });
    expect(await screen.findByText('0 of 99 credits used; 99 left.')).toBeTruthy();
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Votes for Bus arrivals' }), { target: { value: '5' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Votes for Shelter map' }), { target: { value: '7' } });
    expect(screen.getByRole('status').textContent).toBe('74 of 99 credits used; 25 left.');
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Votes for Open budget' }), { target: { value: '6' } });
    expect(screen.getByRole('status').textContent).toContain('110 of 99 credits used; 0 left. That is more than your budget');
    expect((screen.getByRole('button', { name: 'Cast my ballot' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Votes for Open budget' }), { target: { value: '5' } });
    expect(screen.getByRole('status').textContent).toBe('99 of 99 credits used; 0 left.');
    await userEvent.click(screen.getByRole('button', { name: 'Cast my ballot' }));
    expect(callsNamed(calls, 'CastBallot')[0].variables.input).toEqual({
      roundId: 'r1',
      votes: [
        { proposalId: 'p1', votes: 5 },
        { proposalId: 'p2', votes: 7 },
        { proposalId: 'p3', votes: 5 },
      ],
      expectedVersion: undefined,
    });
  });

  it('casts a simple ballot with one vote per chosen proposal, replacing the previous one', async () => {
    stubAuthOptions();
    const { calls } = renderPanel('/hackathons/ph-2026/vote/r1', PROPOSER, {
      BallotPage: () => ({
        data: {
          judgingRound: BALLOT_ROUND('SIMPLE'),
          myBallot: { id: 'b1', mode: 'SIMPLE', votes: [{ proposalId: 'p2', votes: 1 }], creditsUsed: 1, creditsLeft: null, version: 3, updatedAt: '2026-11-27T01:00:00Z' },
        },
      }),
      CastBallot: () => ({
        data: { castBallot: { ballot: { id: 'b1', mode: 'SIMPLE', votes: [], creditsUsed: 2, creditsLeft: null, version: 4, updatedAt: '2026-11-27T01:00:00Z' } } },
      }),
    });
    expect(((await screen.findByRole('checkbox', { name: /Vote for Shelter map/ })) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: /Vote for Bus arrivals/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Update my ballot' }));
    expect(callsNamed(calls, 'CastBallot')[0].variables.input).toEqual({
      roundId: 'r1',
      votes: [
        { proposalId: 'p2', votes: 1 },
        { proposalId: 'p1', votes: 1 },
      ],
      expectedVersion: 3,
    });
    expect(await screen.findByText(/Your ballot is saved/)).toBeTruthy();
  });

  it('shows who may vote and says in the reader\'s language which rule refused a ballot', async () => {
    stubAuthOptions();
    const round = { ...BALLOT_ROUND('SIMPLE'), publicVote: { mode: 'SIMPLE', weight: 0.2, credits: 99, eligibility: { excludeTeam: true, excludeJudges: true, requireVerifiedEmail: false } } };
    renderPanel('/hackathons/ph-2026/vote/r1', PROPOSER, {
      BallotPage: () => ({ data: { judgingRound: round, myBallot: null } }),
      CastBallot: () => ({
        errors: [{ message: 'You cannot vote for a proposal you propose or whose team you are on.', extensions: { code: 'FORBIDDEN', rule: 'VOTE_OWN_TEAM', proposalIds: ['p1'] } }],
      }),
    });
    const rules = await screen.findByRole('region', { name: 'Who may vote' });
    expect(rules.textContent).toContain('You cannot vote for a proposal you propose or whose team you are on.');
    expect(rules.textContent).toContain('Judges of this round do not vote.');
    expect(rules.textContent).not.toContain('verified');
    await userEvent.click(screen.getByRole('checkbox', { name: /Vote for Bus arrivals/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Cast my ballot' }));
    expect((await screen.findByRole('alert')).textContent).toContain('take those votes off your ballot');
  });
});
