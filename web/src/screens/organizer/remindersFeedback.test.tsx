import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { callsNamed } from '../../test/harness';
import { renderWith } from '../../test/render';
import { RemindJudgesSection } from './RemindJudges';
import { FeedbackModerationSection } from './FeedbackModeration';

afterEach(cleanup);

const judge = (id: string, displayName: string) => ({ id, displayName, sector: 'PUBLIC' });
const proposal = (id: string, en: string) => ({ id, title: { zhTW: null, en } });

const LATE = {
  judgesWithWorkLeft: [
    {
      judge: judge('h:ann', 'Ann Judge'),
      remaining: 4,
      proposals: [proposal('p1', 'Flood map'), proposal('p2', 'Bus data'), proposal('p3', 'Air quality'), proposal('p4', 'Open budget')],
      dueAt: '2026-12-20T10:00:00Z',
      remindedAt: null,
    },
    { judge: judge('h:bo', 'Bo Judge'), remaining: 1, proposals: [proposal('p2', 'Bus data')], dueAt: null, remindedAt: '2026-12-07T01:00:00Z' },
  ],
};

describe('remind late judges', () => {
  it('shows each late judge with what is left and the deadline, and reminds them after a confirmation', async () => {
    const user = userEvent.setup();
    const { calls } = renderWith(<RemindJudgesSection roundId="r1" timeZone="Asia/Taipei" />, {
      JudgesWithWorkLeft: () => ({ data: LATE }),
      RemindJudges: () => ({
        data: {
          remindJudges: {
            remindedCount: 1,
            reminded: [{ judge: { id: 'h:ann', displayName: 'Ann Judge' }, remaining: 4 }],
            skipped: [{ judge: { id: 'h:bo', displayName: 'Bo Judge' }, reason: 'RECENTLY_REMINDED', remindedAt: '2026-12-07T01:00:00Z' }],
          },
        },
      }),
    });
    const table = await screen.findByRole('table');
    const ann = within(table).getByRole('row', { name: /Ann Judge/ });
    expect(ann.textContent).toContain('4');
    expect(ann.textContent).toContain('Flood map, Bus data, Air quality … and 1 more');
    // The deadline in the event's time zone: 10:00 UTC is 18:00 in Taipei.
    expect(ann.textContent).toMatch(/Dec 20, 2026, 0?6:00\s?PM GMT\+8/);
    expect(ann.textContent).toContain('never');
    const bo = within(table).getByRole('row', { name: /Bo Judge/ });
    expect(bo.textContent).toContain('not set');

    await user.click(screen.getByRole('button', { name: 'Remind late judges' }));
    const dialog = screen.getByRole('dialog', { name: 'Remind 2 judges?' });
    expect(callsNamed(calls, 'RemindJudges')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Send reminders' }));
    expect(callsNamed(calls, 'RemindJudges')[0].variables).toEqual({ input: { roundId: 'r1' } });
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('1 judge reminded.');
    expect(status.textContent).toMatch(/Bo Judge: already reminded at Dec 7, 2026, 0?9:00\s?AM GMT\+8/);
  });

  it('says so when nobody has work left, in zh-TW too', async () => {
    renderWith(<RemindJudgesSection roundId="r1" timeZone="Asia/Taipei" />, { JudgesWithWorkLeft: () => ({ data: { judgesWithWorkLeft: [] } }) }, 'zh-TW');
    expect(await screen.findByText('沒有評審尚有未完成的工作，無需提醒。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提醒進度落後的評審' })).toBeNull();
  });
});

const FEEDBACK = {
  roundTeamFeedback: [
    {
      id: 'r1:u1:p1',
      proposalId: 'p1',
      proposal: proposal('p1', 'Flood map'),
      judge: { id: 'h:u1', displayName: 'Ann Judge' },
      source: 'SCORE_SHEET',
      text: 'Clear problem statement.',
      updatedAt: '2026-12-07T01:00:00Z',
      hidden: null,
    },
    {
      id: 'r1:u2:p1',
      proposalId: 'p1',
      proposal: proposal('p1', 'Flood map'),
      judge: { id: 'h:u2', displayName: 'Bo Judge' },
      source: 'EXPO_VISIT',
      text: 'Rude remark',
      updatedAt: '2026-12-07T01:00:00Z',
      hidden: { reason: 'Personal remark', at: '2026-12-07T02:00:00Z' },
    },
  ],
};

describe('feedback moderation', () => {
  it('lists what judges wrote, hidden ones with their reason, and hides one with a written reason', async () => {
    const user = userEvent.setup();
    const { calls } = renderWith(<FeedbackModerationSection roundId="r1" />, {
      RoundTeamFeedback: () => ({ data: FEEDBACK }),
      HideTeamFeedback: () => ({ data: { hideTeamFeedback: { feedback: { id: 'r1:u1:p1', hidden: { reason: 'Off topic', at: '2026-12-07T03:00:00Z' } } } } }),
    });
    expect(await screen.findByText('Clear problem statement.')).toBeTruthy();
    expect(screen.getByText('Hidden: Personal remark')).toBeTruthy();
    expect(screen.getByText(/Expo table/)).toBeTruthy();
    // Only the visible one can be hidden.
    expect(screen.getAllByRole('button', { name: /Hide the feedback of/ })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Hide the feedback of Ann Judge on Flood map' }));
    const hide = screen.getByRole('button', { name: 'Hide from the team' });
    expect((hide as HTMLButtonElement).disabled).toBe(true);
    await user.type(screen.getByLabelText(/Why it is hidden/), 'Off topic');
    await user.click(hide);
    expect(callsNamed(calls, 'HideTeamFeedback')[0].variables).toEqual({ input: { feedbackId: 'r1:u1:p1', reason: 'Off topic' } });
  });

  it('shows the server refusing a reason at its field', async () => {
    const user = userEvent.setup();
    renderWith(<FeedbackModerationSection roundId="r1" />, {
      RoundTeamFeedback: () => ({ data: FEEDBACK }),
      HideTeamFeedback: () => ({ errors: [{ message: 'Say why the feedback is hidden from the team.', extensions: { code: 'BAD_USER_INPUT', field: 'reason' } }] }),
    });
    await user.click(await screen.findByRole('button', { name: 'Hide the feedback of Ann Judge on Flood map' }));
    await user.type(screen.getByLabelText(/Why it is hidden/), 'x');
    await user.click(screen.getByRole('button', { name: 'Hide from the team' }));
    expect(await screen.findByText('Say why the feedback is hidden from the team.')).toBeTruthy();
  });
});
