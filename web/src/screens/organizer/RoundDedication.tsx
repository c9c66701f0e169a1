import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { DedicateRoundToTrackDocument, type RoundAwardTracksQuery } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { Field } from '../../components/Field';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useLocalized } from '../../components/Localized';
import { useI18n } from '../../i18n/judging';

type RoundTracks = NonNullable<RoundAwardTracksQuery['judgingRound']>;

/**
 * Dedicates a DRAFT REVIEW round to an award track with judges of its own, or ends the dedication
 * (docs/award-tracks.md, "Own judges"). Past DRAFT it only says which track the round is dedicated to.
 */
export function RoundDedication({ round, onSaved }: { round: RoundTracks; onSaved: () => void }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const own = round.hackathon.awardTracks.filter((track) => track.judges === 'OWN');
  const current = round.dedicatedTrack?.id ?? '';
  const [trackId, setTrackId] = useState(current);
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState(false);
  const [result, dedicate] = useMutation(DedicateRoundToTrackDocument);
  const dedicatedTo = round.hackathon.awardTracks.find((track) => track.id === current);
  if (round.status !== 'DRAFT' || (own.length === 0 && !current)) {
    return dedicatedTo ? <p className="notice">{t('ownJudges.dedicated', { name: localized(dedicatedTo.name) })}</p> : null;
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    setSaved(false);
    const response = await dedicate({
      input: { roundId: round.id, trackId: trackId || null, expectedVersion: round.awardTracksVersion },
    });
    if (response.error) setProblem(problemOf(response.error));
    else {
      setSaved(true);
      onSaved();
    }
  }

  return (
    <form onSubmit={save} aria-label={t('ownJudges.dedication')}>
      <ProblemNotice problem={problem} onReload={onSaved} />
      <p className="hint">{t('ownJudges.dedicationHint')}</p>
      <Field label={t('ownJudges.dedication')}>
        {(props) => (
          <select {...props} value={trackId} onChange={(e) => setTrackId(e.target.value)}>
            <option value="">{t('ownJudges.noDedication')}</option>
            {own.map((track) => (
              <option key={track.id} value={track.id}>
                {localized(track.name)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={result.fetching || trackId === current}>
        {t('ownJudges.dedicate')}
      </button>
      {saved && <p role="status">{t('ownJudges.dedicationSaved')}</p>}
    </form>
  );
}
