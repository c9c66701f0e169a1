import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  ConfigureRoundAwardTracksDocument,
  RoundAwardTracksDocument,
  SelectTrackWinnersDocument,
  type RoundAwardTracksQuery,
} from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useLocalized } from '../../components/Localized';
import { useI18n } from '../../i18n/judging';
import { RoundDedication } from './RoundDedication';

type RoundTracks = NonNullable<RoundAwardTracksQuery['judgingRound']>;
type FedTrack = RoundTracks['awardTracks'][number];

/**
 * The award tracks a round feeds and, once the round is CLOSED, the selection of each track's winners among its
 * eligible proposals (docs/award-tracks.md). The outstanding track's selection is the round's own, made above.
 */
export function RoundAwardsSection({ roundId, onChanged }: { roundId: string; onChanged?: () => void }) {
  const { t } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: RoundAwardTracksDocument, variables: { roundId } });
  const round = data?.judgingRound;
  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    onChanged?.();
  };
  return (
    <section aria-labelledby="round-awards-heading" className="panel">
      <h2 id="round-awards-heading">{t('awards.round.title')}</h2>
      <p className="hint">{t('awards.round.hint')}</p>
      {fetching && !data && <Loading />}
      {error && !data && <ProblemNotice problem={problemOf(error)} />}
      {round && (
        <>
          {round.kind === 'REVIEW' && <RoundDedication key={`dedication-${round.awardTracksVersion}`} round={round} onSaved={reload} />}
          {!round.dedicatedTrack && <FeedsForm key={`feeds-${round.awardTracksVersion}`} round={round} onSaved={reload} />}
          {round.status === 'PUBLISHED' ? (
            <p className="muted">{t('awards.round.frozen')}</p>
          ) : round.status !== 'CLOSED' ? (
            <p className="muted">{t('awards.round.selectWhenClosed')}</p>
          ) : (
            round.awardTracks
              .filter((fed) => !fed.track.outstanding)
              .map((fed) => <TrackSelection key={`${fed.track.id}-${round.awardTracksVersion}`} round={round} fed={fed} onSaved={reload} />)
          )}
        </>
      )}
    </section>
  );
}

function FeedsForm({ round, onSaved }: { round: RoundTracks; onSaved: () => void }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const [chosen, setChosen] = useState(() => new Set(round.awardTracks.map((fed) => fed.track.id)));
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState(false);
  const [result, configure] = useMutation(ConfigureRoundAwardTracksDocument);
  const finalRound = round.kind === 'FINAL';
  const published = round.status === 'PUBLISHED';
  // A track with judges of its own is fed only by a round dedicated to it.
  const tracks = round.hackathon.awardTracks.filter((track) => (finalRound || !track.outstanding) && track.judges !== 'OWN');

  async function save(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    setSaved(false);
    const trackIds = tracks.filter((track) => chosen.has(track.id)).map((track) => track.id);
    const response = await configure({ input: { roundId: round.id, trackIds, expectedVersion: round.awardTracksVersion } });
    if (response.error) setProblem(problemOf(response.error));
    else {
      setSaved(true);
      onSaved();
    }
  }

  return (
    <form onSubmit={save}>
      <ProblemNotice problem={problem} onReload={onSaved} />
      <fieldset disabled={published}>
        <legend>{t('awards.round.feeds')}</legend>
        {tracks.map((track) => (
          <label key={track.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.has(track.id)}
              disabled={track.outstanding}
              onChange={(e) =>
                setChosen((current) => {
                  const next = new Set(current);
                  if (e.target.checked) next.add(track.id);
                  else next.delete(track.id);
                  return next;
                })
              }
            />{' '}
            {localized(track.name)} ({track.quota})
          </label>
        ))}
      </fieldset>
      {!published && (
        <button type="submit" disabled={result.fetching}>
          {t('awards.round.save')}
        </button>
      )}
      {saved && <p role="status">{t('awards.round.saved')}</p>}
    </form>
  );
}

function TrackSelection({ round, fed, onSaved }: { round: RoundTracks; fed: FedTrack; onSaved: () => void }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const name = localized(fed.track.name);
  const eligible = fed.eligibleProposals ?? [];
  const [chosen, setChosen] = useState(() => new Set(fed.selection?.proposalIds ?? []));
  const [justification, setJustification] = useState(fed.selection?.justification ?? '');
  const [tieResolution, setTieResolution] = useState(fed.selection?.tieResolution ?? '');
  const [quotaOverride, setQuotaOverride] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [result, select] = useMutation(SelectTrackWinnersDocument);
  const headingId = `track-${fed.track.slug}-heading`;
  const titleOf = (id: string) => {
    const proposal = eligible.find((p) => p.id === id);
    return proposal ? localized(proposal.title) : id;
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    const response = await select({
      input: {
        roundId: round.id,
        trackId: fed.track.id,
        proposalIds: eligible.filter((p) => chosen.has(p.id)).map((p) => p.id),
        justification: justification.trim() || undefined,
        tieResolution: tieResolution.trim() || undefined,
        quotaOverride: quotaOverride || undefined,
        expectedVersion: round.awardTracksVersion,
      },
    });
    if (response.error) setProblem(problemOf(response.error));
    else onSaved();
  }

  return (
    <form onSubmit={save} aria-labelledby={headingId} className="track-selection">
      <h3 id={headingId}>{t('awards.select.title', { name })}</h3>
      <p>{t('awards.select.quota', { quota: fed.quota })}</p>
      <p className="muted">
        {fed.selection
          ? t('awards.select.current', { kind: fed.selection.kind, titles: fed.selection.proposalIds.map(titleOf).join(', ') })
          : t('awards.select.none')}
      </p>
      <ProblemNotice problem={problem} onReload={onSaved} shownFields={['justification', 'tieResolution']} />
      {eligible.length === 0 ? (
        <p>{t('awards.select.noEligible')}</p>
      ) : (
        <>
          <fieldset>
            <legend>{t('awards.tracks.eligibility')}</legend>
            {eligible.map((proposal) => (
              <label key={proposal.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.has(proposal.id)}
                  onChange={(e) =>
                    setChosen((current) => {
                      const next = new Set(current);
                      if (e.target.checked) next.add(proposal.id);
                      else next.delete(proposal.id);
                      return next;
                    })
                  }
                />{' '}
                {localized(proposal.title)}
              </label>
            ))}
          </fieldset>
          <Field label={t('awards.select.justification')} error={problem?.fields.justification}>
            {(props) => <textarea {...props} rows={3} value={justification} onChange={(e) => setJustification(e.target.value)} />}
          </Field>
          <Field label={t('awards.select.tieResolution')} error={problem?.fields.tieResolution}>
            {(props) => <textarea {...props} rows={2} value={tieResolution} onChange={(e) => setTieResolution(e.target.value)} />}
          </Field>
          <label className="checkbox">
            <input type="checkbox" checked={quotaOverride} onChange={(e) => setQuotaOverride(e.target.checked)} /> {t('awards.select.quotaOverride')}
          </label>
          <button type="submit" disabled={result.fetching}>
            {t('awards.select.save', { name })}
          </button>
        </>
      )}
    </form>
  );
}
