import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ORGANIZER, callsNamed, renderPanel, type Handler } from '../../test/harness';
import { toSelection } from './SelectionVerify';
import { format } from '../../i18n';
import { bulkVerifyEn } from '../../i18n/bulkVerify/en';
import { bulkVerifyZhTW } from '../../i18n/bulkVerify/zh-TW';

const IMPORTS = {
  data: {
    outcomeImportsToVerify: [
      { run: { id: '42', status: 'COMPLETED', startedAt: null, endedAt: null }, file: 'ministry-2026.csv', authoritative: false, pendingCount: 3 },
      { run: { id: '40', status: 'COMPLETED', startedAt: null, endedAt: null }, file: 'city.csv', authoritative: true, pendingCount: 0 },
      {
        run: { id: '39', status: 'COMPLETED', startedAt: null, endedAt: null },
        file: 'upload-0f8fad5b-d9cb-469f-a165-70867728950e.csv',
        authoritative: false,
        pendingCount: 1,
      },
    ],
  },
};

const MILESTONE = {
  id: 'm1',
  projectId: 'pr1',
  type: 'PILOT',
  date: '2024-04-01',
  agency: 'Taipei City Government',
  project: { id: 'pr1', name: { zhTW: '長照資源地圖', en: 'Long-term care map' } },
};

function preview(count: number, limit = 5000) {
  return { data: { outcomeSelectionPreview: { count, limit, milestones: count > 0 ? [MILESTONE] : [] } } };
}

function handlers(extra: Record<string, Handler>): Record<string, Handler> {
  return { MilestonesToVerify: () => ({ data: { outcomeMilestonesToVerify: [] } }), OutcomeImportsToVerify: () => IMPORTS, ...extra };
}

