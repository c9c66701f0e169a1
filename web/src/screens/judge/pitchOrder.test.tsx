import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { JUDGE, renderPanel } from '../../test/harness';
import { inPitchOrder } from './pitchOrder';
import { nextToScore } from './ScoreSheetPage';

const HACKATHON = { id: 'h1', slug: 'ph-2026', name: { zhTW: null, en: 'Presidential Hackathon' }, timeZone: 'Asia/Taipei' };
const ROUND = { id: 'r1', name: { zhTW: null, en: 'Preliminary review' }, kind: 'REVIEW', status: 'OPEN', hackathon: HACKATHON };
const CRITERIA = [{ id: 'impact', name: { zhTW: null, en: 'Impact' }, description: { zhTW: null, en: null }, weight: 1, scaleMin: 1, scaleMax: 10 }];

function sheet(proposalId: string, status: string) {
  return {
    id: `r1:u-judge:${proposalId}`,
    status,
    comment: null,
    version: 2,
    submittedAt: status === 'SUBMITTED' ? '2026-11-27T02:00:00Z' : null,
    updatedAt: '2026-11-27T01:00:00Z',
    scores: [{ criterionId: 'impact', value: 6 }],
    history: [],
  };
}

// The judge's list order is p1, p2, p3, p4; the timetable has p3 pitch first, p1 second, p4 third; p2 has no place.
const SLOTS = [
  { proposalId: 'p1', pitchOrder: 2 },
  { proposalId: 'p3', pitchOrder: 1 },
  { proposalId: 'p4', pitchOrder: 3 },
];

function page(current: string, submitted: string[]) {
  return {
    data: {
      myAssignments: {
        assigned: 4,
        submitted: submitted.length,
        round: { ...ROUND, criteria: CRITERIA },
        judge: { id: 'h1:u-judge', sector: 'PUBLIC', conflicts: [] },
        proposals: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ proposalId: id, sheet: submitted.includes(id) ? sheet(id, 'SUBMITTED') : null })),
        slots: SLOTS.map((slot) => ({ ...slot })),
      },
      proposal: {
        id: current,
        title: { zhTW: null, en: `Proposal ${current}` },
        summary: { zhTW: null, en: 'A summary.' },
        proposerName: 'Ann',
        channel: null,
        needs: [],
        tags: [],
        links: [],
        team: null,
      },
    },
  };
}

async function nextHref(current: string, submitted: string[]): Promise<string | null> {
  const view = renderPanel(`/judge/rounds/r1/proposals/${current}`, JUDGE, { ScoreSheetPage: () => page(current, submitted) });
  await screen.findByText(/^Submitted \(/);
  const link = screen.queryByRole('link', { name: 'Next proposal' });
  const href = link?.getAttribute('href') ?? null;
  view.unmount();
  return href;
}

describe('the order a judge meets their proposals in', () => {
  it('is the pitch order, then the list’s order for proposals without a place', () => {
    const list = ['p1', 'p2', 'p3', 'p4', 'p5'].map((proposalId) => ({ proposalId, sheet: null }));
    expect(inPitchOrder(list, [...SLOTS, { proposalId: 'p5', pitchOrder: null }]).map((p) => p.proposalId)).toEqual(['p3', 'p1', 'p4', 'p2', 'p5']);
    expect(inPitchOrder(list, []).map((p) => p.proposalId)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(inPitchOrder(list, undefined)).toEqual(list);
    expect(nextToScore(inPitchOrder(list, SLOTS), 'p1')).toBe('p4');
  });

  it('"Next proposal" after a submitted sheet follows the pitch order, skipping submitted sheets and wrapping around', async () => {
    // After p1 (pitch 2): p4 (pitch 3), not p2 (next in the list).
    expect(await nextHref('p1', ['p1'])).toBe('/judge/rounds/r1/proposals/p4');
    // p4 already submitted: p2, the first without a place.
    expect(await nextHref('p1', ['p1', 'p4'])).toBe('/judge/rounds/r1/proposals/p2');
    // After p2 (last): around to p3, pitching first.
    expect(await nextHref('p2', ['p2'])).toBe('/judge/rounds/r1/proposals/p3');
    // Every other sheet submitted: no next proposal.
    expect(await nextHref('p4', ['p1', 'p2', 'p3', 'p4'])).toBeNull();
  });

  it('orders the judge’s list the same way', async () => {
    renderPanel('/judge', JUDGE, {
      JudgeHome: () => ({
        data: {
          myJudging: [
            {
              assigned: 4,
              submitted: 0,
              round: { ...ROUND, closesAt: null },
              slots: SLOTS.map((slot) => ({ ...slot, room: null })),
              judge: { id: 'h1:u-judge', sector: 'PUBLIC' },
              proposals: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ proposalId: id, proposal: { id, title: { zhTW: null, en: `Proposal ${id}` }, proposerName: 'Ann' }, sheet: null })),
            },
          ],
          myJudgeInvitations: [],
          myExpoRounds: [],
        },
      }),
    });
    const list = await screen.findByRole('list', { name: 'Proposals to score' });
    expect(within(list).getAllByRole('link').map((link) => link.textContent)).toEqual(['Proposal p3', 'Proposal p1', 'Proposal p4', 'Proposal p2']);
  });
});
