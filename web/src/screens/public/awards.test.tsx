import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderPanel, stubAuthOptions } from '../../test/harness';

const title = (en: string) => ({ zhTW: null, en });
const HACKATHON = { id: 'h1', slug: 'g0v-66', name: title('g0v Hackath66n'), timeZone: 'Asia/Taipei', phase: 'RESULTS_PUBLISHED', outstandingQuota: 1 };
const ROUND = { id: 'r1', name: title('Final'), kind: 'FINAL', method: 'RUBRIC', status: 'PUBLISHED', publishedAt: '2026-11-27T02:00:00Z', cutSize: 1, publicVote: { mode: 'NONE', credits: 99 }, criteria: [] };
const WINNER = { id: 'p1', title: title('Bus arrivals') };

describe('the public results page', () => {
  it('lists the winners of each award track of a published round, in the reader’s language', async () => {
    stubAuthOptions();
    renderPanel(
      '/hackathons/g0v-66/results',
      null,
      {
        HackathonResults: () => ({ data: { hackathon: HACKATHON, judgingRounds: [ROUND] } }),
        RoundPublishedAwards: () => ({
          data: {
            judgingRound: {
              id: 'r1',
              publishedAwards: [
                { track: { id: 'h1.outstanding', slug: 'outstanding', outstanding: true }, name: { zhTW: '卓越團隊', en: 'Outstanding teams' }, sponsor: null, sponsorKind: null, winners: [WINNER], selection: { kind: 'TOP_N', justification: null, tieResolution: null } },
                { track: { id: 'h1.city', slug: 'city', outstanding: false }, name: { zhTW: '城市獎', en: 'City award' }, sponsor: '臺北市政府', sponsorKind: 'AGENCY', winners: [WINNER, { id: 'p2', title: title('Shelter map') }], selection: { kind: 'TOP_N', justification: null, tieResolution: null } },
              ],
            },
          },
        }),
      },
      'zh-TW',
    );
    expect(await screen.findByRole('heading', { name: '獎項' })).toBeTruthy();
    const city = screen.getByTestId('award-city');
    expect(city.textContent).toContain('城市獎');
    expect(city.textContent).toContain('由臺北市政府頒發');
    expect(within(city).getAllByRole('link').map((link) => link.textContent)).toEqual(['Bus arrivals', 'Shelter map']);
    expect(within(screen.getByTestId('award-outstanding')).getByRole('link', { name: 'Bus arrivals' }).getAttribute('href')).toBe('/proposals/p1');
  });
});