describe('verify by import or by filter', () => {
  it('verifies the pending milestones of one import with the count the organizer saw', async () => {
    const { calls } = renderPanel(
      '/organize/outcomes',
      ORGANIZER,
      handlers({
        OutcomeSelectionPreview: () => preview(3),
        VerifyMilestones: () => ({ data: { verifyOutcomeMilestones: { decisionId: 'd1', verifiedCount: 3, unchangedIds: [] } } }),
      }),
    );
    const count = await screen.findByRole('button', { name: 'Count the matching milestones' });
    expect((count as HTMLButtonElement).disabled).toBe(true);
    const select = screen.getByRole('combobox', { name: 'Import' });
    expect(within(select).getByRole('option', { name: 'ministry-2026.csv · run 42 · — · 3 pending' })).toBeTruthy();
    expect(within(select).getByRole('option', { name: 'city.csv · run 40 · — · nothing pending (authoritative source)' })).toBeTruthy();
    // An upload's stored name is a random id: it is said to be an upload.
    expect(within(select).getByRole('option', { name: 'Uploaded file · run 39 · — · 1 pending' })).toBeTruthy();
    await userEvent.selectOptions(select, '42');
    await userEvent.click(count);
    expect(callsNamed(calls, 'OutcomeSelectionPreview')[0].variables).toEqual({ selection: { importRunId: '42' }, first: 5 });
    expect(await screen.findByText('3 pending milestones match.')).toBeTruthy();
    expect(screen.getByText(/Taipei City Government/)).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: 'Note for every milestone verified' }), 'Ministry list');
    await userEvent.click(screen.getByRole('button', { name: 'Verify 3 milestones' }));
    expect(callsNamed(calls, 'VerifyMilestones')).toHaveLength(0);
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('The 3 pending milestones you counted become public');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Verify them' }));
    expect(callsNamed(calls, 'VerifyMilestones')[0].variables.input).toEqual({
      selection: { importRunId: '42' },
      expectedCount: 3,
      note: 'Ministry list',
    });
    expect(await screen.findByText('3 milestones verified.')).toBeTruthy();
  });

  it('counts a filter, and says in the reader’s language when the set changed since', async () => {
    const { calls } = renderPanel(
      '/organize/outcomes',
      ORGANIZER,
      handlers({
        OutcomeSelectionPreview: () => preview(2),
        SelectionHackathons: () => ({
          data: { hackathons: { edges: [{ node: { id: 'h1', slug: 'g0v-60', name: { zhTW: '零時政府第六十次黑客松', en: 'g0v hackath60n' } } }] } },
        }),
        VerifyMilestones: () => ({
          errors: [
            {
              message: 'The selection matches 1 pending milestone(s) now, not 2.',
              extensions: { code: 'CONFLICT', rule: 'verifySelectionChanged', count: 1, expectedCount: 2 },
            },
          ],
        }),
      }),
      'zh-TW',
    );
    await userEvent.click(await screen.findByRole('radio', { name: '依條件' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '類型' }), 'PILOT');
    await userEvent.type(screen.getByRole('textbox', { name: '機關名稱包含' }), 'Taipei');
    const hackathon = screen.getByRole('combobox', { name: '黑客松' });
    await within(hackathon).findByRole('option', { name: '零時政府第六十次黑客松' });
    await userEvent.selectOptions(hackathon, 'h1');
    await userEvent.click(screen.getByRole('button', { name: '計算符合的里程碑' }));
    expect(callsNamed(calls, 'OutcomeSelectionPreview')[0].variables.selection).toEqual({ type: 'PILOT', agency: 'Taipei', hackathonId: 'h1' });
    expect(await screen.findByText('共 2 筆待查核里程碑符合。')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '查核 2 筆里程碑' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '確認查核' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('選取範圍現在符合 1 筆待查核里程碑，而不是您計算的 2 筆');
    // Counting again asks the server again for the same selection.
    await userEvent.click(within(alert).getByRole('button', { name: '重新計算' }));
    expect(callsNamed(calls, 'OutcomeSelectionPreview').length).toBeGreaterThan(1);
    expect(callsNamed(calls, 'OutcomeSelectionPreview').at(-1)!.variables.selection).toEqual({ type: 'PILOT', agency: 'Taipei', hackathonId: 'h1' });
  });

  it('offers no decision for a selection over the limit, and forgets a count when the selection changes', async () => {
    renderPanel('/organize/outcomes', ORGANIZER, handlers({ OutcomeSelectionPreview: () => preview(6000) }));
    await userEvent.click(await screen.findByRole('radio', { name: 'By filter' }));
    await userEvent.type(screen.getByLabelText('Dated from'), '2024-01-01');
    await userEvent.click(screen.getByRole('button', { name: 'Count the matching milestones' }));
    expect(await screen.findByText('One decision verifies at most 5000. Narrow the selection.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Verify \d+ milestones$/ })).toBeNull();
    await userEvent.type(screen.getByRole('textbox', { name: 'Agency contains' }), 'x');
    expect(screen.queryByText('6,000 pending milestones match.')).toBeNull();
    expect(screen.queryByText(/pending milestones match/)).toBeNull();
  });

  it('comes from the import screen with the import chosen, even one no longer among the recent ones', async () => {
    const { calls } = renderPanel('/organize/outcomes?importRun=7', ORGANIZER, handlers({ OutcomeSelectionPreview: () => preview(1) }));
    const select = await screen.findByRole('combobox', { name: 'Import' });
    await within(select).findByRole('option', { name: 'Import run 7' });
    expect((select as HTMLSelectElement).value).toBe('7');
    await userEvent.click(screen.getByRole('button', { name: 'Count the matching milestones' }));
    expect(callsNamed(calls, 'OutcomeSelectionPreview')[0].variables.selection).toEqual({ importRunId: '7' });
    expect(await screen.findByText('1 pending milestone matches.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Verify 1 milestone' })).toBeTruthy();
  });

  it('shows the linked import even when the recent list is empty, and says when there is none', async () => {
    renderPanel('/organize/outcomes?importRun=8', ORGANIZER, handlers({ OutcomeImportsToVerify: () => ({ data: { outcomeImportsToVerify: [] } }) }));
    const select = await screen.findByRole('combobox', { name: 'Import' });
    await within(select).findByRole('option', { name: 'Import run 8' });
    expect(screen.queryByText('No outcome import yet.')).toBeNull();
  });

  it('says when there is no import yet', async () => {
    renderPanel('/organize/outcomes', ORGANIZER, handlers({ OutcomeImportsToVerify: () => ({ data: { outcomeImportsToVerify: [] } }) }));
    expect(await screen.findByText('No outcome import yet.')).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Import' })).toBeNull();
  });

  it('turns the form into a selection only when it names something', () => {
    const empty = { type: '' as const, agency: '  ', from: '', to: '', hackathonId: '' };
    expect(toSelection('filter', '', empty)).toBeNull();
    expect(toSelection('import', '', empty)).toBeNull();
    expect(toSelection('import', '7', { ...empty, type: 'PILOT' })).toEqual({ importRunId: '7' });
    expect(
      toSelection('filter', '7', { type: 'FUNDED', agency: ' Ministry ', from: '2024-01-01', to: '2024-12-31', hackathonId: 'h1' }),
    ).toEqual({ type: 'FUNDED', agency: 'Ministry', from: '2024-01-01', to: '2024-12-31', hackathonId: 'h1' });
  });

  it('has every message in both languages, with the same placeholders, and each formats', () => {
    expect(Object.keys(bulkVerifyZhTW).sort()).toEqual(Object.keys(bulkVerifyEn).sort());
    const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\s*(\w+)\s*(?:,|\})/g)].map((m) => m[1]))].sort();
    const values = { n: 2, count: 3, expectedCount: 4, limit: 5000, verified: 1, unchanged: 1, file: 'a.csv', run: '7', when: '—' };
    for (const key of Object.keys(bulkVerifyEn) as (keyof typeof bulkVerifyEn)[]) {
      expect(placeholders(bulkVerifyZhTW[key]), key).toEqual(placeholders(bulkVerifyEn[key]));
      expect(format(bulkVerifyEn[key], values, 'en'), key).not.toMatch(/[{}]/);
      expect(format(bulkVerifyZhTW[key], values, 'zh-TW'), key).not.toMatch(/[{}]/);
    }
  });
});
