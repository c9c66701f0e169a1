import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { useQuery } from 'urql';
import { OutcomeImportReportDocument, OutcomeImportRunDocument, type ImportRunFragment, type JobStatus } from './gql/graphql';
import { problemOf, problemOfResponse, type Problem } from '../../api/errors';
import { csrfToken, ensureCsrfCookie } from '../../api/http';
import { Field } from '../../components/Field';
import { ImportErrorText } from '../../components/ImportErrorText';
import { JobExitReason } from '../../components/JobExitReason';
import { Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { ProgressBar, timeLeftText } from '../../components/Progress';
import { SpreadsheetCsvLink } from '../../components/SpreadsheetCsvLink';
import { useI18n, type MessageKey } from '../../i18n/bulkVerify';
import { TableScroll } from '../../components/TableScroll';

export const IMPORT_POLL_MS = 1500;

const RUNNING: JobStatus[] = ['STARTING', 'STARTED', 'STOPPING'];

/** The file's format from its type or name: JSON or CSV; undefined for anything else. */
export function importFormat(file: { name: string; type: string }): 'text/csv' | 'application/json' | undefined {
  const name = file.name.toLowerCase();
  if (file.type === 'application/json' || name.endsWith('.json')) return 'application/json';
  if (file.type === 'text/csv' || name.endsWith('.csv')) return 'text/csv';
  return undefined;
}

/** The rule of a refusal for a file that would take the store past what the embedded store suits. */
export const ENVELOPE_RULE = 'embeddedEnvelope';

/**
 * Sends the file to the import endpoint; the answer names the run the import job started (202). `beyondEnvelope`:
 * the organizer confirmed importing past the embedded store's envelope. `authoritative`: the organizer vouches for the
 * file as an authoritative source, so its rows are verified by them (otherwise every row waits for verification).
 */
export async function uploadOutcomes(
  file: File,
  beyondEnvelope = false,
  authoritative = false,
): Promise<{ runId?: string; problem?: Problem }> {
  const format = importFormat(file);
  await ensureCsrfCookie();
  const headers: Record<string, string> = { 'Content-Type': `${format};charset=UTF-8`, Accept: 'application/json' };
  const token = csrfToken();
  if (token) headers['X-XSRF-TOKEN'] = token;
  let response: Response;
  try {
    const query = new URLSearchParams();
    if (beyondEnvelope) query.set('confirmBeyondEmbeddedEnvelope', 'true');
    if (authoritative) query.set('authoritative', 'true');
    const url = query.size > 0 ? `/api/outcomes/import?${query.toString()}` : '/api/outcomes/import';
    response = await fetch(url, { method: 'POST', credentials: 'same-origin', headers, body: file });
  } catch (error) {
    return { problem: { kind: 'network', messages: [String(error)], fields: {} } };
  }
  if (!response.ok) return { problem: await problemOfResponse(response) };
  const body = (await response.json().catch(() => undefined)) as { run?: { id?: string } } | undefined;
  if (!body?.run?.id) return { problem: { kind: 'other', messages: [], fields: {} } };
  return { runId: String(body.run.id) };
}

/**
 * Outcome import: upload a CSV or JSON file of milestones, which starts an `outcomeImport` run; its progress (read,
 * written, skipped) is polled until it ends; then what it did and the skipped rows with their row numbers and
 * reasons, also as a CSV download. The run id is in the address (`?run=12`), so a reload or a shared link shows it.
 * On the embedded store, a file that would take the milestones past what it suits is refused; the refusal says so
 * and offers to import anyway.
 */
export default function OutcomeImportPage() {
  const { t } = useI18n();
  const search = useSearch();
  const [, navigate] = useLocation();
  const runId = new URLSearchParams(search).get('run') ?? undefined;
  const [file, setFile] = useState<File>();
  const [fileError, setFileError] = useState<string>();
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);
  const [envelopeRefused, setEnvelopeRefused] = useState(false);
  const [beyondEnvelope, setBeyondEnvelope] = useState(false);
  const [authoritative, setAuthoritative] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    if (!file) {
      setFileError(t('followup.import.fileRequired'));
      return;
    }
    if (!importFormat(file)) {
      setFileError(t('followup.import.fileFormat'));
      return;
    }
    setFileError(undefined);
    setSending(true);
    const result = await uploadOutcomes(file, envelopeRefused && beyondEnvelope, authoritative);
    setSending(false);
    if (result.problem?.rules?.includes(ENVELOPE_RULE)) setEnvelopeRefused(true);
    if (result.problem) setProblem(result.problem);
    else if (result.runId) navigate(`/organize/outcomes/import?run=${encodeURIComponent(result.runId)}`);
  }

  return (
    <Page title={t('followup.import.title')} actions={<Link href="/organize/outcomes">{t('followup.verify.title')}</Link>}>
      <p>{t('followup.import.intro')}</p>
      <p className="muted">
        {t('followup.import.columns')} <code>project_ref, hackathon_slug, proposal_title, milestone, date, agency, programme, amount, currency, evidence_url, source, note</code>
      </p>
      <form className="stack panel" onSubmit={submit}>
        <h2>{t('followup.import.upload')}</h2>
        <ProblemNotice problem={problem} />
        <Field label={t('followup.import.file')} hint={t('followup.import.fileHint')} error={fileError}>
          {(props) => (
            <input
              {...props}
              type="file"
              accept=".csv,.json,text/csv,application/json"
              onChange={(event) => setFile(event.target.files?.[0] ?? undefined)}
            />
          )}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={authoritative} onChange={(event) => setAuthoritative(event.target.checked)} />{' '}
          {t('followup.import.authoritative')}
        </label>
        <p className="muted">{t(authoritative ? 'followup.import.authoritativeOn' : 'followup.import.authoritativeOff')}</p>
        {envelopeRefused && (
          <label className="checkbox">
            <input type="checkbox" checked={beyondEnvelope} onChange={(event) => setBeyondEnvelope(event.target.checked)} />{' '}
            {t('followup.import.beyondEnvelope')}
          </label>
        )}
        <button type="submit" disabled={sending}>
          {sending ? t('followup.import.sending') : t('followup.import.start')}
        </button>
      </form>
      {runId && <ImportRun key={runId} runId={runId} />}
    </Page>
  );
}

