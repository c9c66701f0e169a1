import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { ORGANIZER, renderPanel } from '../../test/harness';

// A round dedicated to an award track with judges of its own, on the organizer's results page: its ranking is shown,
// but its own selection is not offered (its winners are the track's, selected under Award tracks).

const title = (en: string) => ({ zhTW: null, en });
const HACKATHON = { id: 'h1', slug: 'ph-2026', name: { zhTW: '總統盃黑客松', en: 'Presidential Hackathon' }, timeZone: 'Asia/Taipei', phase: 'JUDGING', outstandingQuota: 2 };

function line(id: string, name: string, rank: number) {
  return {
    proposalId: id,
    proposal: { id, title: title(name) },
    rank,
    finalScore: 8 - rank,
    sectorScores: [{ sector: 'PUBLIC', sheetCount: 2, mean: 8 - rank, weight: 1 }],
    voteTotal: null,
    voteScore: null,
    missingSectors: [],
    divergence: 0.4,
    divergent: false,
    tied: false,
    inTopN: rank <= 1,
    rankLow: rank,
    rankHigh: rank,
    probabilityTopN: rank <= 1 ? 0.9 : 0.1,
    straddlesCut: false,
    evidence: null,
  };
}

const RANKING = {
  published: false,
  algorithmVersion: 'hacktrail-rubric-1',
  outstandingQuota: 1,
  summary: {
    proposalCount: 2,
    rankedCount: 2,
    sheetCount: 4,
    judgeCount: 2,
    mean: 6.2,
    standardDeviation: 1.1,
    normalisedStandardDeviation: 1,
    normalised: false,
    sectorWeights: [{ sector: 'PUBLIC', weight: 1 }],
    voteWeight: null,
    bootstrapReplicates: 1000,
    seed: '8',
  },
  lines: [line('p1', 'Bus arrivals', 1), line('p3', 'Open budget', 2)],
  ties: [],
  unranked: [],
  selection: null,
  publicVote: null,
  uncertainty: null,
};

const TRACK_NAME = { zhTW: '最佳開放資料應用', en: 'Best use of open data' };

function overview(dedicated: boolean) {
  return {
    data: {
      judgingRound: {
        id: 'r1',
        name: title('Open data jury'),
        kind: 'REVIEW',
        method: 'RUBRIC',
        status: 'CLOSED',
        version: 9,
        cutSize: 1,
        publishedAt: null,
        publicVote: { mode: 'NONE' },
        hackathon: HACKATHON,
        selection: null,
        dedicatedTrack: dedicated ? { id: 'h1.open-data', name: TRACK_NAME } : null,
      },
    },
  };
}

const PROGRESS = { roundProgress: { assigned: 4, submitted: 4, judges: [], proposals: [] } };

describe('a round dedicated to an award track, on the results page', () => {
  it('shows the ranking without the round’s own selection, pointing to the track', async () => {
    renderPanel('/organize/hackathons/ph-2026/judging/rounds/r1/ranking', ORGANIZER, {
      RoundOverview: () => overview(true),
      RoundProgress: () => ({ data: PROGRESS }),
      OrganizerRanking: () => ({ data: { roundRanking: RANKING } }),
    });
    expect(await screen.findByText('The round is dedicated to Best use of open data: its winners are selected as that track’s, under Award tracks below.')).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: 'Select Bus arrivals' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save the selection' })).toBeNull();
  });

  it('offers an ordinary CLOSED round its own selection', async () => {
    renderPanel('/organize/hackathons/ph-2026/judging/rounds/r1/ranking', ORGANIZER, {
      RoundOverview: () => overview(false),
      RoundProgress: () => ({ data: PROGRESS }),
      OrganizerRanking: () => ({ data: { roundRanking: RANKING } }),
    });
    expect(await screen.findByRole('checkbox', { name: 'Select Bus arrivals' })).toBeTruthy();
    expect(screen.queryByText(/its winners are selected as that track’s/)).toBeNull();
  });
});
