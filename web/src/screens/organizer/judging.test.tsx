import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ORGANIZER, callsNamed, renderPanel } from '../../test/harness';

const HACKATHON = { id: 'h1', slug: 'ph-2026', name: { zhTW: '總統盃黑客松', en: 'Presidential Hackathon' }, timeZone: 'Asia/Taipei', phase: 'JUDGING', outstandingQuota: 2 };
const title = (en: string) => ({ zhTW: null, en });

const PANEL = {
  hackathon: HACKATHON,
  judgingRounds: [
    { id: 'r1', name: title('Preliminary review'), kind: 'REVIEW', status: 'OPEN', configured: true, publishedAt: null, criteria: [{ id: 'impact' }, { id: 'feasibility' }], publicVote: { mode: 'NONE' } },
  ],
  judgeInvitations: [
    { id: 'inv1', email: 'ann@example.org', sector: 'PUBLIC', affiliations: null, expertise: [], maxLoad: null, status: 'PENDING', invitedAt: '2026-11-20T01:00:00Z', acceptedAt: null },
  ],
  judges: [
    {
      id: 'h1:u1',
      userId: 'u1',
      displayName: 'Bo Judge',
      sector: 'PUBLIC',
      affiliations: ['Ministry of Digital Affairs'],
      expertise: ['GIS'],
      maxLoad: 4,
      status: 'ACTIVE',
      dropReason: null,
      joinedAt: '2026-11-20T01:00:00Z',
      conflicts: [
        {
          proposalId: 'p1',
          status: 'ACTIVE',
          source: 'FOUND',
          reason: null,
          comment: null,
          matchedAffiliation: 'Ministry of Digital Affairs',
          matchedWith: 'PARTNER_AGENCY: Ministry of Digital Affairs',
          proposal: { id: 'p1', title: title('Bus arrivals') },
        },
      ],
    },
  ],
};

const LOG = {
  conflictLog: [
    {
      judge: { id: 'h1:u1', displayName: 'Bo Judge' },
      proposalId: 'p1',
      proposal: { id: 'p1', title: title('Bus arrivals') },
      decision: { at: '2026-11-20T01:00:00Z', actor: 'SYSTEM', action: 'FOUND', reason: null, comment: null },
    },
  ],
};

function setupRound(status = 'DRAFT', extra: Record<string, unknown> = {}) {
  return {
    id: 'r1',
    name: title('Preliminary review'),
    kind: 'REVIEW',
    status,
    configured: true,
    version: 6,
    criteria: [
      { id: 'impact', name: { zhTW: '影響力', en: 'Impact' }, description: { zhTW: null, en: null }, weight: 3, scaleMin: 1, scaleMax: 10 },
    ],
    judgesPerProposal: 3,
    sectorMinimums: [
      { sector: 'PUBLIC', minimum: 1 },
      { sector: 'PRIVATE', minimum: 1 },
    ],
    maxLoad: null,
    sectorWeights: [
      { sector: 'PUBLIC', weight: 0.5 },
      { sector: 'PRIVATE', weight: 0.5 },
      { sector: 'ACADEMIC', weight: 0 },
      { sector: 'CIVIL_SOCIETY', weight: 0 },
    ],
    normalise: true,
    publicVote: { mode: 'NONE', weight: 0, credits: 99, eligibility: { excludeTeam: true, excludeJudges: true, requireVerifiedEmail: true } },
    cutSize: 2,
    candidateProposalIds: null,
    bootstrapReplicates: 1000,
    seed: '2026',
    publishedAt: null,
    plan: {
      id: 'plan1',
      algorithmVersion: 'hacktrail-assign-1',
      seed: '7',
      proposalCount: 3,
      assignmentCount: 8,
      loadSpread: 1,
      balanced: true,
      reason: 'Assignment',
      createdAt: '2026-11-21T01:00:00Z',
      loads: [{ judgeId: 'h1:u1', sector: 'PUBLIC', load: 3, maxLoad: 4, judge: { id: 'h1:u1', displayName: 'Bo Judge' } }],
      problems: [
        { proposalId: 'p2', rule: 'SECTOR_MINIMUM', sector: 'PRIVATE', required: 1, assigned: 0, message: 'No private judge without a conflict.', proposal: { id: 'p2', title: title('Shelter map') } },
        { proposalId: 'p2', rule: 'JUDGES_PER_PROPOSAL', sector: null, required: 3, assigned: 2, message: 'Only 2 judges left.', proposal: { id: 'p2', title: title('Shelter map') } },
      ],
    },
    history: [{ at: '2026-11-21T01:00:00Z', action: 'ASSIGNED', detail: null }],
    hackathon: HACKATHON,
    ...extra,
  };
}

