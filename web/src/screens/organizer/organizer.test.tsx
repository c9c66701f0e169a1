import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ORGANIZER, callsNamed, renderPanel, stubAuthOptions } from '../../test/harness';
import { ProgressBar, timeLeftText } from '../../components/Progress';
import { render } from '@testing-library/react';

const HACKATHON = {
  id: 'h1',
  slug: 'g0v-70',
  name: { zhTW: '零時政府第七十次', en: 'g0v hackath70n' },
  kind: 'COMMUNITY',
  edition: 70,
  startsAt: '2026-07-12T01:00:00Z',
  endsAt: '2026-07-12T10:00:00Z',
  timeZone: 'Asia/Taipei',
  location: 'Taipei',
  phase: 'OPEN_FOR_PROPOSALS',
  outstandingQuota: 0,
  requirePartnerAgencyForFinalist: false,
  allowMultipleTeams: true,
  version: 7,
  rounds: [{ id: 'r1', name: { zhTW: '初審', en: 'Review' }, kind: 'REVIEW' }],
  phaseHistory: [{ from: null, to: 'DRAFT', at: '2026-01-01T00:00:00Z', by: 'u-org', reason: null }],
};

afterEach(() => {
  vi.useRealTimers();
});

describe('hackathon set-up', () => {
  it('creates a hackathon with its dates read in its own time zone', async () => {
    stubAuthOptions();
    const { calls, location } = renderPanel('/organize/hackathons/new', ORGANIZER, {
      CreateHackathon: () => ({ data: { createHackathon: { hackathon: { ...HACKATHON, slug: 'g0v-71', phase: 'DRAFT' } } } }),
      HackathonAdminData: () => ({ data: { hackathon: { ...HACKATHON, slug: 'g0v-71', phase: 'DRAFT' } } }),
    });
    await userEvent.type(await screen.findByLabelText(/Address name/), 'g0v-71');
    await userEvent.type(screen.getByLabelText('Name in English'), 'g0v hackath71n');
    fireEvent.input(screen.getByLabelText('Starts (Asia/Taipei)'), { target: { value: '2026-09-20T09:00' } });
    fireEvent.input(screen.getByLabelText('Ends (Asia/Taipei)'), { target: { value: '2026-09-20T18:00' } });
    await userEvent.click(screen.getByRole('button', { name: 'Create hackathon' }));
    const [create] = callsNamed(calls, 'CreateHackathon');
    expect(create.variables.input).toMatchObject({
      slug: 'g0v-71',
      name: { zhTW: null, en: 'g0v hackath71n' },
      kind: 'COMMUNITY',
      startsAt: '2026-09-20T09:00:00+08:00',
      endsAt: '2026-09-20T18:00:00+08:00',
      timeZone: 'Asia/Taipei',
    });
    expect(location.history.at(-1)).toBe('/organize/hackathons/g0v-71');
  });

  it('checks the slug, the name and the order of the dates before sending', async () => {
    stubAuthOptions();
    const { calls } = renderPanel('/organize/hackathons/new', ORGANIZER);
    await userEvent.type(await screen.findByLabelText(/Address name/), 'Bad Slug');
    fireEvent.input(screen.getByLabelText('Starts (Asia/Taipei)'), { target: { value: '2026-09-20T09:00' } });
    fireEvent.input(screen.getByLabelText('Ends (Asia/Taipei)'), { target: { value: '2026-09-19T09:00' } });
    await userEvent.click(screen.getByRole('button', { name: 'Create hackathon' }));
    expect(await screen.findByText('Use 3 to 64 lower-case letters, digits and single hyphens.')).toBeTruthy();
    expect(screen.getAllByText('Give a name in at least one language.').length).toBe(2);
    expect(screen.getByText('The end must be after the start.')).toBeTruthy();
    expect(callsNamed(calls, 'CreateHackathon')).toHaveLength(0);
  });

  it('moves the phase forward, and back only with a reason', async () => {
    stubAuthOptions();
    const { calls } = renderPanel('/organize/hackathons/g0v-70', ORGANIZER, {
      HackathonAdminData: () => ({ data: { hackathon: HACKATHON } }),
      ChangeHackathonPhase: (vars) => ({
        data: { changeHackathonPhase: { hackathon: { ...HACKATHON, phase: (vars.input as { to: string }).to, version: 8 } } },
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Move to Pitching' }));
    expect(callsNamed(calls, 'ChangeHackathonPhase')[0].variables.input).toEqual({
      hackathonId: 'h1',
      to: 'PITCHING',
      reason: undefined,
      expectedVersion: 7,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Step back to Draft' }));
    expect(await screen.findByText('Give a reason for stepping back.')).toBeTruthy();
    expect(callsNamed(calls, 'ChangeHackathonPhase')).toHaveLength(1);
    await userEvent.type(screen.getByLabelText('Reason for stepping back'), 'Opened too early');
    await userEvent.click(screen.getByRole('button', { name: 'Step back to Draft' }));
    expect(callsNamed(calls, 'ChangeHackathonPhase')[1].variables.input).toMatchObject({ to: 'DRAFT', reason: 'Opened too early' });
  });

  it('edits details with the version it read and reports a conflict', async () => {
    stubAuthOptions();
    const { calls } = renderPanel('/organize/hackathons/g0v-70', ORGANIZER, {
      HackathonAdminData: () => ({ data: { hackathon: HACKATHON } }),
      UpdateHackathon: () => ({ errors: [{ message: 'Stale version.', extensions: { code: 'CONFLICT' } }] }),
    });
    const start = await screen.findByLabelText('Starts (Asia/Taipei)');
    // Shown as the event's wall-clock time, not the reader's.
    expect((start as HTMLInputElement).value).toBe('2026-07-12T09:00');
    await userEvent.clear(screen.getByLabelText('Location'));
    await userEvent.type(screen.getByLabelText('Location'), 'Kaohsiung');
    await userEvent.click(screen.getByRole('button', { name: 'Save details' }));
    expect(callsNamed(calls, 'UpdateHackathon')[0].variables.input).toMatchObject({
      id: 'h1',
      expectedVersion: 7,
      location: 'Kaohsiung',
      startsAt: '2026-07-12T09:00:00+08:00',
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Someone else changed this');
    expect(screen.getByRole('button', { name: 'Load the latest version' })).toBeTruthy();
  });

  it('replaces the rounds, keeping existing ids, in the order shown', async () => {
    stubAuthOptions();
    const { calls } = renderPanel('/organize/hackathons/g0v-70', ORGANIZER, {
      HackathonAdminData: () => ({ data: { hackathon: HACKATHON } }),
      SetHackathonRounds: () => ({ data: { setHackathonRounds: { hackathon: HACKATHON } } }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Add a round' }));
    await userEvent.type(screen.getByLabelText('Round 2 name in English'), 'Final');
    await userEvent.selectOptions(screen.getByLabelText('Round 2 kind'), 'FINAL');
    await userEvent.click(screen.getByRole('button', { name: 'Move round 2 up' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save rounds' }));
    expect(callsNamed(calls, 'SetHackathonRounds')[0].variables.input).toEqual({
      hackathonId: 'h1',
      expectedVersion: 7,
      rounds: [
        { id: undefined, name: { zhTW: null, en: 'Final' }, kind: 'FINAL' },
        { id: 'r1', name: { zhTW: '初審', en: 'Review' }, kind: 'REVIEW' },
      ],
    });
  });

  it('checks a CSV file with a dry run before importing, and shows rows in error', async () => {
    const posts: string[] = [];
    stubAuthOptions(undefined, (url, init) => {
      if (!url.includes('/proposals/import')) return undefined;
      posts.push(url);
      const dry = url.includes('dryRun=true');
      const body = dry
        ? { created: 2, updated: 1, unchanged: 0, errors: [{ row: 4, column: 'title', message: 'A title is required.' }] }
        : { created: 2, updated: 1, unchanged: 0, errors: [{ row: 4, column: 'title', message: 'A title is required.' }] };
      expect((init?.headers as Record<string, string>)['Content-Type']).toBe('text/csv; charset=UTF-8');
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    renderPanel('/organize/hackathons/g0v-70', ORGANIZER, { HackathonAdminData: () => ({ data: { hackathon: HACKATHON } }) });
    expect((await screen.findByRole('link', { name: 'Download the proposals as CSV' })).getAttribute('href')).toBe(
      '/api/hackathons/g0v-70/proposals.csv',
    );
    // The file for spreadsheet apps says it is not the one to import again.
    const forSpreadsheets = screen.getByRole('link', { name: 'CSV for spreadsheet apps', description: /To import the proposals again, use the CSV above/ });
    expect(forSpreadsheets.getAttribute('href')).toBe('/api/hackathons/g0v-70/proposals.csv?for=spreadsheet');
    const file = new File(['title,proposer\nA,B\n'], 'proposals.csv', { type: 'text/csv' });
    await userEvent.upload(screen.getByLabelText('CSV or Markdown file'), file);
    const importButton = screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement;
    expect(importButton.disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    expect(await screen.findByText('2 new')).toBeTruthy();
    expect(screen.getByText('1 updated')).toBeTruthy();
    expect(screen.getByText('A title is required.')).toBeTruthy();
    expect(posts[0]).toContain('dryRun=true');
    // Rows in error: importing needs "import the valid rows" ticked.
    expect(importButton.disabled).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Import the valid rows even if some rows have errors' }));
    expect(importButton.disabled).toBe(false);
    await userEvent.click(importButton);
    expect(await screen.findByRole('heading', { name: 'Imported' })).toBeTruthy();
    expect(posts[1]).toContain('dryRun=false');
    expect(posts[1]).toContain('skipInvalid=true');
  });
  it('says the rows in error in the reader’s language', async () => {
    stubAuthOptions(undefined, (url) => {
      if (!url.includes('/proposals/import')) return undefined;
      const body = {
        created: 0,
        updated: 0,
        unchanged: 0,
        errors: [
          { row: 3, column: 'proposer', section: null, code: 'QUOTE_IN_UNQUOTED_CELL', args: { position: 2 }, message: 'Row 3, column 2 has a quote inside an unquoted cell.' },
          { row: 4, column: 'title', section: null, code: 'CONTROL_CHARACTER', args: { char: 'U+0000', position: 1 }, message: 'Row 4, column 1 contains the control character U+0000.' },
        ],
      };
      return new Response(JSON.stringify(body), { status: 400, headers: { 'Content-Type': 'application/json' } });
    });
    renderPanel('/organize/hackathons/g0v-70', ORGANIZER, { HackathonAdminData: () => ({ data: { hackathon: HACKATHON } }) }, 'zh-TW');
    const file = new File(['title,proposer\nA,B\n'], 'proposals.csv', { type: 'text/csv' });
    const check = await screen.findByRole('button', { name: '檢查檔案（試匯入）' });
    await userEvent.upload(document.querySelector('input[type="file"]') as HTMLInputElement, file);
    await userEvent.click(check);
    expect(await screen.findByText('第 2 欄未加引號的儲存格中有引號；請將整個儲存格加上引號，並把其中的引號寫兩次（"ab""cd"）。')).toBeTruthy();
    expect(screen.getByText('含有控制字元 U+0000；要匯入的檔案只能包含文字。')).toBeTruthy();
    expect(screen.queryByText(/unquoted cell/)).toBeNull();
  });
});

describe('proposal import from a 松後推坑 page', () => {
  it('sends a pasted page as Markdown, offers the page for download and shows errors by section and line', async () => {
    const sent: { url: string; type: string }[] = [];
    stubAuthOptions(undefined, (url, init) => {
      if (!url.includes('/proposals/import')) return undefined;
      sent.push({ url, type: (init?.headers as Record<string, string>)['Content-Type'] });
      const body = {
        created: 14,
        updated: 0,
        unchanged: 0,
        errors: [{ row: 57, column: 'proposer', message: 'Section "Wikidata" (line 57) has no proposer line.' }],
      };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    renderPanel('/organize/hackathons/g0v-70', ORGANIZER, { HackathonAdminData: () => ({ data: { hackathon: HACKATHON } }) });
    expect(
      (await screen.findByRole('link', { name: 'Download the proposals as a 松後推坑 page (Markdown, for HackMD)' })).getAttribute(
        'href',
      ),
    ).toBe('/api/hackathons/g0v-70/proposals.md');
    const check = screen.getByRole('button', { name: 'Check the file (dry run)' }) as HTMLButtonElement;
    expect(check.disabled).toBe(true);
    await userEvent.click(screen.getByLabelText('Or paste a 松後推坑 page'));
    await userEvent.paste('## Arm0ry\n> [name=發表者 Stamford]\n');
    expect(check.disabled).toBe(false);
    await userEvent.click(check);
    expect(await screen.findByText('14 new')).toBeTruthy();
    expect(screen.getByText('Section "Wikidata" (line 57) has no proposer line.')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Row or line' })).toBeTruthy();
    expect(sent[0].url).toContain('dryRun=true');
    expect(sent[0].type).toBe('text/markdown; charset=UTF-8');
  });

  it('reads a chosen .md file as a page', async () => {
    const types: string[] = [];
    stubAuthOptions(undefined, (url, init) => {
      if (!url.includes('/proposals/import')) return undefined;
      types.push((init?.headers as Record<string, string>)['Content-Type']);
      return new Response(JSON.stringify({ created: 1, updated: 0, unchanged: 0, errors: [] }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    });
    renderPanel('/organize/hackathons/g0v-70', ORGANIZER, { HackathonAdminData: () => ({ data: { hackathon: HACKATHON } }) });
    const page = new File(['## A\n> [name=發表者 B]\n'], 'hackath61n.md', { type: '' });
    await userEvent.upload(await screen.findByLabelText('CSV or Markdown file'), page);
    await userEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    expect(await screen.findByText('1 new')).toBeTruthy();
    expect(types).toEqual(['text/markdown; charset=UTF-8']);
  });
});

describe('batch jobs', () => {
  const run = (status: string, progress: number | null) => ({
    id: '12',
    jobName: 'outcomeImport',
    status,
    exitCode: status === 'FAILED' ? 'FAILED' : 'EXECUTING',
    exitDescription: status === 'FAILED' ? 'File not found' : null,
    exitReason: status === 'FAILED' ? { code: 'JOB_FAILED', args: [], message: 'File not found' } : null,
    createdAt: '2026-01-01T00:00:00Z',
    startedAt: '2026-01-01T00:00:01Z',
    endedAt: null,
    readCount: 40,
    writeCount: 38,
    skipCount: 2,
    total: 100,
    progress,
    parameters: [
      { key: 'file', value: '/data/outcomes.csv' },
      { key: 'hacktrail.requestedBy', value: 'u-7' },
    ],
    requestedById: 'u-7',
    requestedByName: '林小華',
    requestedByYou: false,
    scheduledFor: null,
  });

  it('estimates the time left from the pace so far, and never shows 100 % while work is left', () => {
    const t = (key: string, values?: Record<string, string | number>) => `${key}${values ? JSON.stringify(values) : ''}`;
    const start = Date.parse('2026-12-07T10:00:00Z');
    const at = (seconds: number) => start + seconds * 1000;
    const started = '2026-12-07T10:00:00Z';
    // 25 % in 60 s: 180 s left.
    expect(timeLeftText({ progress: 0.25, startedAt: started }, at(60), t)).toBe('jobs.minutesLeft{"n":3}');
    expect(timeLeftText({ progress: 0.9, startedAt: started }, at(60), t)).toBe('jobs.underAMinute');
    expect(timeLeftText({ progress: 0.01, startedAt: started }, at(3600), t)).toBe('jobs.hoursLeft{"h":99,"m":0}');
    expect(timeLeftText({ progress: 0.005, startedAt: started }, at(60), t)).toBe('jobs.estimating');
    expect(timeLeftText({ progress: 0.5, startedAt: started }, at(2), t)).toBe('jobs.estimating');
    expect(timeLeftText({ progress: 1, startedAt: started }, at(60), t)).toBe('jobs.finishing');
    expect(timeLeftText({ progress: null, startedAt: started }, at(60), t)).toBe('jobs.timeLeftUnknown');

    const { container } = render(<ProgressBar value={0.996} label="import" />);
    expect(container.textContent).toBe('99 %');
  });

  it('polls while a run is going and shows its progress', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    stubAuthOptions();
    let current = run('STARTED', 0.4);
    const { calls } = renderPanel('/organize/jobs', ORGANIZER, {
      Jobs: () => ({ data: { jobNames: ['outcomeImport', 'statisticsRollup'], jobRuns: [current] } }),
    });
    const bar = await screen.findByRole('progressbar', { name: 'Progress of Outcome import run 12' });
    expect(bar.getAttribute('value')).toBe('40');
    // The job by its name in the catalog, who started it by name, the person's parameters without Hacktrail's own.
    expect(screen.getByText('Started by 林小華')).toBeTruthy();
    expect(screen.getByText('file=/data/outcomes.csv')).toBeTruthy();
    expect(document.body.textContent).not.toContain('hacktrail.requestedBy');
    expect(screen.getAllByRole('option', { name: 'Statistics roll-up' })).toHaveLength(2);
    expect(screen.getByText('40 / 38 / 2')).toBeTruthy();
    const before = callsNamed(calls, 'Jobs').length;
    current = run('COMPLETED', 1);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2100);
    });
    expect(callsNamed(calls, 'Jobs').length).toBeGreaterThan(before);
    expect(await screen.findByText('Completed')).toBeTruthy();
    const after = callsNamed(calls, 'Jobs').length;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(6000);
    });
    // Nothing running any more: no more polling.
    expect(callsNamed(calls, 'Jobs').length).toBe(after);
  });

  it('shows a run whose slot is not a time (the demo load) without failing the screen', async () => {
    stubAuthOptions();
    const loaded = { ...run('COMPLETED', 1), jobName: 'statisticsRollup', requestedById: null, requestedByName: null, scheduledFor: 'demo-load-2026-12-07T19:48:07Z', parameters: [] };
    renderPanel('/organize/jobs', ORGANIZER, { Jobs: () => ({ data: { jobNames: ['statisticsRollup'], jobRuns: [loaded] } }) });
    expect(await screen.findByText('Completed')).toBeTruthy();
    expect(screen.getByText('Scheduled run (demo-load-2026-12-07T19:48:07Z)')).toBeTruthy();
  });

  it('says a run stopped early by the rate limit is not done, with its true progress', async () => {
    stubAuthOptions();
    const limited = { ...run('COMPLETED', 0.25), jobName: 'activityCheck', exitCode: 'RATE_LIMITED', endedAt: '2026-01-01T00:01:00Z' };
    renderPanel('/organize/jobs', ORGANIZER, { Jobs: () => ({ data: { jobNames: ['activityCheck'], jobRuns: [limited] } }) });
    expect(await screen.findByText(/Stopped early: the repository API’s rate limit was reached/)).toBeTruthy();
    expect(screen.queryByText('Completed')).toBeNull();
    const bar = screen.getByRole('progressbar', { name: /run 12/ });
    expect(bar.getAttribute('value')).toBe('25');
  });

  it('starts a job with parameters and restarts a failed run', async () => {
    stubAuthOptions();
    const { calls } = renderPanel('/organize/jobs', ORGANIZER, {
      Jobs: () => ({ data: { jobNames: ['outcomeImport'], jobRuns: [run('FAILED', 0.4)] } }),
      StartJob: () => ({ data: { startJob: { run: { id: '13', jobName: 'outcomeImport', status: 'STARTING' } } } }),
      RestartJob: () => ({ data: { restartJob: { run: { id: '12', jobName: 'outcomeImport', status: 'STARTING' } } } }),
    });
    await userEvent.selectOptions(await screen.findByLabelText('Job'), 'outcomeImport');
    await userEvent.click(screen.getByRole('button', { name: 'Add a parameter' }));
    await userEvent.type(screen.getByLabelText('Parameter 1 name'), 'file');
    await userEvent.type(screen.getByLabelText('Parameter 1 value'), '/data/x.csv');
    await userEvent.click(screen.getByRole('button', { name: 'Start job' }));
    expect(callsNamed(calls, 'StartJob')[0].variables.input).toEqual({
      name: 'outcomeImport',
      parameters: [{ key: 'file', value: '/data/x.csv' }],
    });
    expect(screen.getByText('File not found')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Restart Outcome import run 12' }));
    expect(callsNamed(calls, 'RestartJob')[0].variables.input).toEqual({ id: '12' });
  });
});
