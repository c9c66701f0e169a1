import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ORGANIZER, callsNamed, renderPanel, stubAuthOptions } from '../../test/harness';
import { toConfigureInput, formOfRound } from './RoundSetup';
import type { RoundSetupFragment } from './gql/graphql';
import { expoOverview, expoRoundSetup, title } from './expoFixtures';

// An expo (PAIRWISE) round selected and published from the panel (roundRanking, selectProposals, publishRound accept
// pairwise rounds), and its set-up showing only the parameters hacktrail-pairwise-1 uses.

const RESULTS = '/organize/hackathons/g0v-expo/judging/rounds/r1/ranking';

beforeEach(() => {
  stubAuthOptions();
});

function overview(status: string, selection: unknown = null) {
  return {
    data: {
      judgingRound: expoOverview(status, {
        version: 7,
        publishedAt: status === 'PUBLISHED' ? '2026-11-27T02:00:00Z' : null,
        selection,
      }),
    },
  };
}

/** A pairwise round's line as roundRanking gives it: no sector scores, vote or divergence; comparisons against m. */
function line(id: string, name: string, rank: number, comparisons: number, extra: Record<string, unknown> = {}) {
  return {
    proposalId: id,
    proposal: { id, title: title(name) },
    rank,
    finalScore: 0.9 - rank * 0.4,
    sectorScores: [],
    voteTotal: null,
    voteScore: null,
    missingSectors: [],
    divergence: null,
    divergent: false,
    tied: false,
    inTopN: false,
    rankLow: 1,
    rankHigh: 3,
    probabilityTopN: 0.6,
    straddlesCut: false,
    evidence: { sheetCount: comparisons, sheetsRequired: 3, sectors: [], sufficient: comparisons >= 3 },
    ...extra,
  };
}

const RANKING = {
  published: false,
  algorithmVersion: 'hacktrail-pairwise-1',
  outstandingQuota: 2,
  summary: {
    proposalCount: 3,
    rankedCount: 3,
    sheetCount: 5,
    judgeCount: 2,
    mean: 0,
    standardDeviation: 0,
    normalisedStandardDeviation: 0,
    normalised: false,
    sectorWeights: [
      { sector: 'PUBLIC', weight: 0.5 },
      { sector: 'PRIVATE', weight: 0.5 },
    ],
    voteWeight: null,
    bootstrapReplicates: 200,
    seed: '2026',
  },
  lines: [
    line('p2', 'Shelter map', 1, 4, { inTopN: true, rankHigh: 2, probabilityTopN: 0.91 }),
    line('p1', 'Open bus data', 2, 3, { inTopN: true, straddlesCut: true }),
    line('p3', 'Air quality', 3, 1, { probabilityTopN: 0.5 }),
  ],
  uncertainty: null,
  ties: [],
  unranked: [],
  selection: null,
  publicVote: null,
};

const EXPO_RANKING = {
  roundId: 'r1',
  algorithmVersion: 'hacktrail-pairwise-1',
  outstandingQuota: 2,
  minimumComparisons: 3,
  bootstrapReplicates: 200,
  seed: '2026',
  comparisonsCounted: 5,
  firstVisits: 2,
  skippedVisits: 0,
  openVisits: 0,
  lines: [],
  judges: [],
};

