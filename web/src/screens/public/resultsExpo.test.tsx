import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderPanel, stubAuthOptions } from '../../test/harness';

// The public results of a hackathon with a published rubric round and a published expo (PAIRWISE) round.

const HACKATHON = { id: 'h1', slug: 'g0v-demo', name: { zhTW: '零時政府成果發表', en: 'g0v demo day' }, timeZone: 'Asia/Taipei', phase: 'FOLLOW_UP', outstandingQuota: 2 };
const title = (en: string) => ({ zhTW: null, en });
const CRITERIA = [{ id: 'impact', name: title('Impact'), weight: 1, scaleMin: 1, scaleMax: 10 }];

function round(id: string, method: 'RUBRIC' | 'PAIRWISE') {
  return {
    id,
    name: title(method === 'RUBRIC' ? 'Review' : 'Expo'),
    kind: method === 'RUBRIC' ? 'REVIEW' : 'FINAL',
    method,
    status: 'PUBLISHED',
    publishedAt: '2026-11-27T02:00:00Z',
    cutSize: 2,
    publicVote: { mode: 'NONE', credits: 99 },
    criteria: method === 'RUBRIC' ? CRITERIA : [],
  };
}

function line(id: string, name: string, rank: number, extra: Record<string, unknown> = {}) {
  return {
    proposalId: id,
    proposal: { id, title: title(name), proposerName: 'Ann' },
    rank,
    finalScore: 2 - rank,
    sectorScores: [],
    voteTotal: null,
    voteScore: null,
    missingSectors: [],
    divergence: null,
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

function ranking(method: 'RUBRIC' | 'PAIRWISE') {
  const pairwise = method === 'PAIRWISE';
  const evidence = (n: number) => (pairwise ? { evidence: { sheetCount: n, sheetsRequired: 3, sectors: [], sufficient: n >= 3 } } : {});
  return {
    roundRanking: {
      published: true,
      algorithmVersion: pairwise ? 'hacktrail-pairwise-1' : 'hacktrail-rubric-1',
      outstandingQuota: 2,
      summary: {
        proposalCount: 3,
        rankedCount: 3,
        sheetCount: pairwise ? 7 : 2,
        judgeCount: 2,
        normalised: !pairwise,
        sectorWeights: [{ sector: 'PUBLIC', weight: 1 }],
        voteWeight: null,
        bootstrapReplicates: 200,
        seed: '2026',
      },
      lines: [
        line('p1', 'Bus arrivals', 1, evidence(5)),
        line('p2', 'Shelter map', 2, { rankLow: 1, rankHigh: 3, probabilityTopN: 0.55, ...evidence(4) }),
        line('p3', 'Open budget', 3, evidence(1)),
      ],
      ties: [],
      unranked: [],
      selection: { proposalIds: ['p1', 'p2'], kind: 'TOP_N', justification: null, tieResolution: null, topN: ['p1', 'p2'], at: '2026-11-27T01:00:00Z' },
      publicVote: null,
      uncertainty: null,
    },
  };
}

/** results.json: a rubric round's sheets, then a pairwise round's comparisons (no sheets, no rubric). */
const OPEN_DATA = {
  format: 'hacktrail-results-4',
  rounds: [
    { id: 'r1', rubric: [{ id: 'impact' }], sheets: [{ judge: 'j1', proposal: 'p1', scores: { impact: 7 } }] },
    {
      id: 'r2',
      algorithmVersion: 'hacktrail-pairwise-1',
      comparisons: [{ id: 'C-000001', judge: 'j1', current: 'p1', previous: 'p2', winner: 'p1', loser: 'p2' }],
    },
  ],
};

describe('published results of an expo round', () => {
  it('shows the expo ranking with its uncertainty and comparisons, and still the rubric round’s criterion means', async () => {
    stubAuthOptions(undefined, (url) =>
      url === '/api/hackathons/g0v-demo/results.json'
        ? new Response(JSON.stringify(OPEN_DATA), { status: 200, headers: { 'Content-Type': 'application/json' } })
        : undefined,
    );
    renderPanel('/hackathons/g0v-demo/results', null, {
      HackathonResults: () => ({ data: { hackathon: HACKATHON, judgingRounds: [round('r1', 'RUBRIC'), round('r2', 'PAIRWISE')] } }),
      PublishedRanking: (variables) => ({ data: ranking(variables.roundId === 'r2' ? 'PAIRWISE' : 'RUBRIC') }),
    });
    const expo = await screen.findByRole('table', { name: 'Expo ranking by strength, with its uncertainty and the comparisons of each proposal' });
    const headers = within(expo).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Rank', 'Proposal', 'Strength', 'Rank interval (90 %)', 'P(top 2)', 'Comparisons', 'Result']);
    const budget = within(expo).getByRole('row', { name: /Open budget/ });
    expect(budget.textContent).toContain('1 of at least 3');
    expect(budget.textContent).toContain('insufficient evidence');
    expect(budget.textContent).toContain('3–4');
    expect(budget.textContent).toContain('20 %');
    const section = expo.closest('section')!;
    expect(section.textContent).toContain('Method hacktrail-pairwise-1: 7 comparisons by 2 judges; a proposal in fewer than 3 comparisons has insufficient evidence');
    expect(section.textContent).toContain('Expo round: judges walked from table to table');
    expect(within(section).queryByRole('table', { name: 'Mean score per criterion (counted sheets)' })).toBeNull();
    // The rubric round's per-criterion means still come from the open data, next to a pairwise round without sheets.
    const criteria = await screen.findByRole('table', { name: 'Mean score per criterion (counted sheets)' });
    expect(within(criteria).getByRole('row', { name: /Bus arrivals/ }).textContent).toBe('Bus arrivals7');
    expect(screen.getAllByRole('table', { name: 'Mean score per criterion (counted sheets)' })).toHaveLength(1);
    expect(screen.getByText('scripts/recompute-ranking results.json')).toBeTruthy();
  });

  it('shows each sector’s strength and the divergence of an expo round ranked by sector', async () => {
    stubAuthOptions(undefined, () => new Response('{}', { status: 404 }));
    const bySector = ranking('PAIRWISE');
    bySector.roundRanking.algorithmVersion = 'hacktrail-pairwise-2';
    bySector.roundRanking.summary.sectorWeights = [
      { sector: 'PUBLIC', weight: 0.5 },
      { sector: 'PRIVATE', weight: 0.5 },
    ];
    bySector.roundRanking.lines[0] = {
      ...bySector.roundRanking.lines[0],
      sectorScores: [
        { sector: 'PUBLIC', sheetCount: 3, mean: 1.25, weight: 0.5 },
        { sector: 'PRIVATE', sheetCount: 2, mean: -0.5, weight: 0.5 },
      ],
      divergence: 2.4,
      divergent: true,
    } as never;
    renderPanel('/hackathons/g0v-demo/results', null, {
      HackathonResults: () => ({ data: { hackathon: HACKATHON, judgingRounds: [round('r2', 'PAIRWISE')] } }),
      PublishedRanking: () => ({ data: bySector }),
    });
    const expo = await screen.findByRole('table', { name: 'Expo ranking by strength, with its uncertainty and the comparisons of each proposal' });
    expect(within(expo).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Rank',
      'Proposal',
      'Strength',
      'Public sector',
      'Private sector',
      'Divergence',
      'Rank interval (90 %)',
      'P(top 2)',
      'Comparisons',
      'Result',
    ]);
    const bus = within(expo).getByRole('row', { name: /Bus arrivals/ });
    expect(bus.textContent).toContain('1.25 (3 comparisons)');
    expect(bus.textContent).toContain('-0.5 (2 comparisons)');
    expect(bus.textContent).toContain('sectors disagree');
    expect(screen.getByTestId('expo-sector-results').textContent).toContain('ranked by sector');
  });
});
