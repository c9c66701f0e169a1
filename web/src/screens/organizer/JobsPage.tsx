import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useMutation, useQuery } from 'urql';
import { JobsDocument, RestartJobDocument, StartJobDocument, type JobStatus } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { Field } from '../../components/Field';
import { JobExitReason } from '../../components/JobExitReason';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { ProgressBar, timeLeftText } from '../../components/Progress';
import { useI18n, type MessageKey } from '../../i18n';
import { formatReaderDateTime } from '../../lib/dates';
import { TableScroll } from '../../components/TableScroll';

/** Poll this often while a run is going; stop once every run has ended. */
export const POLL_MS = 2000;

const RUNNING: JobStatus[] = ['STARTING', 'STARTED', 'STOPPING'];
const RESTARTABLE: JobStatus[] = ['FAILED', 'STOPPED'];

export function isRunning(status: JobStatus): boolean {
  return RUNNING.includes(status);
}

/** How many runs the history shows at first, and how many more each "show more" adds (the API allows 100). */
export const HISTORY_PAGE = 20;

/** A job's name in the reader's language from the catalog (`jobs.name.<job>`); a job the catalog lacks keeps its name. */
export function useJobLabel(): (job: string) => string {
  const { t } = useI18n();
  return (job) => {
    const key = `jobs.name.${job}`;
    const label = t(key as MessageKey);
    return label === key ? job : label;
  };
}

