import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ORGANIZER, callsNamed, renderPanel, stubAuthOptions } from '../../test/harness';
import { SETUP, expoOverview, expoRoundSetup, title } from './expoFixtures';

// An expo round ranked by sector (expoSectors, hacktrail-pairwise-2): the switch in the round's set-up, the sector
// weights it then needs, and each sector's strength with the divergence flag in the organizers' expo ranking.


function round(status = 'DRAFT', extra: Record<string, unknown> = {}) {
  return expoRoundSetup(status, {
    sectorWeights: [
      { sector: 'PUBLIC', weight: 0.5 },
      { sector: 'PRIVATE', weight: 0.5 },
      { sector: 'ACADEMIC', weight: 0 },
      { sector: 'CIVIL_SOCIETY', weight: 0 },
    ],
    expoSectors: false,
    ...extra,
  });
}

beforeEach(() => {
  stubAuthOptions();
});

describe('the sector switch of an expo round', () => {
  it('ranks a DRAFT expo round by sector when the organizer ticks it', async () => {
    const { calls } = renderPanel(SETUP, ORGANIZER, {
      JudgingRoundSetup: () => ({ data: { judgingRound: round() } }),
      ConfigureRound: () => ({ data: { configureRound: { round: round('DRAFT', { version: 5, expoSectors: true }) } } }),
    });
    const method = await screen.findByRole('group', { name: 'Judging method' });
    const save = screen.getByRole('button', { name: 'Save the method' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    // Without sectors, an expo round has no sector weights to set.
    expect(screen.queryByRole('spinbutton', { name: /Public sector/ })).toBeNull();
    await userEvent.click(within(method).getByRole('checkbox', { name: 'Rank by sector (hacktrail-pairwise-2)' }));
    await userEvent.click(save);
    expect(callsNamed(calls, 'ConfigureRound').map((call) => call.variables.input)).toEqual([
      { roundId: 'r1', method: 'PAIRWISE', expectedVersion: 4, expoSectors: true },
    ]);
  });

  it('shows the sector weights of a round ranked by sector, and freezes the switch once OPEN', async () => {
    renderPanel(SETUP, ORGANIZER, { JudgingRoundSetup: () => ({ data: { judgingRound: round('OPEN', { expoSectors: true }) } }) });
    const method = await screen.findByRole('group', { name: 'Judging method' });
    const box = within(method).getByRole('checkbox', { name: 'Rank by sector (hacktrail-pairwise-2)' }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(box.matches(':disabled')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save the method' })).toBeNull();
    expect((screen.getByRole('spinbutton', { name: /Public sector/ }) as HTMLInputElement).value).toBe('0.5');
    expect(screen.getByText(/This expo round is ranked by sector \(hacktrail-pairwise-2\)/)).toBeTruthy();
  });
});

function line(id: string, name: string, rank: number, extra: Record<string, unknown> = {}) {
  return {
    proposalId: id,
    proposal: { id, title: title(name) },
    table: { label: `Table ${rank}`, tableNumber: rank },
    rank,
    score: 1 - rank * 0.4,
    variance: 0.36,
    comparisons: 6,
    sufficientEvidence: true,
    tied: false,
    inTopN: rank <= 2,
    rankLow: rank,
    rankHigh: rank + 1,
    probabilityTopN: 0.7,
    straddlesCut: false,
    sectorScores: [
      { sector: 'PUBLIC', weight: 0.5, score: 0.9, variance: 0.4, comparisons: 3 },
      { sector: 'PRIVATE', weight: 0.5, score: 0.1, variance: 0.5, comparisons: 3 },
    ],
    divergence: 0.84,
    divergent: false,
    missingSectors: [],
    ...extra,
  };
}

const EXPO_RANKING = {
  roundId: 'r1',
  algorithmVersion: 'hacktrail-pairwise-2',
  outstandingQuota: 2,
  minimumComparisons: 3,
  bootstrapReplicates: 200,
  seed: '2026',
  comparisonsCounted: 9,
  firstVisits: 4,
  skippedVisits: 0,
  openVisits: 0,
  bySector: true,
  divergenceThreshold: 2,
  sectorWeights: [
    { sector: 'PUBLIC', weight: 0.5 },
    { sector: 'PRIVATE', weight: 0.5 },
    { sector: 'ACADEMIC', weight: 0 },
    { sector: 'CIVIL_SOCIETY', weight: 0 },
  ],
  lines: [
    line('p1', 'Open bus data', 1, {
      divergence: 2.61,
      divergent: true,
      sectorScores: [
        { sector: 'PUBLIC', weight: 0.5, score: 1.8, variance: 0.3, comparisons: 4 },
        { sector: 'PRIVATE', weight: 0.5, score: -0.9, variance: 0.4, comparisons: 3 },
      ],
    }),
    line('p2', 'Shelter map', 2),
    line('p3', 'Air quality', 3, {
      sufficientEvidence: false,
      inTopN: false,
      divergence: null,
      missingSectors: ['PRIVATE'],
      sectorScores: [
        { sector: 'PUBLIC', weight: 0.5, score: 0.2, variance: 0.7, comparisons: 2 },
        { sector: 'PRIVATE', weight: 0.5, score: 0, variance: 1, comparisons: 0 },
      ],
    }),
  ],
  judges: [
    { judgeId: 'h1:u1', displayName: 'Ann Judge', sector: 'PUBLIC', alpha: 10.1, beta: 1, reliability: 0.91, comparisons: 5 },
    { judgeId: 'h1:u1', displayName: 'Ann Judge', sector: 'PRIVATE', alpha: 9.8, beta: 1, reliability: 0.9, comparisons: 1 },
  ],
};

describe('the expo ranking of a round ranked by sector', () => {
  it('shows each sector’s strength and flags divergent sectors and a sector that never compared', async () => {
    renderPanel(`${SETUP}/ranking`, ORGANIZER, {
      RoundOverview: () => ({ data: { judgingRound: expoOverview() } }),
      ExpoRanking: () => ({ data: { expoRanking: EXPO_RANKING } }),
    });
    const table = await screen.findByRole('table', { name: 'Expo ranking by strength; the outstanding cut is after rank 2' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toContain('By sector');
    expect(screen.getByTestId('expo-sector-note').textContent).toContain('combined with the weights Public sector 0.5 · Private sector 0.5');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0].textContent).toContain('Public sector 1.8');
    expect(rows[0].textContent).toContain('(4 comparisons)');
    expect(rows[0].textContent).toContain('Private sector -0.9');
    expect(rows[0].textContent).toContain('sectors disagree (divergence 2.61)');
    expect(rows[1].textContent).not.toContain('sectors disagree');
    expect(rows[2].textContent).toContain('Private sector no comparison (prior)');
    expect(rows[2].textContent).toContain('not compared by Private sector');
    expect(rows[2].textContent).toContain('insufficient evidence');
    // A judge whose sector changed appears once per sector.
    const judges = screen.getByRole('table', { name: /How often each judge’s answers follow/ });
    expect(within(judges).getAllByRole('row')).toHaveLength(3);
  });
});
