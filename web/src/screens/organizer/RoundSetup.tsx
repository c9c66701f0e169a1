import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useMutation, useQuery } from 'urql';
import {
  AssignJudgesDocument,
  ConfigureRoundDocument,
  JudgingRoundSetupDocument,
  type ConfigureRoundInput,
  type RoundSetupFragment,
  type Sector,
  type VoteMode,
} from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { Field } from '../../components/Field';
import { Localized, useLocalized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { TableScroll } from '../../components/TableScroll';
import { formatDateTime } from '../../lib/dates';
import { messageValues } from '../../lib/messages';
import { roundEventDetail } from './roundEvents';
import { AssignmentCause } from '../shared/judgingText';
import { useI18n, type MessageKey } from '../../i18n/judging';
import { RoundStatusActions, SECTORS, num, roundPath } from './judgingShared';
import { ExpoTablesPanel, MethodPanel } from './ExpoSetup';

type CriterionRow = {
  key: string;
  id: string;
  existing: boolean;
  nameZh: string;
  nameEn: string;
  descZh: string;
  descEn: string;
  weight: string;
  scaleMin: string;
  scaleMax: string;
};

export type SetupForm = {
  criteria: CriterionRow[];
  k: string;
  minimums: Record<Sector, string>;
  maxLoad: string;
  weights: Record<Sector, string>;
  normalise: boolean;
  voteMode: VoteMode;
  voteWeight: string;
  voteCredits: string;
  eligibility: Eligibility;
  cutSize: string;
  bootstrap: string;
  seed: string;
  reason: string;
};

const VOTE_MODES: VoteMode[] = ['NONE', 'SIMPLE', 'QUADRATIC'];

/** The public vote's eligibility rules (VoteEligibility), each on by default. */
const ELIGIBILITY_RULES = ['excludeTeam', 'excludeJudges', 'requireVerifiedEmail'] as const;
type Eligibility = Record<(typeof ELIGIBILITY_RULES)[number], boolean>;

/** The round events the API records (RoundEvent.action). */
const EVENTS = ['CREATED', 'CONFIGURED', 'ASSIGNED', 'PLAN_DISCARDED', 'OPEN', 'CLOSED', 'REOPENED', 'SELECTED', 'PUBLISHED', 'TABLES_CHANGED'];


let rowKey = 0;

export function formOfRound(round: RoundSetupFragment): SetupForm {
  const perSector = (value: (sector: Sector) => number | undefined) =>
    Object.fromEntries(SECTORS.map((sector) => [sector, String(value(sector) ?? 0)])) as Record<Sector, string>;
  return {
    criteria: round.criteria.map((c) => ({
      key: `c${rowKey++}`,
      id: c.id,
      existing: true,
      nameZh: c.name.zhTW ?? '',
      nameEn: c.name.en ?? '',
      descZh: c.description.zhTW ?? '',
      descEn: c.description.en ?? '',
      weight: String(c.weight),
      scaleMin: String(c.scaleMin),
      scaleMax: String(c.scaleMax),
    })),
    k: String(round.judgesPerProposal),
    minimums: perSector((sector) => round.sectorMinimums.find((m) => m.sector === sector)?.minimum),
    maxLoad: round.maxLoad == null ? '' : String(round.maxLoad),
    weights: perSector((sector) => round.sectorWeights.find((w) => w.sector === sector)?.weight),
    normalise: round.normalise,
    voteMode: round.publicVote.mode,
    voteWeight: String(round.publicVote.weight),
    voteCredits: String(round.publicVote.credits),
    eligibility: {
      excludeTeam: round.publicVote.eligibility.excludeTeam,
      excludeJudges: round.publicVote.eligibility.excludeJudges,
      requireVerifiedEmail: round.publicVote.eligibility.requireVerifiedEmail,
    },
    cutSize: String(round.cutSize),
    bootstrap: String(round.bootstrapReplicates),
    seed: round.seed,
    reason: '',
  };
}

const numberOr = (text: string): number | undefined => (text.trim() === '' || Number.isNaN(Number(text)) ? undefined : Number(text));

/**
 * The configureRound input for the form: everything while the round is DRAFT; once it is OPEN or CLOSED only the
 * ranking parameters (the rubric and assignment rules are frozen), with the reason the API asks for.
 */
export function toConfigureInput(round: RoundSetupFragment, form: SetupForm): ConfigureRoundInput {
  const ranking: ConfigureRoundInput = {
    roundId: round.id,
    expectedVersion: round.version,
    sectorWeights: SECTORS.map((sector) => ({ sector, weight: numberOr(form.weights[sector]) ?? 0 })),
    normalise: form.normalise,
    cutSize: numberOr(form.cutSize),
    bootstrapReplicates: numberOr(form.bootstrap),
    seed: form.seed.trim() && form.seed.trim() !== round.seed ? form.seed.trim() : undefined,
  };
  if (round.method === 'PAIRWISE') {
    // hacktrail-pairwise-1 uses neither sector weights, normalisation nor a public vote: left as they are (unsent);
    // a round ranked by sector (hacktrail-pairwise-2) uses the sector weights.
    const { sectorWeights, normalise: _normalise, ...rest } = ranking;
    const pairwise = round.expoSectors ? { ...rest, sectorWeights } : rest;
    return round.status !== 'DRAFT' ? { ...pairwise, reason: form.reason.trim() || undefined } : pairwise;
  }
  if (round.status !== 'DRAFT') {
    return { ...ranking, publicVote: { weight: numberOr(form.voteWeight) }, reason: form.reason.trim() || undefined };
  }
  const maxLoad = numberOr(form.maxLoad);
  return {
    ...ranking,
    criteria: form.criteria.map((row) => ({
      id: row.id.trim() || undefined,
      name: { zhTW: row.nameZh.trim() || null, en: row.nameEn.trim() || null },
      description: row.descZh.trim() || row.descEn.trim() ? { zhTW: row.descZh.trim() || null, en: row.descEn.trim() || null } : undefined,
      weight: numberOr(row.weight) ?? Number.NaN,
      scaleMin: numberOr(row.scaleMin) ?? Number.NaN,
      scaleMax: numberOr(row.scaleMax) ?? Number.NaN,
    })),
    judgesPerProposal: numberOr(form.k),
    sectorMinimums: SECTORS.map((sector) => ({ sector, minimum: numberOr(form.minimums[sector]) ?? 0 })),
    maxLoad,
    clearMaxLoad: maxLoad === undefined ? true : undefined,
    publicVote: {
      mode: form.voteMode,
      weight: numberOr(form.voteWeight),
      credits: numberOr(form.voteCredits),
      eligibility: { ...form.eligibility },
    },
  };
}

/** Problems the organizer can fix before sending: each criterion named, weighted and scaled. */
export function checkSetup(form: SetupForm): { criteria: string[]; reason?: boolean } {
  const criteria: string[] = [];
  form.criteria.forEach((row, index) => {
    const weight = numberOr(row.weight);
    const min = numberOr(row.scaleMin);
    const max = numberOr(row.scaleMax);
    if (!row.nameZh.trim() && !row.nameEn.trim()) criteria.push(`name:${index}`);
    if (weight === undefined || weight <= 0) criteria.push(`weight:${index}`);
    if (min === undefined || max === undefined || min >= max) criteria.push(`scale:${index}`);
  });
  return { criteria };
}

/** One round's set-up: rubric and rules, assignment (run and inspect), status, history. */
export default function RoundSetup({ params }: { params: Record<string, string> }) {
  const { t, locale } = useI18n();
  const eventLabel = (action: string) => (EVENTS.includes(action) ? t(`judging.event.${action}` as MessageKey) : action);
  const localized = useLocalized();
  const [{ data, error, fetching }, refetch] = useQuery({ query: JudgingRoundSetupDocument, variables: { roundId: params.roundId } });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  const round = data?.judgingRound;
  if (!round || round.hackathon.slug !== params.slug) {
    return (
      <Page title={t('error.notFoundTitle')}>
        <p>{t('judging.round.notFound')}</p>
      </Page>
    );
  }
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Page
      title={t('judging.round.title', { round: localized(round.name), hackathon: localized(round.hackathon.name) })}
      actions={
        <>
          <Link className="button button-secondary" href={`/organize/hackathons/${round.hackathon.slug}/judging`}>
            {t('judging.round.backToPanel')}
          </Link>
          <Link className="button" href={`${roundPath(round.hackathon.slug, round.id)}/ranking`}>
            {t('judging.panel.rankingShort')}
          </Link>
          {round.method !== 'PAIRWISE' && (
            <Link className="button button-secondary" href={`${roundPath(round.hackathon.slug, round.id)}/timetable`}>
              {t('judging.timetable.link')}
            </Link>
          )}
        </>
      }
    >
      <RoundStatusActions round={round} onChanged={reload} />
      <MethodPanel key={`method-${round.version}`} round={round} onSaved={reload} />
      {round.method === 'PAIRWISE' && <ExpoTablesPanel key={`tables-${round.version}`} round={round} onSaved={reload} />}
      <SetupFormPanel key={`setup-${round.version}`} round={round} onSaved={reload} />
      {round.method !== 'PAIRWISE' && <AssignmentPanel round={round} onChanged={reload} />}
      {round.history && round.history.length > 0 && (
        <section aria-labelledby="round-history-heading" className="panel">
          <h2 id="round-history-heading">{t('judging.round.history')}</h2>
          <ol>
            {[...round.history].reverse().map((event, index) => (
              <li key={index}>
                {formatDateTime(event.at, round.hackathon.timeZone, locale)}: {eventLabel(event.action)}
                {roundEventDetail(event, t, locale) && <span className="muted"> — {roundEventDetail(event, t, locale)}</span>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </Page>
  );
}

function SetupFormPanel({ round, onSaved }: { round: RoundSetupFragment; onSaved: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<SetupForm>(() => formOfRound(round));
  const [checked, setChecked] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState(false);
  const [result, configure] = useMutation(ConfigureRoundDocument);
  const draft = round.status === 'DRAFT';
  const frozen = round.status === 'PUBLISHED';
  const pairwise = round.method === 'PAIRWISE';
  const issues = checkSetup(form);
  const reasonMissing = checked && !draft && !form.reason.trim();
  const has = (kind: string, index: number) => checked && issues.criteria.includes(`${kind}:${index}`);
  const updateRow = (index: number, change: Partial<CriterionRow>) =>
    setForm({ ...form, criteria: form.criteria.map((row, i) => (i === index ? { ...row, ...change } : row)) });
  const moveRow = (index: number, by: number) => {
    const rows = [...form.criteria];
    const [row] = rows.splice(index, 1);
    rows.splice(index + by, 0, row);
    setForm({ ...form, criteria: rows });
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    setSaved(false);
    setProblem(undefined);
    if ((draft && issues.criteria.length > 0) || (!draft && !form.reason.trim())) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.setup-form [aria-invalid="true"]')?.focus());
      return;
    }
    const response = await configure({ input: toConfigureInput(round, form) });
    if (response.error) setProblem(problemOf(response.error));
    else {
      setSaved(true);
      onSaved();
    }
  }

  return (
    <section aria-labelledby="setup-heading" className="panel">
      <h2 id="setup-heading">{t('judging.round.setup')}</h2>
      {!draft && !frozen && <p className="notice">{t('judging.round.frozenRubric')}</p>}
      {frozen && <p className="notice">{t('judging.round.published')}</p>}
      <form className="stack form setup-form" onSubmit={submit} noValidate>
        <ProblemNotice problem={problem} onReload={onSaved} shownFields={['reason']} />
        {saved && (
          <p role="status" className="notice notice-ok">
            {t('common.saved')}
          </p>
        )}
        <fieldset disabled={!draft} hidden={round.method === 'PAIRWISE'}>
          <legend>{t('judging.rubric.title')}</legend>
          <p className="hint">{t('judging.rubric.hint')}</p>
          {form.criteria.length === 0 && <p>{t('judging.rubric.none')}</p>}
          <ol className="rounds criteria-editor">
            {form.criteria.map((row, index) => {
              const n = index + 1;
              return (
                <li key={row.key}>
                  <fieldset>
                    <legend>{t('judging.rubric.criterion', { n })}</legend>
                    <div className="grid-2">
                      <Field label={t('judging.rubric.nameZh', { n })} lang="zh-TW" error={has('name', index) ? t('judging.rubric.nameRequired') : undefined}>
                        {(props) => <input {...props} type="text" value={row.nameZh} onChange={(e) => updateRow(index, { nameZh: e.target.value })} />}
                      </Field>
                      <Field label={t('judging.rubric.nameEn', { n })} lang="en">
                        {(props) => <input {...props} type="text" value={row.nameEn} onChange={(e) => updateRow(index, { nameEn: e.target.value })} />}
                      </Field>
                      <Field label={t('judging.rubric.descZh', { n })} lang="zh-TW">
                        {(props) => <textarea {...props} rows={2} value={row.descZh} onChange={(e) => updateRow(index, { descZh: e.target.value })} />}
                      </Field>
                      <Field label={t('judging.rubric.descEn', { n })} lang="en">
                        {(props) => <textarea {...props} rows={2} value={row.descEn} onChange={(e) => updateRow(index, { descEn: e.target.value })} />}
                      </Field>
                    </div>
                    <div className="grid-4">
                      <Field label={t('judging.rubric.id', { n })} hint={row.existing ? undefined : t('judging.rubric.idHint')}>
                        {(props) => <input {...props} type="text" value={row.id} readOnly={row.existing} onChange={(e) => updateRow(index, { id: e.target.value })} />}
                      </Field>
                      <Field label={t('judging.rubric.weight', { n })} error={has('weight', index) ? t('judging.rubric.weightInvalid') : undefined}>
                        {(props) => <input {...props} type="number" min={0} step="any" value={row.weight} onChange={(e) => updateRow(index, { weight: e.target.value })} />}
                      </Field>
                      <Field label={t('judging.rubric.min', { n })} error={has('scale', index) ? t('judging.rubric.scaleInvalid') : undefined}>
                        {(props) => <input {...props} type="number" step="any" value={row.scaleMin} onChange={(e) => updateRow(index, { scaleMin: e.target.value })} />}
                      </Field>
                      <Field label={t('judging.rubric.max', { n })}>
                        {(props) => <input {...props} type="number" step="any" value={row.scaleMax} onChange={(e) => updateRow(index, { scaleMax: e.target.value })} />}
                      </Field>
                    </div>
                    <div className="button-row">
                      <button type="button" className="button-secondary" disabled={index === 0} onClick={() => moveRow(index, -1)}>
                        {t('judging.rubric.up', { n })}
                      </button>
                      <button type="button" className="button-secondary" disabled={index === form.criteria.length - 1} onClick={() => moveRow(index, 1)}>
                        {t('judging.rubric.down', { n })}
                      </button>
                      <button
                        type="button"
                        className="button-danger"
                        onClick={() => setForm({ ...form, criteria: form.criteria.filter((_, i) => i !== index) })}
                      >
                        {t('judging.rubric.remove', { n })}
                      </button>
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            className="button-secondary"
            onClick={() =>
              setForm({
                ...form,
                criteria: [
                  ...form.criteria,
                  { key: `c${rowKey++}`, id: '', existing: false, nameZh: '', nameEn: '', descZh: '', descEn: '', weight: '1', scaleMin: '1', scaleMax: '10' },
                ],
              })
            }
          >
            {t('judging.rubric.add')}
          </button>
        </fieldset>

        <fieldset disabled={!draft} hidden={round.method === 'PAIRWISE'}>
          <legend>{t('judging.rules.title')}</legend>
          <div className="grid-2">
            <Field label={t('judging.rules.k')} hint={t('judging.rules.kHint')}>
              {(props) => <input {...props} type="number" min={1} value={form.k} onChange={(e) => setForm({ ...form, k: e.target.value })} />}
            </Field>
            <Field label={t('judging.rules.maxLoad')} hint={t('judging.rules.maxLoadHint')}>
              {(props) => <input {...props} type="number" min={1} value={form.maxLoad} onChange={(e) => setForm({ ...form, maxLoad: e.target.value })} />}
            </Field>
          </div>
          <p className="hint">{t('judging.rules.minimumsHint')}</p>
          <div className="grid-4">
            {SECTORS.map((sector) => (
              <Field key={sector} label={t('judging.rules.minimum', { sector: t(`judging.sector.${sector}` as MessageKey) })}>
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    min={0}
                    value={form.minimums[sector]}
                    onChange={(e) => setForm({ ...form, minimums: { ...form.minimums, [sector]: e.target.value } })}
                  />
                )}
              </Field>
            ))}
          </div>
          <div className="grid-2">
            <Field label={t('judging.vote.mode')} hint={t('judging.vote.modeHint')}>
              {(props) => (
                <select {...props} value={form.voteMode} onChange={(e) => setForm({ ...form, voteMode: e.target.value as VoteMode })}>
                  {VOTE_MODES.map((mode) => (
                    <option key={mode} value={mode}>
                      {t(`judging.voteMode.${mode}` as MessageKey)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('judging.vote.credits')} hint={t('judging.vote.creditsHint')}>
              {(props) => <input {...props} type="number" min={1} value={form.voteCredits} onChange={(e) => setForm({ ...form, voteCredits: e.target.value })} />}
            </Field>
          </div>
          {form.voteMode !== 'NONE' && (
            <fieldset>
              <legend>{t('results.ballot.rules')}</legend>
              {ELIGIBILITY_RULES.map((rule) => (
                <label key={rule} className="checkbox">
                  <input
                    type="checkbox"
                    checked={form.eligibility[rule]}
                    onChange={(e) => setForm({ ...form, eligibility: { ...form.eligibility, [rule]: e.target.checked } })}
                  />
                  <span>{t(`results.ballot.rule.${rule}` as MessageKey)}</span>
                </label>
              ))}
              <p className="hint">{t('judging.vote.eligibilityHint')}</p>
            </fieldset>
          )}
        </fieldset>

        <fieldset disabled={frozen}>
          <legend>{t('judging.params.title')}</legend>
          <p className="hint">
            {pairwise ? t(round.expoSectors ? 'judging.params.pairwiseSectorsHint' : 'judging.params.pairwiseHint') : t('judging.params.hint')}
          </p>
          {/* An expo round's method has no normalisation or vote; only one ranked by sector has sector weights. */}
          {(!pairwise || round.expoSectors) && (
            <div className="grid-4">
              {SECTORS.map((sector) => (
                <Field key={sector} label={t('judging.params.weight', { sector: t(`judging.sector.${sector}` as MessageKey) })}>
                  {(props) => (
                    <input
                      {...props}
                      type="number"
                      min={0}
                      step="any"
                      value={form.weights[sector]}
                      onChange={(e) => setForm({ ...form, weights: { ...form.weights, [sector]: e.target.value } })}
                    />
                  )}
                </Field>
              ))}
            </div>
          )}
          {!pairwise && (
            <>
              <label className="checkbox">
                <input type="checkbox" checked={form.normalise} onChange={(e) => setForm({ ...form, normalise: e.target.checked })} />
                <span>{t('judging.params.normalise')}</span>
              </label>
            </>
          )}
          <div className="grid-2">
            {!pairwise && (
              <Field label={t('judging.vote.weight')}>
                {(props) => <input {...props} type="number" min={0} step="any" value={form.voteWeight} onChange={(e) => setForm({ ...form, voteWeight: e.target.value })} />}
              </Field>
            )}
            <Field label={t('judging.params.cutSize')} hint={t('judging.params.cutSizeHint')}>
              {(props) => <input {...props} type="number" min={1} value={form.cutSize} onChange={(e) => setForm({ ...form, cutSize: e.target.value })} />}
            </Field>
            <Field label={t('judging.params.bootstrap')}>
              {(props) => <input {...props} type="number" min={1} value={form.bootstrap} onChange={(e) => setForm({ ...form, bootstrap: e.target.value })} />}
            </Field>
            <Field label={t('judging.params.seed')} hint={t('judging.params.seedHint')}>
              {(props) => <input {...props} type="text" inputMode="numeric" value={form.seed} onChange={(e) => setForm({ ...form, seed: e.target.value })} />}
            </Field>
          </div>
          {!draft && (
            <Field label={t('judging.params.reason')} hint={t('judging.params.reasonHint')} error={reasonMissing ? t('judging.params.reasonRequired') : problem?.fields.reason}>
              {(props) => <input {...props} type="text" value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />}
            </Field>
          )}
        </fieldset>
        {!frozen && (
          <button type="submit" disabled={result.fetching}>
            {t('judging.round.save')}
          </button>
        )}
      </form>
    </section>
  );
}

function AssignmentPanel({ round, onChanged }: { round: RoundSetupFragment; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const [seed, setSeed] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [result, assign] = useMutation(AssignJudgesDocument);
  const plan = round.plan;

  async function run(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    const response = await assign({ input: { roundId: round.id, seed: seed.trim() || undefined } });
    if (response.error) setProblem(problemOf(response.error));
    else onChanged();
  }

  // Problems listed by proposal, as the organizer fixes them one proposal at a time.
  const byProposal = new Map<string, NonNullable<typeof plan>['problems']>();
  for (const item of plan?.problems ?? []) byProposal.set(item.proposalId, [...(byProposal.get(item.proposalId) ?? []), item]);

  return (
    <section aria-labelledby="assignment-heading" className="panel">
      <h2 id="assignment-heading">{t('judging.assign.title')}</h2>
      {round.status === 'DRAFT' ? (
        <form className="stack" onSubmit={run}>
          <p className="hint">{t('judging.assign.hint')}</p>
          <Field label={t('judging.assign.seed')} hint={t('judging.assign.seedHint')}>
            {(props) => <input {...props} type="text" inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} />}
          </Field>
          <ProblemNotice problem={problem} />
          <button type="submit" disabled={result.fetching}>
            {plan ? t('judging.assign.rerun') : t('judging.assign.run')}
          </button>
        </form>
      ) : (
        <p className="muted">{t('judging.assign.frozen')}</p>
      )}
      {!plan ? (
        <p>{t('judging.assign.none')}</p>
      ) : (
        <>
          <dl className="facts">
            <dt>{t('judging.assign.proposals')}</dt>
            <dd>{plan.proposalCount}</dd>
            <dt>{t('judging.assign.assignments')}</dt>
            <dd>{plan.assignmentCount}</dd>
            <dt>{t('judging.assign.spread')}</dt>
            <dd>
              {plan.loadSpread} {plan.balanced ? t('judging.assign.balanced') : t('judging.assign.unbalanced')}
            </dd>
            <dt>{t('judging.assign.seedUsed')}</dt>
            <dd>
              <code>{plan.seed}</code> ({plan.algorithmVersion})
            </dd>
            <dt>{t('judging.assign.made')}</dt>
            <dd>
              {formatDateTime(plan.createdAt, round.hackathon.timeZone, locale)} —{' '}
              {plan.reasonCode
                ? [t(`judging.planReason.${plan.reasonCode}` as MessageKey, messageValues(plan.reasonArgs, locale)), plan.writtenReason]
                    .filter((part) => part)
                    .join(' — ')
                : plan.reason}
            </dd>
          </dl>
          <h3>{t('judging.assign.problems', { n: plan.problems.length })}</h3>
          {byProposal.size === 0 ? (
            <p className="notice notice-ok">{t('judging.assign.noProblems')}</p>
          ) : (
            <ul className="problems">
              {[...byProposal.entries()].map(([proposalId, problems]) => (
                <li key={proposalId}>
                  <strong>{problems[0].proposal ? <Localized text={problems[0].proposal.title} /> : proposalId}</strong>
                  <ul>
                    {problems.map((item, index) => (
                      <li key={index}>
                        {t(`judging.rule.${item.rule}` as MessageKey)}
                        {item.sector && <> ({t(`judging.sector.${item.sector}` as MessageKey)})</>}: {t('judging.assign.requiredAssigned', { required: item.required, assigned: item.assigned })}
                        <span className="muted">
                          {' — '}
                          <AssignmentCause problem={item} judgeName={(id) => plan.loads.find((load) => load.judgeId === id)?.judge?.displayName} />
                        </span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
          <TableScroll label={t('judging.assign.loads')}>
            <table>
              <caption>{t('judging.assign.loads')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('judging.log.judge')}</th>
                  <th scope="col">{t('judging.invite.sector')}</th>
                  <th scope="col">{t('judging.assign.load')}</th>
                  <th scope="col">{t('judging.invite.maxLoad')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.loads.map((load) => (
                  <tr key={load.judgeId}>
                    <th scope="row">{load.judge?.displayName ?? load.judgeId}</th>
                    <td>{t(`judging.sector.${load.sector}` as MessageKey)}</td>
                    <td>{num(load.load, locale)}</td>
                    <td>{load.maxLoad ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
