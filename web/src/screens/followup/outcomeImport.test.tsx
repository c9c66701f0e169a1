import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ORGANIZER, callsNamed, renderPanel, stubAuthOptions } from '../../test/harness';
import { importFormat } from './OutcomeImportPage';

// The outcome import screen: upload, progress, skipped rows, the envelope refusal and authoritative files.

function describedBy(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('outcome import', () => {
  const run = (status: string, read: number, written: number, skipped: number, progress: number | null) => ({
    id: '42',
    jobName: 'outcomeImport',
    status,
    exitDescription: null,
    readCount: read,
    writeCount: written,
    skipCount: skipped,
    total: 100,
    progress,
    startedAt: '2026-11-27T00:00:00Z',
    endedAt: null as string | null,
    steps: [] as { name: string; readCount: number; writeCount: number; skipCount: number }[],
  });

  it('says the skipped rows in the reader’s language, and a row stored before codes in English', async () => {
    stubAuthOptions();
    const done = { ...run('COMPLETED', 3, 0, 3, 1), endedAt: '2026-11-27T00:01:00Z' };
    renderPanel(
      '/organize/outcomes/import?run=42',
      ORGANIZER,
      {
        OutcomeImportRun: () => ({ data: { jobRun: done } }),
        OutcomeImportReport: () => ({
          data: {
            outcomeImport: {
              authoritative: false,
              verified: 0,
              instance: { created: 0, updated: 0, unchanged: 0 },
              created: 0,
              updated: 0,
              unchanged: 0,
              skipped: 3,
              errors: [
                { row: 2, column: 'project_ref', reason: "There is no project with the id 'nope'.", code: 'UNKNOWN_PROJECT', args: [{ name: 'projectRef', value: 'nope', zhTW: null, en: null }] },
                { row: 3, column: 'date', reason: "'01/02/2024' is not a date.", code: 'DATE_INVALID', args: [{ name: 'value', value: '01/02/2024', zhTW: null, en: null }] },
                { row: 4, column: null, reason: 'An old reason.', code: null, args: [] },
              ],
              run: done,
            },
          },
        }),
      },
      'zh-TW',
    );
    expect(await screen.findByText('沒有 id 為「nope」的專案。')).toBeTruthy();
    expect(screen.getByText('「01/02/2024」不是日期；請寫成 YYYY-MM-DD，例如 2024-03-01。')).toBeTruthy();
    expect(screen.queryByText("There is no project with the id 'nope'.")).toBeNull();
    expect(screen.getByText('An old reason.').getAttribute('lang')).toBe('en');
  });

  it('uploads a file, follows the run with a progress bar, then lists the skipped rows with row numbers and reasons', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const fetchMock = stubAuthOptions(undefined, (url, init) =>
      url === '/api/outcomes/import' && init?.method === 'POST'
        ? new Response(JSON.stringify({ run: { id: '42', jobName: 'outcomeImport', status: 'STARTING' } }), {
            status: 202,
            headers: { 'Content-Type': 'application/json' },
          })
        : undefined,
    );
    let current = run('STARTED', 40, 38, 2, 0.4);
    const { calls, location } = renderPanel('/organize/outcomes/import', ORGANIZER, {
      OutcomeImportRun: () => ({ data: { jobRun: current } }),
      OutcomeImportReport: () => ({
        data: {
          outcomeImport: {
            authoritative: false,
            verified: 0,
            instance: { created: 90, updated: 5, unchanged: 2 },
            created: 90,
            updated: 5,
            unchanged: 2,
            skipped: 3,
            errors: [
              { row: 4, column: 'evidence_url', reason: 'A FUNDED milestone needs an evidence URL.' },
              { row: 9, column: 'date', reason: 'The date 2031-01-01 is in the future.' },
              { row: 17, column: null, reason: 'No project matches.' },
            ],
            run: current,
          },
        },
      }),
    });
    const input = await screen.findByLabelText('File of milestones');
    await userEvent.upload(input, new File(['project_ref,milestone,date\n'], 'outcomes.csv', { type: 'text/csv' }));
    await userEvent.click(screen.getByRole('button', { name: 'Start import' }));
    const post = fetchMock.mock.calls.find(([url]) => url === '/api/outcomes/import')!;
    expect((post[1]!.headers as Record<string, string>)['Content-Type']).toBe('text/csv;charset=UTF-8');
    expect(location.history?.at(-1)).toBe('/organize/outcomes/import?run=42');
    const bar = await screen.findByRole('progressbar', { name: 'Progress of import run 42' });
    expect(bar.getAttribute('value')).toBe('40');
    expect(screen.getByText('40 rows read, 38 written, 2 skipped. Rows in the file: 100.')).toBeTruthy();

    // The run's counts add up both steps (the import, then the refresh of 3 projects' states); the rows shown are the
    // import step's.
    current = {
      ...run('COMPLETED', 103, 99, 3, 1),
      endedAt: '2026-11-27T00:01:00Z',
      steps: [
        { name: 'outcomeImportStep', readCount: 100, writeCount: 97, skipCount: 3 },
        { name: 'outcomeStateRefreshStep', readCount: 3, writeCount: 2, skipCount: 0 },
      ],
    };
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1600);
    });
    expect(await screen.findByText('Done: 90 new, 5 changed, 2 unchanged, 3 skipped.')).toBeTruthy();
    expect(screen.getByText('100 rows read, 97 written, 3 skipped. Rows in the file: 100.')).toBeTruthy();
    // Its rows wait: the way to verify this import's pending milestones with one decision.
    expect(screen.getByRole('link', { name: 'Verify the milestones of this import' }).getAttribute('href')).toBe(
      '/organize/outcomes?importRun=42',
    );
    const skipped = screen.getByRole('table', { name: 'Rows that were skipped, with the reason' });
    const rows = within(skipped).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[1]).getByRole('rowheader').textContent).toBe('4');
    expect(rows[1].textContent).toContain('A FUNDED milestone needs an evidence URL.');
    expect(screen.getByRole('link', { name: 'Download the skipped rows (CSV)' }).getAttribute('href')).toBe('/api/outcomes/import/42/errors.csv');
    expect(screen.getByRole('link', { name: 'CSV for spreadsheet apps', description: /^Formulas neutralised/ }).getAttribute('href')).toBe(
      '/api/outcomes/import/42/errors.csv?for=spreadsheet',
    );
    // Nothing running any more: no more polling.
    const polls = callsNamed(calls, 'OutcomeImportRun').length;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5000);
    });
    expect(callsNamed(calls, 'OutcomeImportRun').length).toBe(polls);
  });

  it('refuses a file that is neither CSV nor JSON at its field, and shows the server’s refusal', async () => {
    stubAuthOptions(undefined, (url) =>
      url === '/api/outcomes/import'
        ? new Response(JSON.stringify({ code: 'BAD_USER_INPUT', message: 'The file is larger than 512 MB.' }), {
            status: 413,
            headers: { 'Content-Type': 'application/json' },
          })
        : undefined,
    );
    renderPanel('/organize/outcomes/import', ORGANIZER, {});
    const input = await screen.findByLabelText('File of milestones');
    await userEvent.upload(input, new File(['x'], 'outcomes.xlsx', { type: 'application/vnd.ms-excel' }), { applyAccept: false });
    await userEvent.click(screen.getByRole('button', { name: 'Start import' }));
    expect(describedBy(screen.getByLabelText('File of milestones'))).toContain('Choose a .csv or .json file.');
    await userEvent.upload(input, new File(['[]'], 'outcomes.json', { type: 'application/json' }));
    await userEvent.click(screen.getByRole('button', { name: 'Start import' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The file is larger than 512 MB.');
  });

  it('says a file beyond the built-in store’s envelope is refused, and sends it again only once confirmed', async () => {
    const refusal = 'This would make 250,000 documents in outcome_milestones: the embedded store suits up to about 200,000.';
    const fetchMock = stubAuthOptions(undefined, (url, init) => {
      if (url === '/api/outcomes/import' && init?.method === 'POST') {
        return new Response(
          JSON.stringify({
            code: 'BAD_USER_INPUT',
            message: refusal,
            errors: [{ message: refusal, extensions: { code: 'BAD_USER_INPUT', rule: 'embeddedEnvelope', limit: 200000 } }],
          }),
          { status: 400, headers: { 'Content-Type': 'application/json' } },
        );
      }
      if (url === '/api/outcomes/import?confirmBeyondEmbeddedEnvelope=true' && init?.method === 'POST') {
        return new Response(JSON.stringify({ run: { id: '43', jobName: 'outcomeImport', status: 'STARTING' } }), {
          status: 202,
          headers: { 'Content-Type': 'application/json' },
        });
      }
      return undefined;
    });
    const { location } = renderPanel('/organize/outcomes/import', ORGANIZER, {
      OutcomeImportRun: () => ({ data: { jobRun: run('STARTED', 0, 0, 0, 0) } }),
    });
    const input = await screen.findByLabelText('File of milestones');
    await userEvent.upload(input, new File(['project_ref,milestone,date\n'], 'big.csv', { type: 'text/csv' }));
    expect(screen.queryByRole('checkbox', { name: /Import anyway/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Start import' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('past what the built-in store suits');
    expect(alert.textContent).toContain(refusal);
    const confirm = screen.getByRole('checkbox', { name: /Import anyway, beyond what the built-in store suits/ });
    await userEvent.click(screen.getByRole('button', { name: 'Start import' }));
    expect(fetchMock.mock.calls.filter(([url]) => String(url).startsWith('/api/outcomes/import')).map(([url]) => url)).toEqual([
      '/api/outcomes/import',
      '/api/outcomes/import',
    ]);
    await userEvent.click(confirm);
    await userEvent.click(screen.getByRole('button', { name: 'Start import' }));
    expect(fetchMock.mock.calls.at(-1)?.[0]).toBe('/api/outcomes/import?confirmBeyondEmbeddedEnvelope=true');
    expect(location.history?.at(-1)).toBe('/organize/outcomes/import?run=43');
  });

  it('sends a file the organizer vouches for as authoritative, and says how many rows it verified in their name', async () => {
    const fetchMock = stubAuthOptions(undefined, (url, init) =>
      url === '/api/outcomes/import?authoritative=true' && init?.method === 'POST'
        ? new Response(JSON.stringify({ run: { id: '44', jobName: 'outcomeImport', status: 'STARTING' } }), {
            status: 202,
            headers: { 'Content-Type': 'application/json' },
          })
        : undefined,
    );
    const done = { ...run('COMPLETED', 2, 2, 0, 1), endedAt: '2026-11-27T00:01:00Z' };
    renderPanel('/organize/outcomes/import', ORGANIZER, {
      OutcomeImportRun: () => ({ data: { jobRun: done } }),
      OutcomeImportReport: () => ({
        data: { outcomeImport: { authoritative: true, verified: 2, instance: { created: 2, updated: 0, unchanged: 0 }, created: 2, updated: 0, unchanged: 0, skipped: 0, errors: [], run: done } },
      }),
    });
    const input = await screen.findByLabelText('File of milestones');
    await userEvent.upload(input, new File(['project_ref,milestone,date\n'], 'ministry.csv', { type: 'text/csv' }));
    expect(screen.getByText(/its source column is kept only as a claim/)).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: /authoritative source/ }));
    expect(screen.getByText(/the decision is recorded in the audit log/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Start import' }));
    expect(fetchMock.mock.calls.filter(([url]) => String(url).startsWith('/api/outcomes/import')).map(([url]) => url)).toEqual([
      '/api/outcomes/import?authoritative=true',
    ]);
    expect(await screen.findByText('An authoritative source: 2 rows verified in your name.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Verify the milestones of this import' })).toBeNull();
  });

  it('shows a restarted run’s own counts, and the totals of every run of the import apart', async () => {
    const done = { ...run('COMPLETED', 33, 33, 0, 1), id: '45', endedAt: '2026-11-27T00:01:00Z' };
    renderPanel('/organize/outcomes/import?run=45', ORGANIZER, {
      OutcomeImportRun: () => ({ data: { jobRun: done } }),
      OutcomeImportReport: () => ({
        data: {
          outcomeImport: {
            authoritative: false,
            verified: 0,
            instance: { created: 40, updated: 0, unchanged: 0 },
            created: 30,
            updated: 0,
            unchanged: 0,
            skipped: 0,
            errors: [],
            run: done,
          },
        },
      }),
    });
    expect(await screen.findByText('Done: 30 new, 0 changed, 0 unchanged, 0 skipped.')).toBeTruthy();
    expect(screen.getByText('This run resumed an earlier one. All runs of this import together: 40 new, 0 changed, 0 unchanged.')).toBeTruthy();
  });

  it('knows the formats by type or name', () => {
    expect(importFormat({ name: 'a.JSON', type: '' })).toBe('application/json');
    expect(importFormat({ name: 'a.csv', type: 'application/vnd.ms-excel' })).toBe('text/csv');
    expect(importFormat({ name: 'a.txt', type: 'text/plain' })).toBeUndefined();
  });
});
