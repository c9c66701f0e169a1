import { useState } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useSearch } from 'wouter';
import {
  OutcomeImportsToVerifyDocument,
  OutcomeSelectionPreviewDocument,
  SelectionHackathonsDocument,
  VerifyMilestonesDocument,
  type MilestoneType,
  type OutcomeSelectionInput,
} from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { ConfirmDialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Localized } from '../../components/Localized';
import { ProblemNotice } from '../../components/ProblemNotice';
import { formatReaderDateTime } from '../../lib/dates';
import { useI18n, type MessageKey } from '../../i18n/bulkVerify';
import { MILESTONE_TYPES, formatDay } from './followupKit';

type Mode = 'import' | 'filter';

export type FilterValues = { type: MilestoneType | ''; agency: string; from: string; to: string; hackathonId: string };

/** The selection the form describes, or null while it names nothing (the server refuses an empty selection). */
export function toSelection(mode: Mode, importRunId: string, filter: FilterValues): OutcomeSelectionInput | null {
  if (mode === 'import') return importRunId ? { importRunId } : null;
  const selection: OutcomeSelectionInput = {};
  if (filter.type) selection.type = filter.type;
  if (filter.agency.trim()) selection.agency = filter.agency.trim();
  if (filter.from) selection.from = filter.from;
  if (filter.to) selection.to = filter.to;
  if (filter.hackathonId) selection.hackathonId = filter.hackathonId;
  return Object.keys(selection).length > 0 ? selection : null;
}

/** An import's file as the organizer knows it: an upload's stored name (a random id) says only that it was uploaded. */
export function fileLabel(file: string | null | undefined, t: (key: 'bulkSelect.uploadedFile') => string): string {
  if (!file) return '—';
  return file.startsWith('upload-') ? t('bulkSelect.uploadedFile') : file;
}

/** A refusal the server names by `extensions.rule` (count changed, too many), with its numbers. */
type Refusal = { rule: 'verifySelectionChanged' | 'verifySelectionTooLarge'; values: Record<string, number> };

export function refusalOf(error: CombinedError | undefined): Refusal | null {
  const refusal = error?.graphQLErrors.find(
    (e) => e.extensions?.rule === 'verifySelectionChanged' || e.extensions?.rule === 'verifySelectionTooLarge',
  );
  if (!refusal) return null;
  const values: Record<string, number> = {};
  for (const name of ['count', 'expectedCount', 'limit']) {
    const value = refusal.extensions?.[name];
    if (typeof value === 'number') values[name] = value;
  }
  return { rule: refusal.extensions!.rule as Refusal['rule'], values };
}

/**
 * One decision for the pending milestones of an import, or those a filter matches: the organizer chooses, counts them
 * (the server's preview), and confirms that count; the server verifies exactly that many or refuses (nothing changed)
 * when the set changed since.
 */