function line(id: string, name: string, rank: number, extra: Record<string, unknown> = {}) {
  return {
    proposalId: id,
    proposal: { id, title: title(name) },
    rank,
    finalScore: 8 - rank,
    sectorScores: [
      { sector: 'PUBLIC', sheetCount: 2, mean: 8 - rank, weight: 0.5 },
      { sector: 'PRIVATE', sheetCount: 1, mean: 7.5 - rank, weight: 0.5 },
    ],
    voteTotal: null,
    voteScore: null,
    missingSectors: [],
    divergence: 0.4,
    divergent: false,
    tied: false,
    inTopN: rank <= 2,
    rankLow: rank,
    rankHigh: rank,
    probabilityTopN: rank <= 2 ? 0.9 : 0.1,
    straddlesCut: false,
    evidence: null,
    ...extra,
  };
}

const RANKING = {
  published: false,
  algorithmVersion: 'hacktrail-rubric-1',
  outstandingQuota: 2,
  summary: {
    proposalCount: 3,
    rankedCount: 3,
    sheetCount: 8,
    judgeCount: 4,
    mean: 6.2,
    standardDeviation: 1.1,
    normalisedStandardDeviation: 1,
    normalised: true,
    sectorWeights: [
      { sector: 'PUBLIC', weight: 0.5 },
      { sector: 'PRIVATE', weight: 0.5 },
      { sector: 'ACADEMIC', weight: 0 },
      { sector: 'CIVIL_SOCIETY', weight: 0 },
    ],
    voteWeight: null,
    bootstrapReplicates: 1000,
    seed: '2026',
  },
  lines: [
    line('p1', 'Bus arrivals', 1),
    line('p2', 'Shelter map', 2, { rankLow: 1, rankHigh: 3, straddlesCut: true, divergence: 1.4, divergent: true, probabilityTopN: 0.55 }),
    line('p3', 'Open budget', 3, { missingSectors: ['PRIVATE'], sectorScores: [{ sector: 'PUBLIC', sheetCount: 2, mean: 5, weight: 0.5 }] }),
  ],
  ties: [],
  unranked: [],
  selection: null,
  publicVote: null,
  uncertainty: null,
};

/** A hacktrail-rubric-2 ranking whose between-judge spread is unknown, with a leader lacking evidence. */
const UNKNOWN_SPREAD = {
  ...RANKING,
  algorithmVersion: 'hacktrail-rubric-2',
  uncertainty: { known: false, residualCount: 2, spread: 0.19 },
  lines: [1, 2, 3].map((rank) =>
    line(`p${rank}`, ['Bus arrivals', 'Shelter map', 'Open budget'][rank - 1], rank, {
      inTopN: rank > 1,
      rankLow: null,
      rankHigh: null,
      probabilityTopN: null,
      straddlesCut: null,
      evidence: {
        sheetCount: rank === 1 ? 2 : 3,
        sheetsRequired: 3,
        sectors: [
          { sector: 'PUBLIC', sheetCount: rank === 1 ? 1 : 2, minimum: 1 },
          { sector: 'PRIVATE', sheetCount: 1, minimum: 1 },
        ],
        sufficient: rank > 1,
      },
    }),
  ),
};

function overview(status: string, selection: unknown = null) {
  return {
    data: {
      judgingRound: {
        id: 'r1',
        name: title('Preliminary review'),
        kind: 'REVIEW',
        status,
        version: 9,
        cutSize: 2,
        publishedAt: null,
        publicVote: { mode: 'NONE' },
        hackathon: HACKATHON,
        selection,
      },
    },
  };
}

const PROGRESS = {
  roundProgress: {
    assigned: 9,
    submitted: 8,
    judges: [
      { judge: { id: 'h1:u1', displayName: 'Bo Judge', sector: 'PUBLIC' }, assigned: 3, drafts: 1, submitted: 2, voided: 0 },
      { judge: { id: 'h1:u2', displayName: 'Cy Judge', sector: 'PRIVATE' }, assigned: 3, drafts: 0, submitted: 3, voided: 0 },
    ],
    proposals: [{ proposalId: 'p1', proposal: { id: 'p1', title: title('Bus arrivals') }, assigned: 3, submitted: 2 }],
  },
};

