import { describe, expect, it } from 'vitest';
import { selectionKind } from './RoundResults';

/** The selection kind the panel expects the API to record (PublicationService decides it the same way). */
describe('selectionKind', () => {
  // Ranks 1 and 2 are the top N, as the ranking proposes them for a cut of 2.
  const line = (id: string, rank: number, extra: { inTopN?: boolean } = {}) => ({ proposalId: id, inTopN: rank <= 2, ...extra });

  it('tells a tie across the cut apart from an override, as the API does', () => {
    const ranking = {
      lines: [line('a', 1), line('b', 2), line('c', 2, { inTopN: true })],
      ties: [{ rank: 2, proposalIds: ['b', 'c'], acrossCut: true }],
    };
    // Both tied proposals are in the top N (3 proposals for a cut of 2).
    expect(selectionKind(ranking, ['a', 'b'], 2)).toBe('TIE_RESOLVED');
    expect(selectionKind(ranking, ['a', 'c'], 2)).toBe('TIE_RESOLVED');
    expect(selectionKind(ranking, ['b', 'c'], 2)).toBe('OVERRIDE');
    expect(selectionKind({ lines: [line('a', 1), line('b', 2)], ties: [] }, ['b', 'a'], 2)).toBe('TOP_N');
  });
});
