import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ConfigureExpoTablesDocument, ConfigureRoundDocument, type RoundMethod, type RoundSetupFragment } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { useLocalized } from '../../components/Localized';
import { ProblemNotice } from '../../components/ProblemNotice';
import { TableScroll } from '../../components/TableScroll';
import { useI18n, type MessageKey } from '../../i18n/judging';

const METHODS: RoundMethod[] = ['RUBRIC', 'PAIRWISE'];

/**
 * RUBRIC or PAIRWISE, chosen while the round is DRAFT (configureRound's `method`); for PAIRWISE, whether the round is
 * ranked by sector (`expoSectors`, method hacktrail-pairwise-2), chosen while DRAFT too.
 */
export function MethodPanel({ round, onSaved }: { round: RoundSetupFragment; onSaved: () => void }) {
  const { t } = useI18n();
  const [method, setMethod] = useState<RoundMethod>(round.method);
  const [bySector, setBySector] = useState<boolean>(round.expoSectors);
  const [problem, setProblem] = useState<Problem>();
  const [result, configure] = useMutation(ConfigureRoundDocument);
  const draft = round.status === 'DRAFT';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    const sectors = method === 'PAIRWISE' ? bySector : false;
    const input = { roundId: round.id, method, expectedVersion: round.version, ...(sectors !== round.expoSectors ? { expoSectors: sectors } : {}) };
    const response = await configure({ input });
    if (response.error) setProblem(problemOf(response.error));
    else onSaved();
  }

  return (
    <section aria-labelledby="method-heading" className="panel">
      <h2 id="method-heading">{t('judging.method.title')}</h2>
      <form className="stack" onSubmit={submit}>
        <fieldset disabled={!draft}>
          <legend>{t('judging.method.title')}</legend>
          {METHODS.map((value) => (
            <label key={value} className="checkbox">
              <input type="radio" name="method" value={value} checked={method === value} onChange={() => setMethod(value)} />
              <span>{t(`judging.method.${value}` as MessageKey)}</span>
            </label>
          ))}
          <p className="hint">{draft ? t('judging.method.hint') : t('judging.method.frozen')}</p>
          {method === 'PAIRWISE' && (
            <>
              <label className="checkbox">
                <input type="checkbox" checked={bySector} onChange={(e) => setBySector(e.target.checked)} />
                <span>{t('judging.method.bySector')}</span>
              </label>
              <p className="hint">{t('judging.method.bySectorHint')}</p>
            </>
          )}
        </fieldset>
        <ProblemNotice problem={problem} onReload={onSaved} />
        {draft && (
          <button type="submit" disabled={result.fetching || (method === round.method && (method !== 'PAIRWISE' || bySector === round.expoSectors))}>
            {t('judging.method.save')}
          </button>
        )}
      </form>
    </section>
  );
}

/** A candidate's table as typed; coordinates set over the API are kept as they are (the panel does not edit them). */
type Row = { proposalId: string; title: string; label: string; number: string; x?: number | null; y?: number | null };

/** The form's rows: every candidate (in the API's order), with its table if it has one. */
export function tableRows(round: RoundSetupFragment, localized: (text: { zhTW?: string | null; en?: string | null }) => string): Row[] {
  const tables = new Map(round.expoTables.map((table) => [table.proposalId, table]));
  const candidates = round.expoCandidates ?? [];
  const rows = candidates.map((proposal) => {
    const table = tables.get(proposal.id);
    return {
      proposalId: proposal.id,
      title: localized(proposal.title),
      label: table?.label ?? '',
      number: table?.tableNumber == null ? '' : String(table.tableNumber),
      x: table?.x,
      y: table?.y,
    };
  });
  return rows;
}

/** Why a row cannot be sent: no label, or a table number that is not a whole number from 1 to 100,000. */
export function rowErrors(row: Row): { label?: true; number?: true } {
  const errors: { label?: true; number?: true } = {};
  const label = row.label.trim();
  if (label.length === 0 || label.length > 100) errors.label = true;
  const number = row.number.trim();
  if (number !== '' && !(/^\d+$/.test(number) && Number(number) >= 1 && Number(number) <= 100000)) errors.number = true;
  return errors;
}

/**
 * A PAIRWISE round's tables: one row per candidate with its table or room and its table number (walking distance).
 * The complete list is sent at once (configureExpoTables replaces it).
 */