describe('judging panel', () => {
  it('invites a judge by email and shows the link to copy once', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { calls } = renderPanel('/organize/hackathons/ph-2026/judging', ORGANIZER, {
      JudgingPanel: () => ({ data: PANEL }),
      ConflictLog: () => ({ data: LOG }),
      InviteJudge: () => ({
        data: { inviteJudge: { invitation: { id: 'inv2', email: 'cy@example.org', sector: 'PRIVATE', status: 'PENDING', invitedAt: '2026-11-22T01:00:00Z' }, token: 'hti_abc', acceptPath: '/judging/invitations/accept?token=hti_abc' } },
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Invite' }));
    expect(screen.getByText('Enter an email address.')).toBeTruthy();
    expect(screen.getByText('Choose the judge’s sector.')).toBeTruthy();
    expect(callsNamed(calls, 'InviteJudge')).toHaveLength(0);

    await userEvent.type(screen.getByRole('textbox', { name: 'Email' }), 'cy@example.org');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sector' }), 'PRIVATE');
    await userEvent.type(screen.getByRole('textbox', { name: 'Affiliations' }), 'Civic Startup Ltd.{Enter}Taipei City Government');
    await userEvent.type(screen.getByRole('textbox', { name: 'Expertise' }), 'GIS, 長照');
    await userEvent.type(screen.getByRole('spinbutton', { name: 'Maximum load' }), '5');
    await userEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expect(callsNamed(calls, 'InviteJudge')[0].variables.input).toEqual({
      hackathonId: 'h1',
      email: 'cy@example.org',
      sector: 'PRIVATE',
      affiliations: ['Civic Startup Ltd.', 'Taipei City Government'],
      expertise: ['GIS', '長照'],
      maxLoad: 5,
    });
    const link = `${window.location.origin}/judging/invitations/accept?token=hti_abc`;
    expect(await screen.findByText(link)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Copy the invitation link' }));
    expect(writeText).toHaveBeenCalledWith(link);
  });

  it('lists rounds, invitations, judges with their conflicts, and the conflict log; revokes, clears and drops with reasons', async () => {
    const { calls } = renderPanel('/organize/hackathons/ph-2026/judging', ORGANIZER, {
      JudgingPanel: () => ({ data: PANEL }),
      ConflictLog: () => ({ data: LOG }),
      RevokeJudgeInvitation: () => ({ data: { revokeJudgeInvitation: { invitation: { id: 'inv1', status: 'REVOKED' } } } }),
      ClearConflict: () => ({ data: { clearConflict: { judge: { id: 'h1:u1', conflicts: [] } } } }),
      DropJudge: () => ({
        data: {
          dropJudge: {
            judge: { id: 'h1:u1', status: 'DROPPED', dropReason: 'Ill' },
            rounds: [
              {
                roundId: 'r1',
                kept: [{ proposalId: 'p1', proposal: { id: 'p1', title: title('Bus arrivals') } }],
                voided: [],
                reassigned: [{ proposalId: 'p3', toJudgeIds: ['h1:u1'], droppedSheet: 'DRAFT', proposal: { id: 'p3', title: title('Open budget') } }],
                notReassigned: [],
              },
            ],
          },
        },
      }),
    });
    expect((await screen.findByRole('link', { name: 'Set up Preliminary review' })).getAttribute('href')).toBe('/organize/hackathons/ph-2026/judging/rounds/r1');
    expect(screen.getByRole('link', { name: 'Progress and ranking of Preliminary review' }).getAttribute('href')).toBe(
      '/organize/hackathons/ph-2026/judging/rounds/r1/ranking',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Revoke invitation of ann@example.org' }));
    expect(callsNamed(calls, 'RevokeJudgeInvitation')[0].variables.input).toEqual({ invitationId: 'inv1' });

    expect(screen.getByText(/Conflicts of interest \(1 active\)/)).toBeTruthy();
    expect(screen.getByText(/found from affiliations/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Clear conflict with Bus arrivals' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Why there is no conflict' }), 'Different ministry');
    await userEvent.click(screen.getByRole('button', { name: 'Clear the conflict' }));
    expect(callsNamed(calls, 'ClearConflict')[0].variables.input).toEqual({ judgeId: 'h1:u1', proposalId: 'p1', comment: 'Different ministry' });

    await userEvent.click(screen.getByRole('button', { name: 'Drop Bo Judge' }));
    expect(screen.getByText('Give a reason.')).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: 'Reason to drop Bo Judge' }), 'Ill');
    await userEvent.click(screen.getByRole('button', { name: 'Drop Bo Judge' }));
    const dialog = await screen.findByRole('dialog', { name: 'Drop Bo Judge from the panel?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Drop the judge' }));
    expect(callsNamed(calls, 'DropJudge')[0].variables.input).toEqual({ judgeId: 'h1:u1', reason: 'Ill' });
    // The answer: what was kept and reassigned, round by round.
    expect(await screen.findByText('Kept, and counted: 1 submitted sheets (Bus arrivals)')).toBeTruthy();
    expect(screen.getByText(/“Open budget” went to Bo Judge/)).toBeTruthy();

    expect(screen.getByRole('heading', { name: 'Conflict-of-interest log' })).toBeTruthy();
    expect(screen.getByText('Found (Hacktrail)')).toBeTruthy();
  });
});