function ImportRun({ runId }: { runId: string }) {
  const { t } = useI18n();
  const [{ data, error }, refetch] = useQuery({ query: OutcomeImportRunDocument, variables: { runId }, requestPolicy: 'network-only' });
  const run = data?.jobRun;
  const running = !run || RUNNING.includes(run.status);

  useEffect(() => {
    if (!running || (error && !data)) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), IMPORT_POLL_MS);
    return () => clearInterval(timer);
  }, [running, error, data, refetch]);

  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  return (
    <section aria-labelledby="import-run-heading">
      <h2 id="import-run-heading">{t('followup.import.run', { id: runId })}</h2>
      {run ? <RunProgress run={run} /> : <p role="status">{t('common.loading')}</p>}
      {run && !running && <ImportReport runId={runId} />}
    </section>
  );
}

/**
 * The run's own counts add up every step (the import, then the refresh of the projects' states); the rows of the
 * file are the import step's, once it has started.
 */
export function importCounts(run: ImportRunFragment): { read: number; written: number; skipped: number } {
  const step = run.steps?.find((s) => s.name === IMPORT_STEP);
  const source = step ?? run;
  return { read: source.readCount, written: source.writeCount, skipped: source.skipCount };
}

const IMPORT_STEP = 'outcomeImportStep';

function RunProgress({ run }: { run: ImportRunFragment }) {
  const { t } = useI18n();
  const done = !RUNNING.includes(run.status);
  return (
    <div className="stack">
      <p>
        <span className={`badge job-${run.status.toLowerCase()}`}>{t(`jobStatus.${run.status}` as MessageKey)}</span>{' '}
        <ProgressBar value={done && run.status === 'COMPLETED' ? 1 : run.progress} label={t('followup.import.progress', { id: run.id })} />
        {run.status === 'STARTED' && <span className="muted small"> {timeLeftText(run, Date.now(), t)}</span>}
      </p>
      {/* Read aloud as the counts change, but not on every poll's unchanged answer. */}
      <p role="status" aria-live="polite">
        {t('followup.import.counts', importCounts(run))}
        {typeof run.total === 'number' && ` ${t('followup.import.total', { total: run.total })}`}
      </p>
      {run.status === 'FAILED' && run.exitReason && (
        <p role="alert" className="notice notice-error">
          {t('followup.import.failed')}{' '}
          <span className="muted">
            <JobExitReason reason={run.exitReason} />
          </span>{' '}
          <Link href="/organize/jobs">{t('followup.import.toJobs')}</Link>
        </p>
      )}
    </div>
  );
}

function ImportReport({ runId }: { runId: string }) {
  const { t } = useI18n();
  const [{ data, error, fetching }] = useQuery({ query: OutcomeImportReportDocument, variables: { runId }, requestPolicy: 'network-only' });
  if (fetching && !data) return <p role="status">{t('common.loading')}</p>;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  const report = data?.outcomeImport;
  if (!report) return null;
  return (
    <div className="stack">
      <p role="status" className="notice notice-ok">
        {t('followup.import.result', { created: report.created, updated: report.updated, unchanged: report.unchanged, skipped: report.skipped })}
      </p>
      {(report.instance.created !== report.created ||
        report.instance.updated !== report.updated ||
        report.instance.unchanged !== report.unchanged) && (
        // A restart: its own counts above, the file's totals over every run here.
        <p>
          {t('followup.import.instanceResult', {
            created: report.instance.created,
            updated: report.instance.updated,
            unchanged: report.instance.unchanged,
          })}
        </p>
      )}
      <p>
        {report.authoritative
          ? t('followup.import.verifiedCount', { verified: report.verified })
          : t('followup.import.pendingNote')}
      </p>
      {!report.authoritative && (
        <p>
          <Link href={`/organize/outcomes?importRun=${encodeURIComponent(runId)}`}>{t('bulkSelect.verifyThisImport')}</Link>
        </p>
      )}
      {report.skipped > 0 && (
        <>
          <h3>{t('followup.import.skippedTitle')}</h3>
          <p>
            <a href={`/api/outcomes/import/${encodeURIComponent(runId)}/errors.csv`} download>
              {t('followup.import.errorsCsv')}
            </a>
            {report.errors.length < report.skipped && ` ${t('followup.import.firstErrors', { n: report.errors.length })}`}
          </p>
          <p>
            <SpreadsheetCsvLink
              href={`/api/outcomes/import/${encodeURIComponent(runId)}/errors.csv`}
              label={t('followup.import.errorsCsvSpreadsheet')}
              hint={t('followup.import.errorsCsvSpreadsheetHint')}
            />
          </p>
          <TableScroll label={t('followup.import.skippedCaption')}>
            <table>
              <caption>{t('followup.import.skippedCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('followup.import.row')}</th>
                  <th scope="col">{t('followup.import.column')}</th>
                  <th scope="col">{t('followup.import.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((row, index) => (
                  <tr key={`${row.row}-${index}`}>
                    <th scope="row">{row.row}</th>
                    <td>{row.column ?? '—'}</td>
                    <td>
                      <ImportErrorText kind="outcome" error={{ code: row.code, args: row.args, message: row.reason }} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </div>
  );
}
