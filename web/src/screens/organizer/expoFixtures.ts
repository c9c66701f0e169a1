// Fixtures shared by the organizers' expo (PAIRWISE) round tests (expo, expoSectors and expoSelection .test.tsx):
// the hackathon, the round's set-up and its overview as the server gives them. Each test replaces what it is about.

export const HACKATHON = { id: 'h1', slug: 'g0v-expo', name: { zhTW: '零時政府展', en: 'g0v expo' }, timeZone: 'Asia/Taipei', outstandingQuota: 2 };
export const title = (en: string, zhTW: string | null = null) => ({ zhTW, en });
export const SETUP = '/organize/hackathons/g0v-expo/judging/rounds/r1';

/** An expo round's set-up (`JudgingRoundSetup`); `extra` replaces fields. */
export function expoRoundSetup(status = 'DRAFT', extra: Record<string, unknown> = {}) {
  return {
    id: 'r1',
    name: title('Expo'),
    kind: 'FINAL',
    status,
    configured: true,
    version: 4,
    criteria: [] as unknown[],
    judgesPerProposal: 3,
    sectorMinimums: [],
    maxLoad: null,
    sectorWeights: [
      { sector: 'PUBLIC', weight: 0.5 },
      { sector: 'PRIVATE', weight: 0.5 },
    ],
    normalise: true,
    publicVote: { mode: 'NONE', weight: 0, credits: 99, eligibility: { excludeTeam: true, excludeJudges: true, requireVerifiedEmail: true } },
    cutSize: 2,
    candidateProposalIds: null,
    bootstrapReplicates: 1000,
    seed: '2026',
    publishedAt: null,
    plan: null,
    history: [],
    hackathon: HACKATHON,
    method: 'PAIRWISE',
    expoTables: [],
    expoCandidates: [{ id: 'p1', title: title('Open bus data') }] as unknown[] | null,
    ...extra,
  };
}

/** An expo round's overview (`RoundOverview`'s `judgingRound`); `extra` replaces fields. */
export function expoOverview(status = 'OPEN', extra: Record<string, unknown> = {}) {
  return {
    id: 'r1',
    name: title('Expo'),
    kind: 'FINAL',
    method: 'PAIRWISE',
    status,
    version: 4,
    cutSize: 2,
    publishedAt: null as string | null,
    publicVote: { mode: 'NONE' },
    hackathon: HACKATHON,
    selection: null as unknown,
    ...extra,
  };
}