describe('round set-up', () => {
  it('edits the bilingual rubric and the rules of a DRAFT round and saves them with the version read', async () => {
    const { calls } = renderPanel('/organize/hackathons/ph-2026/judging/rounds/r1', ORGANIZER, {
      JudgingRoundSetup: () => ({ data: { judgingRound: setupRound('DRAFT') } }),
      ConfigureRound: () => ({ data: { configureRound: { round: setupRound('DRAFT', { version: 7 }) } } }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Add a criterion' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save the set-up' }));
    expect(screen.getByText('Give a name in at least one language.')).toBeTruthy();
    expect(callsNamed(calls, 'ConfigureRound')).toHaveLength(0);

    await userEvent.type(screen.getByRole('textbox', { name: 'Criterion 2 name in English' }), 'Feasibility');
    await userEvent.type(screen.getByRole('textbox', { name: 'Criterion 2 name in Traditional Chinese' }), '可行性');
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Criterion 2 weight' }), { target: { value: '2' } });
    await userEvent.click(screen.getByRole('button', { name: 'Move criterion 2 up' }));
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Judges per proposal (k)' }), { target: { value: '2' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Academia weight' }), { target: { value: '0.2' } });
    expect(screen.queryByRole('group', { name: 'Who may vote' })).toBeNull();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Public vote' }), 'QUADRATIC');
    const rules = screen.getByRole('group', { name: 'Who may vote' });
    expect(within(rules).getAllByRole('checkbox').map((box) => (box as HTMLInputElement).checked)).toEqual([true, true, true]);
    await userEvent.click(within(rules).getByRole('checkbox', { name: /an email your sign-in provider has verified/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save the set-up' }));
    const input = callsNamed(calls, 'ConfigureRound')[0].variables.input as Record<string, unknown>;
    expect(input).toMatchObject({
      roundId: 'r1',
      expectedVersion: 6,
      judgesPerProposal: 2,
      criteria: [
        { id: undefined, name: { zhTW: '可行性', en: 'Feasibility' }, weight: 2, scaleMin: 1, scaleMax: 10 },
        { id: 'impact', name: { zhTW: '影響力', en: 'Impact' }, weight: 3, scaleMin: 1, scaleMax: 10 },
      ],
      sectorMinimums: [
        { sector: 'PUBLIC', minimum: 1 },
        { sector: 'PRIVATE', minimum: 1 },
        { sector: 'ACADEMIC', minimum: 0 },
        { sector: 'CIVIL_SOCIETY', minimum: 0 },
      ],
      clearMaxLoad: true,
      publicVote: {
        mode: 'QUADRATIC',
        weight: 0,
        credits: 99,
        eligibility: { excludeTeam: true, excludeJudges: true, requireVerifiedEmail: false },
      },
      normalise: true,
      cutSize: 2,
    });
    expect((input.sectorWeights as { sector: string; weight: number }[]).find((w) => w.sector === 'ACADEMIC')).toEqual({ sector: 'ACADEMIC', weight: 0.2 });
    expect(input.seed).toBeUndefined();
  });

  it('once the round is OPEN changes only ranking parameters, with a reason', async () => {
    const { calls } = renderPanel('/organize/hackathons/ph-2026/judging/rounds/r1', ORGANIZER, {
      JudgingRoundSetup: () => ({ data: { judgingRound: setupRound('OPEN') } }),
      ConfigureRound: () => ({ data: { configureRound: { round: setupRound('OPEN', { version: 7 }) } } }),
    });
    // The rubric is frozen once judges score: its controls sit in a disabled fieldset.
    expect((await screen.findByRole('textbox', { name: 'Criterion 1 name in English' })).matches(':disabled')).toBe(true);
    fireEvent.change(screen.getByRole('spinbutton', { name: 'N: proposals selected' }), { target: { value: '3' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save the set-up' }));
    expect(screen.getByText('Give a reason for the change.')).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: 'Reason for the change' }), 'Three teams go on');
    await userEvent.click(screen.getByRole('button', { name: 'Save the set-up' }));
    const input = callsNamed(calls, 'ConfigureRound')[0].variables.input as Record<string, unknown>;
    expect(input).toMatchObject({ roundId: 'r1', cutSize: 3, reason: 'Three teams go on', expectedVersion: 6 });
    expect(input.criteria).toBeUndefined();
    expect(input.judgesPerProposal).toBeUndefined();
  });

  it('lists assignment problems by proposal, reruns the assignment and opens the round after confirmation', async () => {
    const { calls } = renderPanel('/organize/hackathons/ph-2026/judging/rounds/r1', ORGANIZER, {
      JudgingRoundSetup: () => ({ data: { judgingRound: setupRound('DRAFT') } }),
      AssignJudges: () => ({ data: { assignJudges: { round: setupRound('DRAFT', { version: 7 }) } } }),
      ChangeRoundStatus: () => ({ data: { changeRoundStatus: { round: setupRound('OPEN', { version: 8 }) } } }),
    });
    expect(await screen.findByRole('heading', { name: 'Rules not met (2)' })).toBeTruthy();
    const problems = screen.getByText('Shelter map').closest('li')!;
    expect(problems.textContent).toContain('Too few judges of a sector (Private sector): 0 of 1 assigned');
    expect(problems.textContent).toContain('Too few judges: 2 of 3 assigned');
    await userEvent.type(screen.getByRole('textbox', { name: 'Assignment seed' }), '42');
    await userEvent.click(screen.getByRole('button', { name: 'Run the assignment again' }));
    expect(callsNamed(calls, 'AssignJudges')[0].variables.input).toEqual({ roundId: 'r1', seed: '42' });

    await userEvent.click(screen.getByRole('button', { name: 'Open the round' }));
    const dialog = await screen.findByRole('dialog', { name: 'Open the round for scoring?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Open the round' }));
    expect(callsNamed(calls, 'ChangeRoundStatus')[0].variables.input).toEqual({ roundId: 'r1', to: 'OPEN', reason: undefined, expectedVersion: 6 });
  });
});

