import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ORGANIZER, callsNamed, renderPanel, stubAuthOptions } from '../../test/harness';
import { rowErrors } from './ExpoSetup';
import { SETUP, expoOverview, expoRoundSetup, title } from './expoFixtures';


function round(method: 'RUBRIC' | 'PAIRWISE', status = 'DRAFT', extra: Record<string, unknown> = {}) {
  return expoRoundSetup(status, {
    criteria: [{ id: 'impact', name: title('Impact'), description: title(''), weight: 1, scaleMin: 1, scaleMax: 10 }],
    method,
    expoCandidates:
      method === 'PAIRWISE'
        ? [
            { id: 'p1', title: title('Open bus data', '公車動態開放資料') },
            { id: 'p2', title: title('Shelter map') },
            { id: 'p3', title: title('Air quality') },
          ]
        : null,
    ...extra,
  });
}

beforeEach(() => {
  stubAuthOptions();
});

describe('an expo round set up by the organizers', () => {
  it('chooses PAIRWISE while the round is DRAFT', async () => {
    const { calls } = renderPanel(SETUP, ORGANIZER, {
      JudgingRoundSetup: () => ({ data: { judgingRound: round('RUBRIC') } }),
      ConfigureRound: () => ({ data: { configureRound: { round: round('PAIRWISE', 'DRAFT', { version: 5 }) } } }),
    });
    const method = await screen.findByRole('group', { name: 'Judging method' });
    expect(screen.queryByRole('heading', { name: 'Expo tables' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Assignment' })).toBeTruthy();
    await userEvent.click(within(method).getByRole('radio', { name: /Expo \(pairwise\)/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save the method' }));
    expect(callsNamed(calls, 'ConfigureRound').map((call) => call.variables.input)).toEqual([{ roundId: 'r1', method: 'PAIRWISE', expectedVersion: 4 }]);
  });

  it('gives every candidate a table, checks the input, and sends the complete list', async () => {
    const { calls } = renderPanel(SETUP, ORGANIZER, {
      JudgingRoundSetup: () => ({ data: { judgingRound: round('PAIRWISE', 'DRAFT', { expoTables: [{ proposalId: 'p2', label: 'Room 201', tableNumber: null, x: 3, y: 4.5 }] }) } }),
      ConfigureExpoTables: () => ({ data: { configureExpoTables: { round: round('PAIRWISE') } } }),
    });
    expect(await screen.findByRole('heading', { name: 'Expo tables' })).toBeTruthy();
    // A PAIRWISE round needs no assignment: the panel is not offered.
    expect(screen.queryByRole('heading', { name: 'Assignment' })).toBeNull();
    expect(screen.getByTestId('tables-missing').textContent).toBe('2 candidates have no table yet; the round opens only when every candidate has one.');
    expect((screen.getByRole('textbox', { name: 'Table or room of Shelter map' }) as HTMLInputElement).value).toBe('Room 201');

    await userEvent.click(screen.getByRole('button', { name: 'Save the tables' }));
    expect(screen.getAllByText('Give this table a label (1 to 100 characters).')).toHaveLength(2);
    expect(callsNamed(calls, 'ConfigureExpoTables')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Number the tables 1, 2, 3… in this order' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Table number of Air quality' }), { target: { value: '12' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save the tables' }));
    expect(callsNamed(calls, 'ConfigureExpoTables').map((call) => call.variables.input)).toEqual([
      {
        roundId: 'r1',
        expectedVersion: 4,
        tables: [
          { proposalId: 'p1', label: 'Table 1', tableNumber: 1 },
          { proposalId: 'p2', label: 'Room 201', tableNumber: 2, x: 3, y: 4.5 },
          { proposalId: 'p3', label: 'Table 3', tableNumber: 12 },
        ],
      },
    ]);
  });

  it('refuses a table number that is not a whole number from 1 to 100,000', () => {
    const row = { proposalId: 'p1', title: 'Bus', label: 'Table 1', number: '' };
    expect(rowErrors(row)).toEqual({});
    expect(rowErrors({ ...row, number: '0' })).toEqual({ number: true });
    expect(rowErrors({ ...row, number: '2.5' })).toEqual({ number: true });
    expect(rowErrors({ ...row, number: '100001' })).toEqual({ number: true });
    expect(rowErrors({ ...row, label: '  ' })).toEqual({ label: true });
  });

  it('says when the candidates cannot be known yet', async () => {
    renderPanel(SETUP, ORGANIZER, { JudgingRoundSetup: () => ({ data: { judgingRound: round('PAIRWISE', 'DRAFT', { expoCandidates: null }) } }) });
    expect(await screen.findByText(/The candidates of this round are not known yet/)).toBeTruthy();
  });
});

function line(id: string, name: string, rank: number, extra: Record<string, unknown> = {}) {
  return {
    proposalId: id,
    proposal: { id, title: title(name) },
    table: { label: `Table ${rank}`, tableNumber: rank },
    rank,
    score: 1 - rank * 0.4,
    variance: 0.64,
    comparisons: 2,
    sufficientEvidence: false,
    tied: false,
    inTopN: false,
    rankLow: 1,
    rankHigh: 3,
    probabilityTopN: 0.62,
    straddlesCut: true,
    ...extra,
  };
}

const EXPO_RANKING = {
  roundId: 'r1',
  algorithmVersion: 'hacktrail-pairwise-1',
  outstandingQuota: 2,
  minimumComparisons: 3,
  bootstrapReplicates: 200,
  seed: '2026',
  comparisonsCounted: 3,
  firstVisits: 1,
  skippedVisits: 1,
  openVisits: 1,
  lines: [
    line('p2', 'Shelter map', 1, { comparisons: 4, sufficientEvidence: true, inTopN: true, rankLow: 1, rankHigh: 2, probabilityTopN: 0.91 }),
    line('p1', 'Open bus data', 2),
    line('p3', 'Air quality', 3, { comparisons: 0, probabilityTopN: 0.5 }),
  ],
  judges: [{ judgeId: 'h1:u1', displayName: 'Bo Judge', sector: 'PRIVATE', alpha: 10.4, beta: 0.9, reliability: 0.92, comparisons: 3 }],
};

describe("an expo round's results", () => {
  it('shows the expo ranking with its uncertainty: few comparisons never look certain', async () => {
    renderPanel(`${SETUP}/ranking`, ORGANIZER, {
      RoundOverview: () => ({ data: { judgingRound: expoOverview() } }),
      ExpoRanking: () => ({ data: { expoRanking: EXPO_RANKING } }),
    });
    const table = await screen.findByRole('table', { name: 'Expo ranking by strength; the outstanding cut is after rank 2' });
    expect(screen.getByTestId('expo-counts').textContent).toBe('3 comparisons counted · 1 first visit · 1 skipped · 1 judge at a table now');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain('Shelter map');
    expect(rows[0].textContent).toContain('1–2');
    expect(rows[0].textContent).toContain('91 %');
    expect(rows[0].textContent).toContain('in the top N');
    expect(rows[0].textContent).not.toContain('insufficient evidence');
    // A proposal without comparisons: the whole interval, P(top N) at the prior, insufficient evidence.
    expect(rows[2].textContent).toContain('1–3');
    expect(rows[2].textContent).toContain('50 %');
    expect(rows[2].textContent).toContain('0 of at least 3');
    expect(rows[2].textContent).toContain('insufficient evidence');
    expect(rows[2].textContent).toContain('uncertain at the cut');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toContain('P(top 2)');
    const judges = screen.getByRole('table', { name: /How often each judge’s answers follow/ });
    expect(judges.textContent).toContain('Bo Judge');
    expect(judges.textContent).toContain('92 %');
    // The rubric's progress and sheets are not offered for an expo round.
    expect(screen.queryByRole('heading', { name: 'Progress' })).toBeNull();
  });
});
