import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { renderWith } from '../../test/render';
import ProposalFeedbackSection from './ProposalFeedback';

afterEach(cleanup);

describe('the judges’ feedback for the team', () => {
  it('says it comes after publication, before', async () => {
    renderWith(<ProposalFeedbackSection proposalId="p1" timeZone="Asia/Taipei" />, {
      ProposalFeedback: () => ({ data: { proposalFeedback: { proposalId: 'p1', published: false, rounds: [] } } }),
    });
    expect(await screen.findByText('The judges’ feedback is shown here once the results are published.')).toBeTruthy();
  });

  it('shows each published round’s feedback with judges numbered, never named, in zh-TW', async () => {
    renderWith(
      <ProposalFeedbackSection proposalId="p1" timeZone="Asia/Taipei" />,
      {
        ProposalFeedback: () => ({
          data: {
            proposalFeedback: {
              proposalId: 'p1',
              published: true,
              rounds: [
                {
                  round: { id: 'r1', name: { zhTW: '初審', en: 'Review' } },
                  publishedAt: '2026-12-10T04:00:00Z',
                  entries: [
                    { judgeNumber: 1, source: 'SCORE_SHEET', text: '問題定義清楚。' },
                    { judgeNumber: 2, source: 'EXPO_VISIT', text: 'Show real users.' },
                  ],
                },
              ],
            },
          },
        }),
      },
      'zh-TW',
    );
    expect(await screen.findByText('評審回饋')).toBeTruthy();
    expect(screen.getByText(/^初審，公布於 2026年12月10日/)).toBeTruthy();
    expect(screen.getByText('評審 1')).toBeTruthy();
    expect(screen.getByText('評審 2')).toBeTruthy();
    expect(screen.getByText('問題定義清楚。')).toBeTruthy();
    expect(screen.getByText(/展攤評審/)).toBeTruthy();
  });

  it('shows nothing to someone the API refuses', async () => {
    const { container, calls } = renderWith(<ProposalFeedbackSection proposalId="p1" timeZone="Asia/Taipei" />, {
      ProposalFeedback: () => ({ errors: [{ message: 'Only the proposal’s team and organizers read the judges’ feedback.', extensions: { code: 'FORBIDDEN' } }] }),
    });
    await screen.findByText((_, element) => element === container);
    expect(calls).toHaveLength(1);
    expect(container.textContent).toBe('');
  });
});