describe("an expo round's selection and publication", () => {
  it('ranks on roundRanking in its own terms and asks for no rubric progress', async () => {
    const { calls } = renderPanel(RESULTS, ORGANIZER, {
      RoundOverview: () => overview('CLOSED'),
      OrganizerRanking: () => ({ data: { roundRanking: RANKING } }),
      ExpoRanking: () => ({ data: { expoRanking: EXPO_RANKING } }),
    });
    const section = await screen.findByTestId('expo-selection');
    const table = within(section).getByRole('table', { name: 'Ranking by final score; the outstanding cut is after rank 2' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toContain('Strength');
    expect(headers).toContain('Comparisons');
    expect(headers).toContain('P(top 2)');
    expect(headers).not.toContain('Divergence');
    expect(headers).not.toContain('Public sector');
    const air = within(table).getByRole('row', { name: /Air quality/ });
    expect(air.textContent).toContain('1 of at least 3');
    expect(air.textContent).toContain('insufficient evidence: 1 comparison of at least 3, not proposed for the top N');
    expect(section.textContent).toContain('3 of 3 proposals ranked, from 5 comparisons by 2 judges');
    expect(section.textContent).toContain('hacktrail-pairwise-1');
    // No sheet-based facts: neither μ/σ nor sector weights.
    expect(section.textContent).not.toContain('μ');
    expect(callsNamed(calls, 'RoundProgress')).toHaveLength(0);
    expect(callsNamed(calls, 'OrganizerRanking').length).toBeGreaterThan(0);
  });

  it('selects on the expo ranking, with a justification when it overrides the top N', async () => {
    const { calls } = renderPanel(RESULTS, ORGANIZER, {
      RoundOverview: () => overview('CLOSED'),
      OrganizerRanking: () => ({ data: { roundRanking: RANKING } }),
      ExpoRanking: () => ({ data: { expoRanking: EXPO_RANKING } }),
      SelectProposals: () => ({ data: { selectProposals: { round: { id: 'r1', status: 'CLOSED', version: 8, selection: null } } } }),
    });
    const shelter = (await screen.findByRole('checkbox', { name: 'Select Shelter map' })) as HTMLInputElement;
    expect(shelter.checked).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Open bus data' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Air quality' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save the selection' }));
    expect(callsNamed(calls, 'SelectProposals')).toHaveLength(0);
    await userEvent.type(screen.getByRole('textbox', { name: 'Justification of the override' }), 'The jury saw Air quality live.');
    await userEvent.click(screen.getByRole('button', { name: 'Save the selection' }));
    expect(callsNamed(calls, 'SelectProposals')[0].variables.input).toEqual({
      roundId: 'r1',
      proposalIds: ['p2', 'p3'],
      justification: 'The jury saw Air quality live.',
      tieResolution: undefined,
      expectedVersion: 7,
    });
  });

  it('publishes a selected expo round after confirmation', async () => {
    const selection = { proposalIds: ['p2', 'p1'], kind: 'TOP_N', justification: null, tieResolution: null, topN: ['p2', 'p1'], at: '2026-11-27T01:00:00Z' };
    const { calls } = renderPanel(RESULTS, ORGANIZER, {
      RoundOverview: () => overview('CLOSED', selection),
      OrganizerRanking: () => ({ data: { roundRanking: { ...RANKING, selection } } }),
      ExpoRanking: () => ({ data: { expoRanking: EXPO_RANKING } }),
      PublicationPreview: () => ({
        data: { publicationPreview: { ready: true, blockers: [], codedBlockers: [], cut: 2, unresolvedCount: 0, selected: [], openCases: [] } },
      }),
      PublishRound: () => ({
        data: { publishRound: { round: { id: 'r1', status: 'PUBLISHED', publishedAt: '2026-11-27T02:00:00Z', version: 8 }, movedProposalIds: ['p1', 'p2'], problems: [], codedProblems: [] } },
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Publish the results' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish the results?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(callsNamed(calls, 'PublishRound')[0].variables.input).toEqual({ roundId: 'r1' });
    expect(await screen.findByText('Published. 2 proposals moved to their new status.')).toBeTruthy();
  });
});

function setupRound(status: string): RoundSetupFragment {
  return expoRoundSetup(status, { sectorWeights: [{ sector: 'PUBLIC', weight: 1 }] }) as unknown as RoundSetupFragment;
}

describe("an expo round's parameters", () => {
  it('offers only N, B and the seed, and sends only them', async () => {
    const { calls } = renderPanel('/organize/hackathons/g0v-expo/judging/rounds/r1', ORGANIZER, {
      JudgingRoundSetup: () => ({ data: { judgingRound: setupRound('DRAFT') } }),
      ConfigureRound: () => ({ data: { configureRound: { round: setupRound('DRAFT') } } }),
    });
    const cut = await screen.findByRole('spinbutton', { name: 'N: proposals selected' });
    expect(screen.queryByRole('spinbutton', { name: 'Public sector weight' })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: /Normalise each judge/ })).toBeNull();
    expect(screen.queryByRole('spinbutton', { name: 'Public vote weight' })).toBeNull();
    expect(screen.getByText(/only the outstanding quota N, the bootstrap replicates B and the seed apply/)).toBeTruthy();
    fireEvent.change(cut, { target: { value: '3' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save the set-up' }));
    const input = callsNamed(calls, 'ConfigureRound')[0].variables.input as Record<string, unknown>;
    expect(input).toMatchObject({ roundId: 'r1', cutSize: 3, bootstrapReplicates: 1000, expectedVersion: 4 });
    expect(input.sectorWeights).toBeUndefined();
    expect(input.normalise).toBeUndefined();
    expect(input.publicVote).toBeUndefined();
  });

  it('asks for a reason once the round is open, still without the rubric parameters', () => {
    const round = setupRound('OPEN');
    const input = toConfigureInput(round, { ...formOfRound(round), cutSize: '4', reason: 'Four teams go on' });
    expect(input).toEqual({ roundId: 'r1', expectedVersion: 4, cutSize: 4, bootstrapReplicates: 1000, seed: undefined, reason: 'Four teams go on' });
  });
});
