import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useMutation, useQuery } from 'urql';
import {
  ChangeHackathonPhaseDocument,
  HackathonAdminDataDocument,
  SetHackathonRoundsDocument,
  UpdateHackathonDocument,
  type HackathonAdminFragment,
  type HackathonPhase,
  type RoundKind,
} from './gql/graphql';
import { exportUrl, formatOfFile, importProposals, pageExportUrl, type ImportResult } from '../../api/csv';
import { SpreadsheetCsvLink } from '../../components/SpreadsheetCsvLink';
import { ImportErrorText } from '../../components/ImportErrorText';
import { problemOf, type Problem, type FieldError } from '../../api/errors';
import { FEATURES } from '../../features';
import { Field } from '../../components/Field';
import { useLocalized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { AwardTracksSection } from './AwardTracksSection';
import { formatDateTime } from '../../lib/dates';
import { useDraft } from '../../lib/draft';
import { nextPhase, previousPhase } from '../../lib/status';
import { useI18n, type MessageKey } from '../../i18n';
import { HackathonFields } from './HackathonFields';
import { DEADLINES, fromHackathon, toUpdateHackathon, validateHackathon } from './hackathonForm';
import { TableScroll } from '../../components/TableScroll';

const FIELDS = [
  'name',
  'kind',
  'edition',
  'startsAt',
  'endsAt',
  'timeZone',
  'location',
  'outstandingQuota',
  ...DEADLINES.map(([field]) => field),
];

/** Set-up of one hackathon: details, phase (forward, or back with a reason), rounds, proposals import and export. */
export default function HackathonManage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const [{ data, error, fetching }, refetch] = useQuery({ query: HackathonAdminDataDocument, variables: { slug: params.slug } });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  const hackathon = data?.hackathon;
  if (!hackathon) {
    return (
      <Page title={t('error.notFoundTitle')}>
        <p>{t('hackathon.notFound')}</p>
      </Page>
    );
  }
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Page
      title={t('setup.manageTitle', { name: localized(hackathon.name) })}
      actions={
        <>
          <Link className="button button-secondary" href={`/hackathons/${hackathon.slug}`}>
            {t('setup.publicPage')}
          </Link>
          {FEATURES.judging && (
            <Link className="button" href={`/organize/hackathons/${hackathon.slug}/judging`}>
              {t('judging.panel.link')}
            </Link>
          )}
        </>
      }
    >
      <PhasePanel hackathon={hackathon} onReload={reload} />
      <DetailsPanel key={`details-${hackathon.version}`} hackathon={hackathon} onReload={reload} />
      <RoundsPanel key={`rounds-${hackathon.version}`} hackathon={hackathon} onReload={reload} />
      {FEATURES.judging && <AwardTracksSection slug={hackathon.slug} />}
      <ImportPanel slug={hackathon.slug} />
    </Page>
  );
}

