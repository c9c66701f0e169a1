import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useMutation, useQuery, type CombinedError } from 'urql';
import {
  OrganizerRankingDocument,
  PublicationPreviewDocument,
  PublishRoundDocument,
  RoundOverviewDocument,
  RoundProgressDocument,
  SelectProposalsDocument,
  type OrganizerRankingQuery,
  type PublicationPreviewQuery,
  type PublishRoundMutation,
  type RoundProgressQuery,
  type RoundOverviewQuery,
  type SelectionKind,
} from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { ConfirmDialog } from '../../components/Dialog';
import { CodedText } from '../../components/CodedText';
import { Field } from '../../components/Field';
import { Localized, useLocalized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { RoundAwardsSection } from './RoundAwardsSection';
import { TableScroll } from '../../components/TableScroll';
import { ProgressBar } from '../../components/Progress';
import { formatDateTime } from '../../lib/dates';
import { useI18n, type MessageKey } from '../../i18n/judging';
import { RankingTable, type RankingLine } from '../shared/RankingTable';
import { PublishProblemText, UnrankedReason } from '../shared/judgingText';
import { RoundDiagnosticsSection } from './RoundDiagnosticsSection';
import { ExpoRankingSection } from './ExpoRankingSection';
import { FeedbackModerationSection } from './FeedbackModeration';
import { RemindJudgesSection } from './RemindJudges';
import { RoundStatusActions, isWrittenReason, num, roundPath } from './judgingShared';

type Round = NonNullable<RoundOverviewQuery['judgingRound']>;
type Ranking = OrganizerRankingQuery['roundRanking'];
type Progress = RoundProgressQuery['roundProgress'];
type RankingState = { data?: OrganizerRankingQuery; error?: CombinedError; fetching: boolean };

/** The selection the API will record for these proposals, as PublicationService decides it. */
export function selectionKind(
  ranking: { lines: { proposalId: string; inTopN: boolean }[]; ties: { proposalIds: string[]; acrossCut: boolean }[] },
  chosen: string[],
  cut: number,
): SelectionKind {
  const topN = ranking.lines.filter((line) => line.inTopN).map((line) => line.proposalId);
  const acrossCut = ranking.ties.find((tie) => tie.acrossCut);
  const chosenSet = new Set(chosen);
  if (!acrossCut && chosenSet.size === topN.length && topN.every((id) => chosenSet.has(id))) return 'TOP_N';
  if (acrossCut && chosenSet.size === cut) {
    const tied = new Set(acrossCut.proposalIds);
    const keepsUntied = topN.every((id) => tied.has(id) || chosenSet.has(id));
    const onlyTopN = chosen.every((id) => topN.includes(id));
    if (keepsUntied && onlyTopN) return 'TIE_RESOLVED';
  }
  return 'OVERRIDE';
}

/** A round's judging progress (per judge, per proposal), ranking with its uncertainty, selection and publication. */
export default function RoundResults({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const [{ data, error, fetching }, refetch] = useQuery({ query: RoundOverviewDocument, variables: { roundId: params.roundId } });
  // Sheet progress is a RUBRIC round's: not asked for a PAIRWISE one (its progress is in the expo ranking's counts).
  const pairwiseRound = data?.judgingRound?.method === 'PAIRWISE';
  const [progress, refetchProgress] = useQuery({
    query: RoundProgressDocument,
    variables: { roundId: params.roundId },
    requestPolicy: 'cache-and-network',
    pause: !data || pairwiseRound,
  });
  const [ranking, refetchRanking] = useQuery({ query: OrganizerRankingDocument, variables: { roundId: params.roundId }, requestPolicy: 'cache-and-network' });
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
  const reloadAll = () => {
    refetch({ requestPolicy: 'network-only' });
    if (round.method !== 'PAIRWISE') refetchProgress({ requestPolicy: 'network-only' });
    refetchRanking({ requestPolicy: 'network-only' });
  };
  return (
    <Page
      title={t('judging.results.title', { round: localized(round.name), hackathon: localized(round.hackathon.name) })}
      actions={
        <>
          <Link className="button button-secondary" href={`/organize/hackathons/${round.hackathon.slug}/judging`}>
            {t('judging.round.backToPanel')}
          </Link>
          <Link className="button button-secondary" href={roundPath(round.hackathon.slug, round.id)}>
            {t('judging.panel.setUpShort')}
          </Link>
        </>
      }
    >
      <RoundStatusActions round={round} onChanged={reloadAll} />
      {round.status === 'OPEN' && <RemindJudgesSection roundId={round.id} timeZone={round.hackathon.timeZone} />}
      {round.method === 'PAIRWISE' ? (
        <>
          <ExpoRankingSection key={`expo-${round.version}`} roundId={round.id} />
          <section aria-labelledby="ranking-heading" className="panel" data-testid="expo-selection">
            <h2 id="ranking-heading">{t('judging.expoSelect.title')}</h2>
            <p className="hint">{t('judging.expoSelect.hint')}</p>
            <RankingSelectionAndPublication round={round} ranking={ranking} reloadAll={reloadAll} />
          </section>
        </>
      ) : (
        <RubricResults round={round} progress={progress} ranking={ranking} reloadAll={reloadAll} />
      )}
      {/* The other award tracks this round feeds, selected on the same ranking and published with it. */}
      <RoundAwardsSection key={`awards-${round.version}`} roundId={round.id} onChanged={reloadAll} />
      <FeedbackModerationSection roundId={round.id} />
    </Page>
  );
}

/** A RUBRIC round's progress, ranking and selection, diagnostics. */
function RubricResults({
  round,
  progress,
  ranking,
  reloadAll,
}: {
  round: Round;
  progress: { data?: RoundProgressQuery; error?: CombinedError; fetching: boolean };
  ranking: RankingState;
  reloadAll: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <section aria-labelledby="progress-heading" className="panel">
        <h2 id="progress-heading">{t('judging.progress.title')}</h2>
        {progress.fetching && !progress.data && <Loading />}
        {progress.error && !progress.data && <ProblemNotice problem={problemOf(progress.error)} />}
        {progress.data && <ProgressTables progress={progress.data.roundProgress} />}
      </section>
      <section aria-labelledby="ranking-heading" className="panel">
        <h2 id="ranking-heading">{t('judging.ranking.title')}</h2>
        <RankingSelectionAndPublication round={round} ranking={ranking} reloadAll={reloadAll} />
      </section>
      {ranking.data && <RoundDiagnosticsSection roundId={round.id} />}
    </>
  );
}

/** The ranking (roundRanking, of either method) with the selection on it, then publication. */
function RankingSelectionAndPublication({ round, ranking, reloadAll }: { round: Round; ranking: RankingState; reloadAll: () => void }) {
  return (
    <>
      {ranking.fetching && !ranking.data && <Loading />}
      {ranking.error && !ranking.data && <ProblemNotice problem={problemOf(ranking.error)} />}
      {ranking.data && (
        <RankingAndSelection key={`${round.version}`} round={round} ranking={ranking.data.roundRanking} onChanged={reloadAll} />
      )}
      {/* Outside the selection (which starts afresh with each version of the round): what publishing did stays. */}
      <PublishPanel round={round} onPublished={reloadAll} />
    </>
  );
}

function ProgressTables({ progress }: { progress: Progress }) {
  const { t } = useI18n();
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  return (
    <>
      <p className="progress-line">
        <ProgressBar value={share(progress.submitted, progress.assigned)} label={t('judging.progress.overall', { submitted: progress.submitted, assigned: progress.assigned })} />{' '}
        {t('judging.progress.overall', { submitted: progress.submitted, assigned: progress.assigned })}
      </p>
      {progress.judges.length === 0 ? (
        <p>{t('judging.progress.none')}</p>
      ) : (
        <TableScroll label={t('judging.progress.byJudge')}>
          <table>
            <caption>{t('judging.progress.byJudge')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('judging.log.judge')}</th>
                <th scope="col">{t('judging.invite.sector')}</th>
                <th scope="col">{t('judging.progress.assigned')}</th>
                <th scope="col">{t('judging.progress.DRAFT')}</th>
                <th scope="col">{t('judging.progress.SUBMITTED')}</th>
                <th scope="col">{t('judging.progress.VOIDED')}</th>
                <th scope="col">{t('judging.progress.bar')}</th>
              </tr>
            </thead>
            <tbody>
              {progress.judges.map((row) => (
                <tr key={row.judge.id}>
                  <th scope="row">{row.judge.displayName}</th>
                  <td>{t(`judging.sector.${row.judge.sector}` as MessageKey)}</td>
                  <td>{row.assigned}</td>
                  <td>{row.drafts}</td>
                  <td>{row.submitted}</td>
                  <td>{row.voided}</td>
                  <td>
                    <ProgressBar value={share(row.submitted, row.assigned)} label={t('judging.progress.of', { name: row.judge.displayName })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {progress.proposals.length > 0 && (
        <TableScroll label={t('judging.progress.byProposal')}>
          <table>
            <caption>{t('judging.progress.byProposal')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('judging.log.proposal')}</th>
                <th scope="col">{t('judging.progress.assigned')}</th>
                <th scope="col">{t('judging.progress.SUBMITTED')}</th>
              </tr>
            </thead>
            <tbody>
              {progress.proposals.map((row) => (
                <tr key={row.proposalId}>
                  <th scope="row">
                    <Localized text={row.proposal.title} />
                  </th>
                  <td>{row.assigned}</td>
                  <td>{row.submitted}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

function RankingAndSelection({ round, ranking, onChanged }: { round: Round; ranking: Ranking; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  const cut = ranking.outstandingQuota;
  // A round dedicated to an award track selects that track's winners (Award tracks, below), not its own.
  const selectable = round.status === 'CLOSED' && !round.dedicatedTrack;
  const current = round.selection;
  const [chosen, setChosen] = useState<string[]>(() => current?.proposalIds ?? ranking.lines.filter((line) => line.inTopN).map((line) => line.proposalId));
  const [justification, setJustification] = useState(current?.justification ?? '');
  const [tieReason, setTieReason] = useState(current?.tieResolution ?? '');
  const [quotaOverride, setQuotaOverride] = useState(false);
  const [checked, setChecked] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState(false);
  const [select, runSelect] = useMutation(SelectProposalsDocument);
  const kind = selectionKind(ranking, chosen, cut);
  const otherThanN = chosen.length !== cut;
  const title = (id: string) => {
    // A selected proposal may have become unranked since (e.g. its sector weighted 0): it still has a title.
    const proposal = ranking.lines.find((l) => l.proposalId === id)?.proposal ?? ranking.unranked.find((u) => u.proposalId === id)?.proposal;
    return proposal ? localized(proposal.title) : id;
  };
  const justificationError =
    checked && kind === 'OVERRIDE' && !isWrittenReason(justification) ? t('judging.select.justificationRequired') : problem?.fields.justification;
  const tieError = checked && kind === 'TIE_RESOLVED' && !isWrittenReason(tieReason) ? t('judging.select.tieRequired') : problem?.fields.tieResolution;
  const quotaError = checked && otherThanN && !quotaOverride ? t('judging.select.quotaRequired', { n: chosen.length, cut }) : problem?.fields.quotaOverride;
  const summary = ranking.summary;
  const pairwise = round.method === 'PAIRWISE';

  async function save(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    setSaved(false);
    setProblem(undefined);
    if (
      (kind === 'OVERRIDE' && !isWrittenReason(justification)) ||
      (kind === 'TIE_RESOLVED' && !isWrittenReason(tieReason)) ||
      (otherThanN && !quotaOverride)
    ) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.selection-form [aria-invalid="true"]')?.focus());
      return;
    }
    const response = await runSelect({
      input: {
        roundId: round.id,
        proposalIds: chosen,
        justification: kind === 'OVERRIDE' ? justification.trim() : undefined,
        tieResolution: kind === 'TIE_RESOLVED' ? tieReason.trim() : undefined,
        quotaOverride: otherThanN ? true : undefined,
        expectedVersion: round.version,
      },
    });
    if (response.error) setProblem(problemOf(response.error));
    else {
      setSaved(true);
      onChanged();
    }
  }

  return (
    <>
      {pairwise ? (
        <dl className="facts">
          <dt>{t('judging.ranking.counts')}</dt>
          <dd>
            {/* A pairwise ranking's summary counts comparisons where a rubric one counts sheets. */}
            {t('judging.expoRanking.countsValue', {
              ranked: summary.rankedCount,
              proposals: summary.proposalCount,
              comparisons: summary.sheetCount,
              judges: summary.judgeCount,
            })}
          </dd>
          <dt>{t('judging.ranking.method')}</dt>
          <dd>{t('judging.expoRanking.method', { method: ranking.algorithmVersion, b: summary.bootstrapReplicates, seed: summary.seed })}</dd>
        </dl>
      ) : (
        <dl className="facts">
          <dt>{t('judging.ranking.counts')}</dt>
          <dd>
            {t('judging.ranking.countsValue', {
              ranked: summary.rankedCount,
              proposals: summary.proposalCount,
              sheets: summary.sheetCount,
              judges: summary.judgeCount,
            })}
          </dd>
          <dt>{t('judging.ranking.method')}</dt>
          <dd>
            {summary.normalised ? t('judging.ranking.normalised') : t('judging.ranking.raw')} · μ {num(summary.mean, locale)} · σ{' '}
            {num(summary.standardDeviation, locale)} · {t('judging.ranking.bootstrap', { b: summary.bootstrapReplicates, seed: summary.seed })} ·{' '}
            {ranking.algorithmVersion}
          </dd>
          <dt>{t('judging.ranking.weights')}</dt>
          <dd>
            {summary.sectorWeights
              .filter((w) => w.weight > 0)
              .map((w) => `${t(`judging.sector.${w.sector}` as MessageKey)} ${num(w.weight, locale)}`)
              .join(' · ')}
            {summary.voteWeight != null && ` · ${t('judging.ranking.vote')} ${num(summary.voteWeight, locale)}`}
          </dd>
        </dl>
      )}
      {ranking.lines.length === 0 ? (
        <p>{t('judging.ranking.empty')}</p>
      ) : (
        <form className="selection-form stack" onSubmit={save} noValidate>
          <RankingTable
            ranking={ranking}
            caption={t('judging.ranking.caption', { n: cut })}
            chosen={(line) => line.inTopN}
            leading={
              selectable
                ? {
                    header: t('judging.select.column'),
                    cell: (line, name) => (
                      <input
                        type="checkbox"
                        aria-label={t('judging.select.one', { title: name })}
                        checked={chosen.includes(line.proposalId)}
                        onChange={(e) => setChosen(e.target.checked ? [...chosen, line.proposalId] : chosen.filter((id) => id !== line.proposalId))}
                      />
                    ),
                  }
                : undefined
            }
            trailing={{ header: t('judging.ranking.flags'), cell: (line) => <Flags line={line} pairwise={pairwise} /> }}
            detailed
            pairwise={pairwise}
          />
          {ranking.ties.length > 0 && (
            <ul>
              {ranking.ties.map((tie) => (
                <li key={tie.rank}>
                  {t(tie.acrossCut ? 'judging.ranking.tieAcross' : 'judging.ranking.tie', { rank: tie.rank, titles: tie.proposalIds.map(title).join(', ') })}
                </li>
              ))}
            </ul>
          )}
          {ranking.unranked.length > 0 && (
            <>
              <h3>{t('judging.ranking.unranked')}</h3>
              <ul>
                {ranking.unranked.map((item) => (
                  <li key={item.proposalId}>
                    <Localized text={item.proposal.title} />:{' '}
                    <span className="muted">
                      <UnrankedReason item={item} />
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3 id="selection-heading">{t('judging.select.title')}</h3>
          {current && (
            <p className="notice">
              {t('judging.select.current', {
                kind: t(`judging.selectionKind.${current.kind}` as MessageKey),
                titles: current.proposalIds.map(title).join(', '),
                time: formatDateTime(current.at, round.hackathon.timeZone, locale),
              })}
              {current.justification && <> {t('judging.select.justificationShown', { text: current.justification })}</>}
              {current.tieResolution && <> {t('judging.select.tieShown', { text: current.tieResolution })}</>}
            </p>
          )}
          {!selectable ? (
            <p className="muted">
              {round.dedicatedTrack
                ? t('ownJudges.selectInTrack', { name: localized(round.dedicatedTrack.name) })
                : round.status === 'PUBLISHED'
                  ? t('judging.select.published')
                  : t('judging.select.closeFirst')}
            </p>
          ) : (
            <>
              <ProblemNotice problem={problem} onReload={onChanged} shownFields={['justification', 'tieResolution', 'quotaOverride']} />
              {saved && (
                <p role="status" className="notice notice-ok">
                  {t('judging.select.saved')}
                </p>
              )}
              <p aria-live="polite">
                {t('judging.select.chosen', { n: chosen.length, cut })} {t(`judging.select.kind.${kind}` as MessageKey)}
              </p>
              {kind === 'TIE_RESOLVED' && (
                <Field label={t('judging.select.tieLabel')} hint={t('judging.select.tieHint')} error={tieError}>
                  {(props) => <textarea {...props} rows={2} value={tieReason} onChange={(e) => setTieReason(e.target.value)} />}
                </Field>
              )}
              {otherThanN && (
                <Field label={t('judging.select.quotaLabel', { n: chosen.length, cut })} hint={t('judging.select.quotaHint')} error={quotaError}>
                  {(props) => <input {...props} type="checkbox" checked={quotaOverride} onChange={(e) => setQuotaOverride(e.target.checked)} />}
                </Field>
              )}
              {kind === 'OVERRIDE' && (
                <Field label={t('judging.select.justificationLabel')} hint={t('judging.select.justificationHint')} error={justificationError}>
                  {(props) => <textarea {...props} rows={3} value={justification} onChange={(e) => setJustification(e.target.value)} />}
                </Field>
              )}
              <div className="button-row">
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => setChosen(ranking.lines.filter((line) => line.inTopN).map((line) => line.proposalId))}
                >
                  {t('judging.select.topN', { n: cut })}
                </button>
                <button type="submit" disabled={select.fetching}>
                  {t('judging.select.save')}
                </button>
              </div>
            </>
          )}
        </form>
      )}
    </>
  );
}

function Flags({ line, pairwise }: { line: RankingLine; pairwise: boolean }) {
  const { t } = useI18n();
  const flags: string[] = [];
  if (line.inTopN) flags.push(t('judging.ranking.flag.top'));
  if (line.tied) flags.push(t('judging.ranking.flag.tied'));
  if (line.straddlesCut) flags.push(t('judging.ranking.flag.straddles'));
  if (pairwise && line.evidence && !line.evidence.sufficient) {
    flags.push(t('judging.expoRanking.flagInsufficient', { n: line.evidence.sheetCount, m: line.evidence.sheetsRequired }));
  } else if (line.evidence && !line.evidence.sufficient) {
    const short = line.evidence.sectors.filter((s) => s.sheetCount < s.minimum).map((s) => t(`judging.sector.${s.sector}` as MessageKey));
    flags.push(t('judging.ranking.flag.insufficient', { n: line.evidence.sheetCount, k: line.evidence.sheetsRequired }) + (short.length > 0 ? ` (${short.join(', ')})` : ''));
  }
  if (line.missingSectors.length > 0) {
    flags.push(t('judging.ranking.flag.missing', { sectors: line.missingSectors.map((s) => t(`judging.sector.${s}` as MessageKey)).join(', ') }));
  }
  return flags.length === 0 ? <>—</> : <>{flags.join(' · ')}</>;
}

function PublishPanel({ round, onPublished }: { round: Round; onPublished: () => void }) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  const [confirming, setConfirming] = useState(false);
  const [knowingly, setKnowingly] = useState(false);
  const [knowinglyError, setKnowinglyError] = useState<string>();
  const [problem, setProblem] = useState<Problem>();
  const [published, setPublished] = useState<PublishRoundMutation['publishRound']>();
  const [result, publish] = useMutation(PublishRoundDocument);
  const [preview] = useQuery({
    query: PublicationPreviewDocument,
    variables: { roundId: round.id },
    pause: round.status !== 'CLOSED' || !round.selection,
    requestPolicy: 'cache-and-network',
  });
  const publicPage = `/hackathons/${round.hackathon.slug}/results`;
  const facts = round.status === 'CLOSED' && round.selection ? preview.data?.publicationPreview : undefined;
  const unresolved = facts?.unresolvedCount ?? 0;

  async function confirm() {
    if (unresolved > 0 && !knowingly) {
      setKnowinglyError(t('judging.publish.knowinglyRequired'));
      return;
    }
    setProblem(undefined);
    setKnowinglyError(undefined);
    const response = await publish({ input: { roundId: round.id, confirmOpenCases: unresolved > 0 ? true : undefined } });
    setConfirming(false);
    setKnowingly(false);
    const payload = response.data?.publishRound;
    if (!payload) setProblem(problemOf(response.error));
    else {
      setPublished(payload);
      onPublished();
    }
  }

  return (
    <section aria-labelledby="publish-heading" className="publish">
      <h3 id="publish-heading">{t('judging.publish.title')}</h3>
      <ProblemNotice problem={problem} onReload={onPublished} />
      {published && (
        <div role="status" className="notice notice-ok">
          <p>{t('judging.publish.done', { n: published.movedProposalIds.length })}</p>
          {published.problems.length > 0 && (
            <ul>
              {published.codedProblems.map((item) => (
                <li key={item.proposalId}>
                  <PublishProblemText problem={item} title={item.proposal ? localized(item.proposal.title) : item.proposalId} />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {round.status === 'PUBLISHED' ? (
        <p>
          {round.publishedAt && t('judging.publish.at', { time: formatDateTime(round.publishedAt, round.hackathon.timeZone, locale) })}{' '}
          <Link href={publicPage}>{t('judging.publish.publicPage')}</Link>
        </p>
      ) : (
        <>
          <p className="muted">{round.selection ? t('judging.publish.ready') : t('judging.publish.selectFirst')}</p>
          {facts && <PublicationFacts facts={facts} />}
          <button type="button" disabled={!round.selection || round.status !== 'CLOSED' || result.fetching} onClick={() => setConfirming(true)}>
            {t('judging.publish.button')}
          </button>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('judging.publish.confirmTitle')}
        confirmLabel={t('judging.publish.confirm')}
        cancelLabel={t('common.cancel')}
        busy={result.fetching}
        onConfirm={() => void confirm()}
        onCancel={() => {
          setConfirming(false);
          setKnowinglyError(undefined);
        }}
      >
        <p>{t('judging.publish.confirmText')}</p>
        {unresolved > 0 && (
          <Field label={t('judging.publish.knowingly', { n: unresolved })} error={knowinglyError}>
            {(props) => <input {...props} type="checkbox" checked={knowingly} onChange={(e) => setKnowingly(e.target.checked)} />}
          </Field>
        )}
      </ConfirmDialog>
    </section>
  );
}

type Preview = NonNullable<PublicationPreviewQuery['publicationPreview']>;

/** What publishing would publish and every open case of the ranking (publicationPreview), before confirming. */
function PublicationFacts({ facts }: { facts: Preview }) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  return (
    <div className="publication-preview stack">
      {facts.codedBlockers.length > 0 && (
        <ul className="notice blockers">
          {facts.codedBlockers.map((blocker) => (
            <li key={blocker.code}>
              <CodedText prefix="rule" text={blocker} />
            </li>
          ))}
        </ul>
      )}
      <h4>{t('judging.publish.selected', { n: facts.selected.length, cut: facts.cut })}</h4>
      <ul>
        {facts.selected.map((item) => (
          <li key={item.proposalId}>
            <Localized text={item.proposal.title} />
          </li>
        ))}
      </ul>
      <h4>{t('judging.publish.openCases', { n: facts.openCases.length, unresolved: facts.unresolvedCount })}</h4>
      {facts.openCases.length === 0 ? (
        <p>{t('judging.publish.noOpenCases')}</p>
      ) : (
        <ul className="open-cases">
          {facts.openCases.map((item, index) => (
            <li key={`${item.kind}:${index}`}>
              <strong>{t(`judging.openCase.${item.kind}` as MessageKey)}</strong>
              {item.proposals.length > 0 && <>: {item.proposals.map((p) => localized(p.title)).join(', ')}</>}
              {item.resolved && <> · {t('judging.publish.resolved')}</>}{' '}
              {/* The server's sentence is English; other readers get the kind explained from the catalog. */}
              {locale === 'en' ? (
                <span className="muted">{item.message}</span>
              ) : (
                <span className="muted">{t(`judging.openCaseHelp.${item.kind}` as MessageKey, { judge: item.judge?.displayName ?? '' })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