describe('progress, ranking, selection and publication', () => {
  it('shows progress per judge and the ranking with sector columns, divergence, rank interval and P(top N)', async () => {
    renderPanel('/organize/hackathons/ph-2026/judging/rounds/r1/ranking', ORGANIZER, {
      RoundOverview: () => overview('OPEN'),
      RoundProgress: () => ({ data: PROGRESS }),
      OrganizerRanking: () => ({ data: { roundRanking: RANKING } }),
    });
    const byJudge = await screen.findByRole('table', { name: 'Progress per judge' });
    expect(within(byJudge).getByRole('row', { name: /Bo Judge/ }).textContent).toContain('Public sector3120');
    expect(screen.getByRole('progressbar', { name: '8 of 9 sheets submitted' })).toBeTruthy();
    const ranking = screen.getByRole('table', { name: 'Ranking by final score; the outstanding cut is after rank 2' });
    expect(within(ranking).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Rank',
      'Proposal',
      'Final score',
      'Public sector',
      'Private sector',
      'Divergence',
      'Rank interval (90 %)',
      'P(top 2)',
      'Flags',
    ]);
    const shelter = within(ranking).getByRole('row', { name: /Shelter map/ });
    expect(shelter.textContent).toContain('1.4 sectors disagree');
    expect(shelter.textContent).toContain('1–3');
    expect(shelter.textContent).toContain('55 %');
    expect(shelter.textContent).toContain('uncertain at the cut');
    expect(within(ranking).getByRole('row', { name: /Open budget/ }).textContent).toContain('missing: Private sector');
    expect(screen.getByText('Select once scoring is over and the round is closed.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Publish the results' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the diagnostics: agreement with its reading, each judge in plain words, and where the sectors disagree', async () => {
    const diagnostics = {
      round: {
        id: 'r1',
        criteria: [
          { id: 'impact', name: { zhTW: '影響力', en: 'Impact' } },
          { id: 'feasibility', name: { zhTW: '可行性', en: 'Feasibility' } },
        ],
      },
      judges: [
        { judgeId: 'J-1', judge: { id: 'h:bo', displayName: 'Bo Judge' }, sector: 'PUBLIC', sheetCount: 3, meanTotal: 7, spread: 0, leniency: 0.84, treatment: 'NO_SPREAD' },
        { judgeId: 'J-2', judge: null, sector: 'PRIVATE', sheetCount: 3, meanTotal: 5.2, spread: 1.1, leniency: -0.6, treatment: 'Z_SCORE' },
      ],
      agreement: [
        { sector: null, proposalCount: 3, sheetCount: 6, icc: 0.62, iccAverage: 0.77, level: 'MODERATE' },
        { sector: 'PUBLIC', proposalCount: 3, sheetCount: 6, icc: -0.2, iccAverage: null, level: 'POOR' },
        { sector: 'PRIVATE', proposalCount: 0, sheetCount: 0, icc: null, iccAverage: null, level: 'UNKNOWN' },
      ],
      criteria: [
        { criterionId: 'impact', proposalCount: 2, meanGap: 0.3 },
        { criterionId: 'feasibility', proposalCount: 2, meanGap: 0.05 },
      ],
      divergentProposals: [
        {
          proposalId: 'p1',
          proposal: { id: 'p1', title: { zhTW: '避難所地圖', en: 'Shelter map' } },
          divergence: 1.4,
          criteria: [{ criterionId: 'impact', gap: 0.6, sectorMeans: [{ sector: 'PUBLIC', mean: 8 }, { sector: 'PRIVATE', mean: 2 }] }],
        },
      ],
    };
    renderPanel('/organize/hackathons/ph-2026/judging/rounds/r1/ranking', ORGANIZER, {
      RoundOverview: () => overview('CLOSED'),
      RoundProgress: () => ({ data: PROGRESS }),
      OrganizerRanking: () => ({ data: { roundRanking: RANKING } }),
      RoundDiagnostics: () => ({ data: { roundDiagnostics: diagnostics } }),
    });
    const agreement = await screen.findByRole('table', { name: 'Agreement between judges' });
    expect(within(agreement).getByRole('row', { name: /Whole round/ }).textContent).toContain('Moderate: 62 % of the differences come from the proposals.');
    expect(within(agreement).getByRole('row', { name: /Public sector/ }).textContent).toContain('Poor: 0 % of the differences');
    expect(within(agreement).getByRole('row', { name: /Private sector/ }).textContent).toContain('unknownNot measurable yet');
    const judges = screen.getByRole('table', { name: 'Judges' });
    const bo = within(judges).getByRole('row', { name: /Bo Judge/ });
    expect(bo.textContent).toContain('0.84 σ more generous than the round');
    expect(bo.textContent).toContain('these sheets tell the proposals apart not at all');
    expect(bo.className).toBe('row-warning');
    expect(within(judges).getByRole('row', { name: /J-2/ }).textContent).toContain('0.6 σ stricter than the round');
    const criteria = screen.getByRole('table', { name: 'Where the sectors disagree' });
    expect(within(criteria).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'CriterionProposals comparedMean gap',
      'Impact230 %',
      'Feasibility25 %',
    ]);
    expect(screen.getByText(/most on Impact: 60 % of the scale \(Public sector 8 · Private sector 2\)/)).toBeTruthy();
  });

  it('shows unknown probabilities as unknown and marks insufficient evidence', async () => {
    renderPanel('/organize/hackathons/ph-2026/judging/rounds/r1/ranking', ORGANIZER, {
      RoundOverview: () => overview('OPEN'),
      RoundProgress: () => ({ data: PROGRESS }),
      OrganizerRanking: () => ({ data: { roundRanking: UNKNOWN_SPREAD } }),
    });
    const ranking = await screen.findByRole('table', { name: 'Ranking by final score; the outstanding cut is after rank 2' });
    expect(within(ranking).getAllByRole('columnheader').map((h) => h.textContent)).toContain('Evidence');
    const bus = within(ranking).getByRole('row', { name: /Bus arrivals/ });
    expect(bus.textContent).toContain('unknownunknown');
    expect(bus.textContent).not.toContain('%');
    expect(bus.textContent).toContain('2 of 3 sheets insufficient evidence');
    expect(bus.textContent).toContain('insufficient evidence: 2 of 3 sheets, not proposed for the top N');
    expect(bus.textContent).not.toContain('in the top N ·');
    expect(within(ranking).getByRole('row', { name: /Shelter map/ }).textContent).not.toContain('insufficient');
    expect(screen.getByText(/the rank intervals and P\(top N\) are unknown/).textContent).toContain('2 between-judge differences');
  });

  it('selects the top N, or overrides it only with a written justification', async () => {
    const { calls } = renderPanel('/organize/hackathons/ph-2026/judging/rounds/r1/ranking', ORGANIZER, {
      RoundOverview: () => overview('CLOSED'),
      RoundProgress: () => ({ data: PROGRESS }),
      OrganizerRanking: () => ({ data: { roundRanking: RANKING } }),
      SelectProposals: () => ({ data: { selectProposals: { round: { id: 'r1', status: 'CLOSED', version: 10, selection: null } } } }),
    });
    const bus = (await screen.findByRole('checkbox', { name: 'Select Bus arrivals' })) as HTMLInputElement;
    expect(bus.checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Select Open budget' }) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText(/2 selected \(N = 2\)\. This is the ranking’s top N\./)).toBeTruthy();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Shelter map' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Open budget' }));
    expect(screen.getByText(/a written justification is required/)).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: 'Justification of the override' }), 'Too short');
    await userEvent.click(screen.getByRole('button', { name: 'Save the selection' }));
    expect(screen.getByText('Write a justification of at least 20 characters.')).toBeTruthy();
    expect(callsNamed(calls, 'SelectProposals')).toHaveLength(0);
    await userEvent.type(screen.getByRole('textbox', { name: 'Justification of the override' }), ': the agency commits to it.');
    await userEvent.click(screen.getByRole('button', { name: 'Save the selection' }));
    expect(callsNamed(calls, 'SelectProposals')[0].variables.input).toEqual({
      roundId: 'r1',
      proposalIds: ['p1', 'p3'],
      justification: 'Too short: the agency commits to it.',
      tieResolution: undefined,
      expectedVersion: 9,
    });
  });

  it('publishes a selected round after confirmation', async () => {
    const selection = { proposalIds: ['p1', 'p2'], kind: 'TOP_N', justification: null, tieResolution: null, topN: ['p1', 'p2'], at: '2026-11-27T01:00:00Z' };
    const { calls } = renderPanel('/organize/hackathons/ph-2026/judging/rounds/r1/ranking', ORGANIZER, {
      RoundOverview: () => overview('CLOSED', selection),
      RoundProgress: () => ({ data: PROGRESS }),
      OrganizerRanking: () => ({ data: { roundRanking: { ...RANKING, selection } } }),
      PublishRound: () => ({ data: { publishRound: { round: { id: 'r1', status: 'PUBLISHED', publishedAt: '2026-11-27T02:00:00Z', version: 11 }, movedProposalIds: ['p1', 'p2', 'p3'], problems: [], codedProblems: [] } } }),
    });
    expect(await screen.findByText(/Current selection \(the top N, .*\): Bus arrivals, Shelter map\./)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Publish the results' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish the results?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(callsNamed(calls, 'PublishRound')[0].variables.input).toEqual({ roundId: 'r1' });
    expect(await screen.findByText('Published. 3 proposals moved to their new status.')).toBeTruthy();
  });

  it('names the sheets a close would leave out and closes anyway only with a written reason', async () => {
    let attempt = 0;
    const { calls } = renderPanel('/organize/hackathons/ph-2026/judging/rounds/r1/ranking', ORGANIZER, {
      RoundOverview: () => overview('OPEN'),
      RoundProgress: () => ({ data: PROGRESS }),
      OrganizerRanking: () => ({ data: { roundRanking: RANKING } }),
      ChangeRoundStatus: () =>
        attempt++ === 0
          ? {
              errors: [
                {
                  message: '1 sheet is not submitted',
                  extensions: {
                    code: 'BAD_USER_INPUT',
                    rule: 'ROUND_INCOMPLETE',
                    unsubmitted: [{ judgeId: 'h1:u1', judgeName: 'Bo Judge', proposalId: 'p3', proposalTitle: 'Open budget', status: 'DRAFT' }],
                  },
                },
              ],
            }
          : { data: { changeRoundStatus: { round: setupRound('CLOSED', { version: 10 }) } } },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Close the round' }));
    const dialog = await screen.findByRole('dialog', { name: 'Close the round?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close the round' }));
    expect(await screen.findByRole('heading', { name: '1 sheet is not submitted' })).toBeTruthy();
    expect(screen.getByText('Bo Judge on “Open budget” (draft)')).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: 'Why close with sheets not submitted' }), 'Too short');
    await userEvent.click(screen.getByRole('button', { name: 'Close anyway' }));
    expect(screen.getByText('Write why (at least 20 characters).')).toBeTruthy();
    expect(callsNamed(calls, 'ChangeRoundStatus')).toHaveLength(1);
    await userEvent.type(screen.getByRole('textbox', { name: 'Why close with sheets not submitted' }), ': the deadline has passed.');
    await userEvent.click(screen.getByRole('button', { name: 'Close anyway' }));
    expect(callsNamed(calls, 'ChangeRoundStatus')[1].variables.input).toEqual({
      roundId: 'r1',
      to: 'CLOSED',
      reason: 'Too short: the deadline has passed.',
      confirmIncomplete: true,
      expectedVersion: 9,
    });
  });

  it('selects more or fewer than N only with the quota override ticked and a justification', async () => {
    const { calls } = renderPanel('/organize/hackathons/ph-2026/judging/rounds/r1/ranking', ORGANIZER, {
      RoundOverview: () => overview('CLOSED'),
      RoundProgress: () => ({ data: PROGRESS }),
      OrganizerRanking: () => ({ data: { roundRanking: RANKING } }),
      SelectProposals: () => ({ data: { selectProposals: { round: { id: 'r1', status: 'CLOSED', version: 10, selection: null } } } }),
    });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select Open budget' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Justification of the override' }), 'All three have a signed agency partner.');
    await userEvent.click(screen.getByRole('button', { name: 'Save the selection' }));
    expect(screen.getByText('This selection has 3 proposals, not 2: tick the quota override to confirm it.')).toBeTruthy();
    expect(callsNamed(calls, 'SelectProposals')).toHaveLength(0);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select 3 proposals instead of N = 2 (quota override)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save the selection' }));
    expect(callsNamed(calls, 'SelectProposals')[0].variables.input).toMatchObject({
      proposalIds: ['p1', 'p2', 'p3'],
      justification: 'All three have a signed agency partner.',
      quotaOverride: true,
    });
  });

  it('shows what would be published and the open cases, and publishes past them only when the organizer ticks that they know', async () => {
    const selection = { proposalIds: ['p1', 'p2'], kind: 'TOP_N', justification: null, tieResolution: null, topN: ['p1', 'p2'], at: '2026-11-27T01:00:00Z' };
    const { calls } = renderPanel('/organize/hackathons/ph-2026/judging/rounds/r1/ranking', ORGANIZER, {
      RoundOverview: () => overview('CLOSED', selection),
      RoundProgress: () => ({ data: PROGRESS }),
      OrganizerRanking: () => ({ data: { roundRanking: { ...RANKING, selection } } }),
      PublicationPreview: () => ({
        data: {
          publicationPreview: {
            ready: true,
            blockers: [], codedBlockers: [],
            cut: 2,
            unresolvedCount: 1,
            selected: [
              { proposalId: 'p1', proposal: { id: 'p1', title: title('Bus arrivals') } },
              { proposalId: 'p2', proposal: { id: 'p2', title: title('Shelter map') } },
            ],
            openCases: [
              { kind: 'STRADDLES_CUT', proposalIds: ['p2'], judgeId: null, message: 'Rank 2, but its interval 1–3 lies on both sides of the cut of 2.', resolved: false, proposals: [{ id: 'p2', title: title('Shelter map') }] },
            ],
          },
        },
      }),
      PublishRound: () => ({ data: { publishRound: { round: { id: 'r1', status: 'PUBLISHED', publishedAt: '2026-11-27T02:00:00Z', version: 11 }, movedProposalIds: ['p1', 'p2', 'p3'], problems: [], codedProblems: [] } } }),
    });
    expect(await screen.findByText('Open cases of the ranking: 1 (1 to confirm)')).toBeTruthy();
    expect(screen.getByText('Published as selected (2, N = 2)')).toBeTruthy();
    expect(screen.getByText('Rank interval straddles the cut')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Publish the results' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish the results?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(within(dialog).getByText('Tick this to confirm the open cases.')).toBeTruthy();
    expect(callsNamed(calls, 'PublishRound')).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'I have reviewed the 1 open case and publish knowing them' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(callsNamed(calls, 'PublishRound')[0].variables.input).toEqual({ roundId: 'r1', confirmOpenCases: true });
  });

  it('explains open cases from its own catalog in Chinese, naming the judge, instead of the server\'s English', async () => {
    const selection = { proposalIds: ['p1', 'p2'], kind: 'TOP_N', justification: null, tieResolution: null, topN: ['p1', 'p2'], at: '2026-11-27T01:00:00Z' };
    renderPanel(
      '/organize/hackathons/ph-2026/judging/rounds/r1/ranking',
      ORGANIZER,
      {
        RoundOverview: () => overview('CLOSED', selection),
        RoundProgress: () => ({ data: PROGRESS }),
        OrganizerRanking: () => ({ data: { roundRanking: { ...RANKING, selection } } }),
        PublicationPreview: () => ({
          data: {
            publicationPreview: {
              ready: true,
              blockers: [], codedBlockers: [],
              cut: 2,
              unresolvedCount: 1,
              selected: [],
              openCases: [
                {
                  kind: 'NO_SPREAD',
                  proposalIds: [],
                  judgeId: 'h:bo',
                  judge: { id: 'h:bo', displayName: '王評審' },
                  message: 'Judge 王評審 gave every sheet the same total.',
                  resolved: false,
                  proposals: [],
                },
              ],
            },
          },
        }),
      },
      'zh-TW',
    );
    expect(await screen.findByText('王評審給每份評分表相同的總分，這些評分表完全無法區分提案。')).toBeTruthy();
    expect(screen.queryByText(/gave every sheet the same total/)).toBeNull();
  });
});