export function ExpoTablesPanel({ round, onSaved }: { round: RoundSetupFragment; onSaved: () => void }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const [rows, setRows] = useState<Row[]>(() => tableRows(round, localized));
  const [checked, setChecked] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState(false);
  const [result, configure] = useMutation(ConfigureExpoTablesDocument);
  const editable = round.status === 'DRAFT' || round.status === 'OPEN';
  const withTable = new Set(round.expoTables.map((table) => table.proposalId));
  const missing = rows.filter((row) => !withTable.has(row.proposalId)).length;
  const update = (index: number, change: Partial<Row>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    setSaved(false);
    setProblem(undefined);
    if (rows.some((row) => Object.keys(rowErrors(row)).length > 0)) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.expo-tables [aria-invalid="true"]')?.focus());
      return;
    }
    const tables = rows.map((row) => ({
      proposalId: row.proposalId,
      label: row.label.trim(),
      tableNumber: row.number.trim() === '' ? null : Number(row.number.trim()),
      ...(row.x != null && row.y != null ? { x: row.x, y: row.y } : {}),
    }));
    const response = await configure({ input: { roundId: round.id, tables, expectedVersion: round.version } });
    if (response.error) setProblem(problemOf(response.error));
    else {
      setSaved(true);
      onSaved();
    }
  }

  return (
    <section aria-labelledby="tables-heading" className="panel">
      <h2 id="tables-heading">{t('judging.tables.title')}</h2>
      <p className="hint">{t('judging.tables.hint')}</p>
      {round.status === 'OPEN' && <p className="notice">{t('judging.tables.openNote')}</p>}
      {!editable && <p className="notice">{t('judging.tables.frozen', { status: t(`judging.roundStatus.${round.status}` as MessageKey) })}</p>}
      {round.expoCandidates == null ? (
        <p className="notice">{t('judging.tables.noCandidates')}</p>
      ) : (
        <form className="stack expo-tables" onSubmit={submit} noValidate>
          <p className={missing > 0 ? 'notice' : 'notice notice-ok'} data-testid="tables-missing">
            {missing > 0 ? t('judging.tables.missing', { n: missing }) : t('judging.tables.complete')}
          </p>
          <ProblemNotice problem={problem} onReload={onSaved} />
          {saved && (
            <p role="status" className="notice notice-ok">
              {t('common.saved')}
            </p>
          )}
          <fieldset disabled={!editable}>
            <legend>{t('judging.tables.title')}</legend>
            <TableScroll label={t('judging.tables.title')}>
              <table>
                <caption>{t('judging.tables.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('judging.tables.proposal')}</th>
                    <th scope="col">{t('judging.tables.label')}</th>
                    <th scope="col">{t('judging.tables.number')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, index) => {
                    const errors = checked ? rowErrors(row) : {};
                    return (
                      <tr key={row.proposalId}>
                        <th scope="row">{row.title}</th>
                        <td>
                          <input
                            type="text"
                            aria-label={t('judging.tables.labelOf', { title: row.title })}
                            aria-invalid={errors.label ? true : undefined}
                            data-proposal={row.proposalId}
                            data-field="label"
                            value={row.label}
                            onChange={(e) => update(index, { label: e.target.value })}
                          />
                          {errors.label && <span className="field-error">{t('judging.tables.labelRequired')}</span>}
                        </td>
                        <td>
                          <input
                            type="text"
                            inputMode="numeric"
                            aria-label={t('judging.tables.numberOf', { title: row.title })}
                            aria-invalid={errors.number ? true : undefined}
                            data-proposal={row.proposalId}
                            data-field="number"
                            value={row.number}
                            onChange={(e) => update(index, { number: e.target.value })}
                          />
                          {errors.number && <span className="field-error">{t('judging.tables.numberInvalid')}</span>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
            <div className="button-row">
              <button
                type="button"
                className="button-secondary"
                onClick={() =>
                  setRows(rows.map((row, i) => ({ ...row, number: String(i + 1), label: row.label.trim() ? row.label : t('judging.tables.defaultLabel', { n: i + 1 }) })))
                }
              >
                {t('judging.tables.numberAll')}
              </button>
              <button type="submit" disabled={result.fetching}>
                {t('judging.tables.save')}
              </button>
            </div>
          </fieldset>
        </form>
      )}
    </section>
  );
}
