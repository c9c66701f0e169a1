import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { callsNamed } from '../../test/harness';
import { renderWith } from '../../test/render';
import { TeamFeedbackBox } from './TeamFeedbackBox';

afterEach(cleanup);

describe('the judge’s feedback box', () => {
  it('saves feedback for the team apart from the private comment, and says the team reads it after publication', async () => {
    const user = userEvent.setup();
    const { calls } = renderWith(<TeamFeedbackBox roundId="r1" proposalId="p1" editable />, {
      MyTeamFeedback: () => ({ data: { myTeamFeedback: null } }),
      SaveTeamFeedback: (variables) => ({
        data: {
          saveTeamFeedback: {
            feedback: { id: 'r1:u:p1', text: (variables.input as { text: string }).text, updatedAt: '2026-12-07T01:00:00Z', hidden: null },
          },
        },
      }),
    });
    const box = await screen.findByRole('textbox', { name: 'Feedback for the team' });
    expect(screen.getByText(/never your name/)).toBeTruthy();
    await user.type(box, '  Show real users next time.  ');
    expect(screen.getByText('30 / 2000 characters')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save feedback' }));
    expect(callsNamed(calls, 'SaveTeamFeedback')[0].variables).toEqual({
      input: { roundId: 'r1', proposalId: 'p1', text: 'Show real users next time.' },
    });
    expect((await screen.findByRole('status')).textContent).toBe('Feedback saved.');
    expect((box as HTMLTextAreaElement).value).toBe('Show real users next time.');
    expect((box as HTMLTextAreaElement).maxLength).toBe(2000);
  });

  it('shows the stored feedback read-only when organizers hid it, in zh-TW', async () => {
    renderWith(
      <TeamFeedbackBox roundId="r1" proposalId="p1" editable />,
      { MyTeamFeedback: () => ({ data: { myTeamFeedback: { id: 'f', text: 'Too harsh', updatedAt: '2026-12-07T01:00:00Z', hidden: { reason: '人身攻擊' } } } }) },
      'zh-TW',
    );
    expect(await screen.findByText('主辦單位已對團隊隱藏此回饋：人身攻擊')).toBeTruthy();
    expect(screen.getByText('Too harsh')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '儲存回饋' })).toBeNull();
  });

  it('shows a refusal of the server at the field', async () => {
    const user = userEvent.setup();
    renderWith(<TeamFeedbackBox roundId="r1" proposalId="p1" editable />, {
      MyTeamFeedback: () => ({ data: { myTeamFeedback: null } }),
      SaveTeamFeedback: () => ({ errors: [{ message: 'text contains a control character (U+0007).', extensions: { code: 'BAD_USER_INPUT', field: 'text' } }] }),
    });
    await user.type(await screen.findByRole('textbox', { name: 'Feedback for the team' }), 'bell');
    await user.click(screen.getByRole('button', { name: 'Save feedback' }));
    expect(await screen.findByText('text contains a control character (U+0007).')).toBeTruthy();
  });
});