/** Batch jobs: start one with parameters, watch runs and their progress, restart failed ones, browse the history. */
export default function JobsPage() {
  const { t, locale } = useI18n();
  const jobLabel = useJobLabel();
  const [jobName, setJobName] = useState('');
  const [first, setFirst] = useState(HISTORY_PAGE);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: JobsDocument,
    variables: { first, jobName: jobName || null },
    requestPolicy: 'cache-and-network',
  });
  const [, restart] = useMutation(RestartJobDocument);
  const [problem, setProblem] = useState<Problem>();
  const runs = data?.jobRuns ?? [];
  const anyRunning = runs.some((run) => isRunning(run.status));

  useEffect(() => {
    if (!anyRunning) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), POLL_MS);
    return () => clearInterval(timer);
  }, [anyRunning, refetch]);

  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  const when = (iso: string | null | undefined) =>
    iso ? formatReaderDateTime(iso, locale, true) : '—';

  async function restartRun(id: string) {
    setProblem(undefined);
    const response = await restart({ input: { id } });
    if (response.error) setProblem(problemOf(response.error));
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <Page title={t('jobs.title')}>
      <p>{t('jobs.intro')}</p>
      <StartJobForm names={data?.jobNames ?? []} onStarted={() => refetch({ requestPolicy: 'network-only' })} />
      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading">{t('jobs.runs')}</h2>
        <div className="filters filters-single">
          <Field label={t('followup.jobs.historyOf')}>
            {(props) => (
              <select
                {...props}
                value={jobName}
                onChange={(e) => {
                  setJobName(e.target.value);
                  setFirst(HISTORY_PAGE);
                }}
              >
                <option value="">{t('followup.jobs.allJobs')}</option>
                {(data?.jobNames ?? []).map((job) => (
                  <option key={job} value={job}>
                    {jobLabel(job)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <ProblemNotice problem={problem} />
        {anyRunning && (
          <p className="muted" role="status">
            {t('jobs.polling')}
          </p>
        )}
        {runs.length === 0 ? (
          <p>{t('jobs.none')}</p>
        ) : (
          <TableScroll labelledBy="runs-heading">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('jobs.job')}</th>
                  <th scope="col">{t('jobs.status')}</th>
                  <th scope="col">{t('jobs.progress')}</th>
                  <th scope="col">{t('jobs.counts')}</th>
                  <th scope="col">{t('jobs.started')}</th>
                  <th scope="col">{t('jobs.ended')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr key={run.id}>
                    <td>
                      {jobLabel(run.jobName)}
                      <div className="muted small">
                        {run.requestedByYou
                          ? t('jobs.requestedByYou')
                          : run.requestedById
                            ? t('jobs.requestedBy', { name: run.requestedByName ?? t('jobs.someone') })
                            : run.scheduledFor
                              ? t('jobs.scheduledFor', { when: when(run.scheduledFor) })
                              : ''}
                      </div>
                      {run.parameters.some((p) => !p.key.startsWith('hacktrail.')) && (
                        <div className="muted small">
                          {run.parameters
                            .filter((p) => !p.key.startsWith('hacktrail.'))
                            .map((p) => `${p.key}=${p.value}`)
                            .join(', ')}
                        </div>
                      )}
                    </td>
                    <td>
                      {run.status === 'COMPLETED' && run.exitCode === 'RATE_LIMITED' ? (
                        // Completed early: the rest waits for the run after the API's reset; not "done".
                        <span className="badge job-stopped">{t('jobStatus.RATE_LIMITED')}</span>
                      ) : (
                        <span className={`badge job-${run.status.toLowerCase()}`}>{t(`jobStatus.${run.status}` as MessageKey)}</span>
                      )}
                      {run.exitReason && (
                        <div className="muted small">
                          <JobExitReason reason={run.exitReason} max={200} />
                        </div>
                      )}
                    </td>
                    <td>
                      <ProgressBar value={run.progress} label={t('jobs.progressOf', { job: jobLabel(run.jobName), id: run.id })} />
                      {run.status === 'STARTED' && <div className="muted small">{timeLeftText(run, Date.now(), t)}</div>}
                    </td>
                    <td>{t('jobs.countsValue', { read: run.readCount, written: run.writeCount, skipped: run.skipCount })}</td>
                    <td>{when(run.startedAt ?? run.createdAt)}</td>
                    <td>{when(run.endedAt)}</td>
                    <td>
                      {RESTARTABLE.includes(run.status) && (
                        <button type="button" onClick={() => restartRun(run.id)}>
                          {t('jobs.restart', { job: jobLabel(run.jobName), id: run.id })}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {runs.length >= first && first < 100 && (
          <button type="button" className="button-secondary" onClick={() => setFirst(Math.min(100, first + HISTORY_PAGE))}>
            {t('followup.jobs.more')}
          </button>
        )}
        <p>
          <Link href="/organize/outcomes/import">{t('followup.import.title')}</Link>
        </p>
      </section>
    </Page>
  );
}

function StartJobForm({ names, onStarted }: { names: string[]; onStarted: () => void }) {
  const { t } = useI18n();
  const jobLabel = useJobLabel();
  const [name, setName] = useState('');
  const [parameters, setParameters] = useState<{ key: string; value: string }[]>([]);
  const [result, start] = useMutation(StartJobDocument);
  const [problem, setProblem] = useState<Problem>();
  const [started, setStarted] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    setStarted(undefined);
    if (!name) return;
    const response = await start({
      input: { name, parameters: parameters.filter((p) => p.key.trim()).map((p) => ({ key: p.key.trim(), value: p.value })) },
    });
    if (response.error) {
      setProblem(problemOf(response.error));
      return;
    }
    setStarted(t('jobs.startedMessage', { job: jobLabel(name) }));
    setParameters([]);
    onStarted();
  }

  return (
    <section aria-labelledby="start-heading" className="panel">
      <h2 id="start-heading">{t('jobs.start')}</h2>
      <form className="stack" onSubmit={submit}>
        <ProblemNotice problem={problem} shownFields={[]} />
        {started && (
          <p role="status" className="notice notice-ok">
            {started}
          </p>
        )}
        <Field label={t('jobs.job')}>
          {(props) => (
            <select {...props} value={name} onChange={(e) => setName(e.target.value)}>
              <option value="">{t('common.choose')}</option>
              {names.map((job) => (
                <option key={job} value={job}>
                  {jobLabel(job)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {parameters.map((parameter, index) => (
          <div key={index} className="grid-3 param-row">
            <Field label={t('jobs.paramKey', { n: index + 1 })}>
              {(props) => (
                <input
                  {...props}
                  type="text"
                  value={parameter.key}
                  onChange={(e) => setParameters(parameters.map((p, i) => (i === index ? { ...p, key: e.target.value } : p)))}
                />
              )}
            </Field>
            <Field label={t('jobs.paramValue', { n: index + 1 })}>
              {(props) => (
                <input
                  {...props}
                  type="text"
                  value={parameter.value}
                  onChange={(e) => setParameters(parameters.map((p, i) => (i === index ? { ...p, value: e.target.value } : p)))}
                />
              )}
            </Field>
            <button type="button" className="button-secondary" onClick={() => setParameters(parameters.filter((_, i) => i !== index))}>
              {t('jobs.removeParam', { n: index + 1 })}
            </button>
          </div>
        ))}
        <div className="button-row">
          <button type="button" className="button-secondary" onClick={() => setParameters([...parameters, { key: '', value: '' }])}>
            {t('jobs.addParam')}
          </button>
          <button type="submit" disabled={!name || result.fetching}>
            {t('jobs.startButton')}
          </button>
        </div>
      </form>
    </section>
  );
}