function PhasePanel({ hackathon, onReload }: { hackathon: HackathonAdminFragment; onReload: () => void }) {
  const { t, locale } = useI18n();
  const [result, change] = useMutation(ChangeHackathonPhaseDocument);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const next = nextPhase(hackathon.phase);
  const previous = previousPhase(hackathon.phase);
  const phaseName = (phase: HackathonPhase) => t(`phase.${phase}` as MessageKey);

  async function move(to: HackathonPhase, why?: string) {
    setProblem(undefined);
    const response = await change({ input: { hackathonId: hackathon.id, to, reason: why, expectedVersion: hackathon.version } });
    if (response.error) setProblem(problemOf(response.error));
    else setReason('');
  }

  function stepBack(event: FormEvent) {
    event.preventDefault();
    if (!previous) return;
    if (!reason.trim()) {
      setProblem({ kind: 'badInput', messages: [], fields: { reason: t('setup.phase.reasonRequired') } });
      return;
    }
    void move(previous, reason.trim());
  }

  return (
    <section aria-labelledby="phase-heading" className="panel">
      <h2 id="phase-heading">{t('setup.phase.title')}</h2>
      <p>
        {t('setup.phase.current')}{' '}
        <strong className={`badge phase-${hackathon.phase.toLowerCase()}`}>{phaseName(hackathon.phase)}</strong>
      </p>
      <ProblemNotice problem={problem} onReload={onReload} shownFields={['reason']} />
      {next && (
        <button type="button" disabled={result.fetching} onClick={() => move(next)}>
          {t('setup.phase.moveTo', { phase: phaseName(next) })}
        </button>
      )}
      {previous && (
        <form onSubmit={stepBack} className="stack step-back">
          <Field label={t('setup.phase.reason')} hint={t('setup.phase.reasonHint')} error={problem?.fields.reason}>
            {(props) => <input {...props} type="text" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <button type="submit" className="button-secondary" disabled={result.fetching}>
            {t('setup.phase.stepBack', { phase: phaseName(previous) })}
          </button>
        </form>
      )}
      {hackathon.phaseHistory && hackathon.phaseHistory.length > 0 && (
        <details>
          <summary>{t('setup.phase.history')}</summary>
          <ol>
            {hackathon.phaseHistory.map((entry, index) => (
              <li key={index}>
                {formatDateTime(entry.at, hackathon.timeZone, locale)}: {entry.from ? `${phaseName(entry.from)} → ` : ''}
                {phaseName(entry.to)}
                {entry.reason && <> — {entry.reason}</>}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

function DetailsPanel({ hackathon, onReload }: { hackathon: HackathonAdminFragment; onReload: () => void }) {
  const { t } = useI18n();
  const draftKey = `hacktrail.draft.hackathon.${hackathon.id}`;
  const [form, setForm, clearDraft] = useDraft(draftKey, () => fromHackathon(hackathon));
  const [result, update] = useMutation(UpdateHackathonDocument);
  const [problem, setProblem] = useState<Problem>();
  const [checked, setChecked] = useState(false);
  const [saved, setSaved] = useState(false);
  const local = validateHackathon(form, false);
  const errors: Record<string, FieldError | undefined> = {};
  for (const field of FIELDS) {
    const own = checked ? local[field] : undefined;
    errors[field] = own ? t(`setup.error.${own}` as MessageKey) : problem?.fields[field];
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    setProblem(undefined);
    setSaved(false);
    if (Object.keys(local).length > 0) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const response = await update({ input: toUpdateHackathon(hackathon.id, hackathon.version, form) });
    if (response.error) setProblem(problemOf(response.error));
    else {
      clearDraft();
      setSaved(true);
    }
  }

  return (
    <section aria-labelledby="details-heading" className="panel">
      <h2 id="details-heading">{t('setup.details')}</h2>
      <form className="stack form" onSubmit={submit} noValidate>
        <ProblemNotice
          problem={problem}
          shownFields={FIELDS}
          onReload={() => {
            clearDraft();
            onReload();
          }}
        />
        {saved && (
          <p role="status" className="notice notice-ok">
            {t('common.saved')}
          </p>
        )}
        <p className="muted">{t('setup.slugFixed', { slug: hackathon.slug })}</p>
        <HackathonFields form={form} setForm={setForm} errors={errors} creating={false} />
        <div className="button-row">
          <button type="submit" disabled={result.fetching}>
            {t('setup.saveDetails')}
          </button>
        </div>
      </form>
    </section>
  );
}

type RoundRow = { id?: string | null; nameZh: string; nameEn: string; kind: RoundKind };
const ROUND_KINDS: RoundKind[] = ['REVIEW', 'PUBLIC_VOTE', 'FINAL'];

function RoundsPanel({ hackathon, onReload }: { hackathon: HackathonAdminFragment; onReload: () => void }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<RoundRow[]>(() =>
    hackathon.rounds.map((round) => ({ id: round.id, nameZh: round.name.zhTW ?? '', nameEn: round.name.en ?? '', kind: round.kind })),
  );
  const [result, save] = useMutation(SetHackathonRoundsDocument);
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState(false);
  const update = (index: number, change: Partial<RoundRow>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const move = (index: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row);
    setRows(next);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    setSaved(false);
    if (rows.some((row) => !row.nameZh.trim() && !row.nameEn.trim())) {
      setProblem({ kind: 'badInput', messages: [t('setup.rounds.nameRequired')], fields: {} });
      return;
    }
    const response = await save({
      input: {
        hackathonId: hackathon.id,
        expectedVersion: hackathon.version,
        rounds: rows.map((row) => ({
          id: row.id ?? undefined,
          name: { zhTW: row.nameZh.trim() || null, en: row.nameEn.trim() || null },
          kind: row.kind,
        })),
      },
    });
    if (response.error) setProblem(problemOf(response.error));
    else setSaved(true);
  }

  return (
    <section aria-labelledby="rounds-heading" className="panel">
      <h2 id="rounds-heading">{t('setup.rounds.title')}</h2>
      <form className="stack" onSubmit={submit}>
        <ProblemNotice problem={problem} onReload={onReload} />
        {saved && (
          <p role="status" className="notice notice-ok">
            {t('common.saved')}
          </p>
        )}
        {rows.length === 0 && <p>{t('setup.rounds.none')}</p>}
        <ol className="rounds">
          {rows.map((row, index) => (
            <li key={row.id ?? `new-${index}`}>
              <fieldset>
                <legend>{t('setup.rounds.round', { n: index + 1 })}</legend>
                <div className="grid-3">
                  <Field label={t('setup.rounds.nameZh', { n: index + 1 })} lang="zh-TW">
                    {(props) => <input {...props} type="text" value={row.nameZh} onChange={(e) => update(index, { nameZh: e.target.value })} />}
                  </Field>
                  <Field label={t('setup.rounds.nameEn', { n: index + 1 })} lang="en">
                    {(props) => <input {...props} type="text" value={row.nameEn} onChange={(e) => update(index, { nameEn: e.target.value })} />}
                  </Field>
                  <Field label={t('setup.rounds.kind', { n: index + 1 })}>
                    {(props) => (
                      <select {...props} value={row.kind} onChange={(e) => update(index, { kind: e.target.value as RoundKind })}>
                        {ROUND_KINDS.map((kind) => (
                          <option key={kind} value={kind}>
                            {t(`roundKind.${kind}` as MessageKey)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                </div>
                <div className="button-row">
                  <button type="button" className="button-secondary" disabled={index === 0} onClick={() => move(index, -1)}>
                    {t('setup.rounds.up', { n: index + 1 })}
                  </button>
                  <button type="button" className="button-secondary" disabled={index === rows.length - 1} onClick={() => move(index, 1)}>
                    {t('setup.rounds.down', { n: index + 1 })}
                  </button>
                  <button type="button" className="button-danger" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                    {t('setup.rounds.remove', { n: index + 1 })}
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <div className="button-row">
          <button type="button" className="button-secondary" onClick={() => setRows([...rows, { nameZh: '', nameEn: '', kind: 'REVIEW' }])}>
            {t('setup.rounds.add')}
          </button>
          <button type="submit" disabled={result.fetching}>
            {t('setup.rounds.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function ImportPanel({ slug }: { slug: string }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File>();
  const [pasted, setPasted] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [preview, setPreview] = useState<ImportResult>();
  const [imported, setImported] = useState<ImportResult>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  // A chosen file wins; otherwise the pasted 松後推坑 page.
  const source: { body: Blob; format: 'csv' | 'markdown' } | undefined = file
    ? { body: file, format: formatOfFile(file.name) }
    : pasted.trim()
      ? { body: new Blob([pasted], { type: 'text/markdown' }), format: 'markdown' }
      : undefined;

  async function run(dryRun: boolean) {
    if (!source) return;
    setBusy(true);
    setProblem(undefined);
    const outcome = await importProposals(slug, source.body, { dryRun, skipInvalid, format: source.format });
    setBusy(false);
    if (outcome.problem) setProblem(outcome.problem);
    if (dryRun) {
      setPreview(outcome.result);
      setImported(undefined);
    } else if (outcome.result) {
      setImported(outcome.result);
      setPreview(undefined);
    }
  }

  const canImport = !!source && !!preview && (preview.errors.length === 0 || skipInvalid);
  return (
    <section aria-labelledby="import-heading" className="panel">
      <h2 id="import-heading">{t('import.title')}</h2>
      <p>{t('import.intro')}</p>
      <p>
        <a href={exportUrl(slug)} download>
          {t('import.export')}
        </a>
      </p>
      <p>
        <SpreadsheetCsvLink
          href={exportUrl(slug)}
          label={t('import.exportSpreadsheet')}
          hint={t('import.exportSpreadsheetHint')}
        />
      </p>
      <p>
        <a href={pageExportUrl(slug)} download>
          {t('import.exportPage')}
        </a>
      </p>
      <Field label={t('import.file')} hint={t('import.fileHint')}>
        {(props) => (
          <input
            {...props}
            type="file"
            accept=".csv,text/csv,.md,.markdown,text/markdown"
            onChange={(e) => {
              setFile(e.target.files?.[0]);
              setPreview(undefined);
              setImported(undefined);
            }}
          />
        )}
      </Field>
      <Field label={t('import.paste')} hint={t('import.pasteHint')}>
        {(props) => (
          <textarea
            {...props}
            rows={6}
            value={pasted}
            onChange={(e) => {
              setPasted(e.target.value);
              setPreview(undefined);
              setImported(undefined);
            }}
          />
        )}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
        <span>{t('import.skipInvalid')}</span>
      </label>
      <div className="button-row">
        <button type="button" disabled={!source || busy} onClick={() => run(true)}>
          {t('import.check')}
        </button>
        <button type="button" disabled={!canImport || busy} onClick={() => run(false)}>
          {t('import.run')}
        </button>
      </div>
      <ProblemNotice problem={problem} />
      {preview && <ImportSummary result={preview} title={t('import.preview')} />}
      {imported && <ImportSummary result={imported} title={t('import.done')} />}
    </section>
  );
}

function ImportSummary({ result, title }: { result: ImportResult; title: string }) {
  const { t } = useI18n();
  return (
    <div role="status" className="import-summary">
      <h3>{title}</h3>
      <ul className="counts">
        <li>{t('import.created', { n: result.created })}</li>
        <li>{t('import.updated', { n: result.updated })}</li>
        <li>{t('import.unchanged', { n: result.unchanged })}</li>
        <li>{t('import.errors', { n: result.errors.length })}</li>
      </ul>
      {result.errors.length > 0 && (
        <TableScroll label={t('import.errorTable')}>
          <table>
            <caption>{t('import.errorTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.row')}</th>
                <th scope="col">{t('import.column')}</th>
                <th scope="col">{t('import.message')}</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.map((error, index) => (
                <tr key={index}>
                  <td>{error.row ?? '—'}</td>
                  <td>{error.column ?? '—'}</td>
                  <td>
                    <ImportErrorText kind="proposal" error={error} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