export function SelectionVerify({ onDone }: { onDone: (message: string) => void }) {
  const { t, locale } = useI18n();
  // The import screen links here with `?importRun=<run id>` to verify that import.
  const linkedRun = new URLSearchParams(useSearch()).get('importRun') ?? '';
  const [mode, setMode] = useState<Mode>('import');
  const [importRunId, setImportRunId] = useState(/^\d+$/.test(linkedRun) ? linkedRun : '');
  const [filter, setFilter] = useState<FilterValues>({ type: '', agency: '', from: '', to: '', hackathonId: '' });
  const [note, setNote] = useState('');
  // The selection counted: the count confirmed is always this selection's.
  const [counted, setCounted] = useState<OutcomeSelectionInput | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // Asked again on every visit: an import may have run since the list was last read.
  const [imports, reloadImports] = useQuery({
    query: OutcomeImportsToVerifyDocument,
    variables: { first: 10 },
    requestPolicy: 'cache-and-network',
  });
  // The latest 100 hackathons, asked for once the filter is shown.
  const [hackathons] = useQuery({ query: SelectionHackathonsDocument, pause: mode !== 'filter' });
  const [preview, recount] = useQuery({
    query: OutcomeSelectionPreviewDocument,
    variables: { selection: counted ?? {}, first: 5 },
    pause: !counted,
    requestPolicy: 'network-only',
  });
  const [{ fetching }, verify] = useMutation(VerifyMilestonesDocument);
  const selection = toSelection(mode, importRunId, filter);
  const result = counted ? preview.data?.outcomeSelectionPreview : undefined;
  const count = result?.count ?? 0;
  const overLimit = !!result && result.count > result.limit;

  const change = (apply: () => void) => {
    apply();
    setCounted(null);
    setProblem(null);
    setRefusal(null);
  };
  const setField = (field: keyof FilterValues, value: string) => change(() => setFilter({ ...filter, [field]: value }));
  const countAgain = () => {
    setRefusal(null);
    setProblem(null);
    if (counted) recount({ requestPolicy: 'network-only' });
    else setCounted(selection);
  };
  const submit = async () => {
    if (!counted || !result) return;
    setProblem(null);
    setRefusal(null);
    const response = await verify({ input: { selection: counted, expectedCount: result.count, note: note.trim() || undefined } });
    setConfirming(false);
    if (response.error) {
      const named = refusalOf(response.error);
      if (named) setRefusal(named);
      else setProblem(problemOf(response.error) ?? null);
      return;
    }
    const done = response.data?.verifyOutcomeMilestones;
    if (done) {
      const message =
        done.unchangedIds.length > 0
          ? t('bulkSelect.doneSome', { verified: done.verifiedCount, unchanged: done.unchangedIds.length })
          : t('bulkSelect.done', { verified: done.verifiedCount });
      setNote('');
      setCounted(null);
      reloadImports({ requestPolicy: 'network-only' });
      onDone(message);
    }
  };

  const importList = imports.data?.outcomeImportsToVerify ?? [];
  return (
    <section aria-labelledby="selection-verify-heading" className="panel">
      <h2 id="selection-verify-heading">{t('bulkSelect.title')}</h2>
      <p className="hint">{t('bulkSelect.hint')}</p>
      <fieldset>
        <legend>{t('bulkSelect.by')}</legend>
        {(['import', 'filter'] as Mode[]).map((choice) => (
          <label key={choice} className="checkbox">
            <input type="radio" name="selection-mode" checked={mode === choice} onChange={() => change(() => setMode(choice))} />
            <span>{t(choice === 'import' ? 'bulkSelect.byImport' : 'bulkSelect.byFilter')}</span>
          </label>
        ))}
      </fieldset>
      {mode === 'import' ? (
        imports.error && !imports.data ? (
          <ProblemNotice problem={problemOf(imports.error)} />
        ) : imports.data && importList.length === 0 && !importRunId ? (
          <p>{t('bulkSelect.noImports')}</p>
        ) : (
          <Field label={t('bulkSelect.import')} hint={t('bulkSelect.importHint')}>
            {(props) => (
              <select {...props} value={importRunId} onChange={(e) => change(() => setImportRunId(e.target.value))}>
                <option value="">{t('bulkSelect.importChoose')}</option>
                {importRunId && imports.data && !importList.some((entry) => entry.run.id === importRunId) && (
                  // A run not among the recent imports (an older one, or a restart's first run), linked to.
                  <option value={importRunId}>{t('bulkSelect.importRun', { run: importRunId })}</option>
                )}
                {importList.map((entry) => (
                  <option key={entry.run.id} value={entry.run.id}>
                    {t('bulkSelect.importOption', {
                      file: fileLabel(entry.file, t),
                      run: entry.run.id,
                      when: entry.run.startedAt ? formatReaderDateTime(entry.run.startedAt, locale) : '—',
                      n: entry.pendingCount,
                    })}
                    {entry.authoritative ? t('bulkSelect.importAuthoritative') : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )
      ) : (
        <>
          <p className="hint">{t('bulkSelect.filterHint')}</p>
          <Field label={t('bulkSelect.type')}>
            {(props) => (
              <select {...props} value={filter.type} onChange={(e) => setField('type', e.target.value)}>
                <option value="">{t('bulkSelect.anyType')}</option>
                {MILESTONE_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`followup.type.${type}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('bulkSelect.agency')}>
            {(props) => <input {...props} type="text" maxLength={200} value={filter.agency} onChange={(e) => setField('agency', e.target.value)} />}
          </Field>
          <Field label={t('bulkSelect.hackathon')} hint={t('bulkSelect.hackathonHint')}>
            {(props) => (
              <select {...props} value={filter.hackathonId} onChange={(e) => setField('hackathonId', e.target.value)}>
                <option value="">{t('bulkSelect.anyHackathon')}</option>
                {(hackathons.data?.hackathons.edges ?? []).map(({ node }) => (
                  <option key={node.id} value={node.id}>
                    {(locale === 'zh-TW' ? (node.name.zhTW ?? node.name.en) : (node.name.en ?? node.name.zhTW)) ?? node.slug}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('bulkSelect.from')}>
            {(props) => <input {...props} type="date" value={filter.from} onChange={(e) => setField('from', e.target.value)} />}
          </Field>
          <Field label={t('bulkSelect.to')}>
            {(props) => <input {...props} type="date" value={filter.to} onChange={(e) => setField('to', e.target.value)} />}
          </Field>
        </>
      )}
      <p>
        <button type="button" className="button button-secondary" disabled={!selection || preview.fetching} onClick={countAgain}>
          {t('bulkSelect.preview')}
        </button>
      </p>
      {counted && preview.error && !refusal && <ProblemNotice problem={problemOf(preview.error)} />}
      {result && (
        <div role="status">
          <p>
            <strong>{t('bulkSelect.count', { n: result.count })}</strong>
          </p>
          {overLimit && <p className="notice notice-warn">{t('bulkSelect.overLimit', { limit: result.limit })}</p>}
          {result.milestones.length > 0 && (
            <>
              <p className="hint">{t('bulkSelect.first')}</p>
              <ul>
                {result.milestones.map((milestone) => (
                  <li key={milestone.id}>
                    <time dateTime={milestone.date}>{formatDay(milestone.date, locale)}</time> {t(`followup.type.${milestone.type}` as MessageKey)}
                    {milestone.agency ? ` · ${milestone.agency}` : ''}
                    {milestone.project && (
                      <>
                        {' · '}
                        <Localized text={milestone.project.name} />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {result && result.count > 0 && !overLimit && (
        <>
          <Field label={t('bulkSelect.note')} hint={t('followup.bulk.noteHint')}>
            {(props) => <textarea {...props} rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <button type="button" className="button" disabled={fetching} onClick={() => setConfirming(true)}>
            {t('bulkSelect.verify', { n: count })}
          </button>
        </>
      )}
      {refusal && (
        <div role="alert" className="notice notice-warn">
          <p>{t(refusal.rule === 'verifySelectionChanged' ? 'bulkSelect.changed' : 'bulkSelect.tooLarge', refusal.values)}</p>
          <button type="button" onClick={countAgain}>
            {t('bulkSelect.countAgain')}
          </button>
        </div>
      )}
      {problem && <ProblemNotice problem={problem} />}
      <ConfirmDialog
        open={confirming}
        title={t('bulkSelect.verify', { n: count })}
        confirmLabel={t('bulkSelect.confirm')}
        cancelLabel={t('bulkSelect.cancel')}
        busy={fetching}
        onConfirm={submit}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('bulkSelect.confirmText', { n: count })}</p>
      </ConfirmDialog>
    </section>
  );
}
