import { useState } from 'react';
import { useMutation } from 'urql';
import { DeleteAwardTrackDocument, type AwardTrackFieldsFragment } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useLocalized } from '../../components/Localized';
import { useI18n } from '../../i18n/judging';

/**
 * Deleting a track, after a confirmation, with the version it was loaded at. The server refuses a track a published
 * round awarded (published results keep their awards) and says so here; the outstanding track has no button.
 */
export function TrackDelete({ track, onDeleted, onReload }: { track: AwardTrackFieldsFragment; onDeleted: (message: string) => void; onReload: () => void }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [state, remove] = useMutation(DeleteAwardTrackDocument);
  const name = localized(track.name);

  async function confirm() {
    setProblem(undefined);
    const response = await remove({ input: { trackId: track.id, expectedVersion: track.version } });
    if (response.error) {
      setProblem(problemOf(response.error));
      setConfirming(false);
      return;
    }
    onDeleted(t('awards.tracks.deleted', { name }));
  }

  return (
    <div>
      {confirming ? (
        <div role="group" aria-label={t('awards.tracks.deleteConfirm', { name })}>
          <p>{t('awards.tracks.deleteConfirm', { name })}</p>
          <button type="button" className="button-danger" disabled={state.fetching} onClick={confirm}>
            {t('awards.tracks.deleteYes', { name })}
          </button>{' '}
          <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
            {t('awards.tracks.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
          {t('awards.tracks.delete', { name })}
        </button>
      )}
      <ProblemNotice problem={problem} onReload={onReload} />
    </div>
  );
}
