import { useQuery } from 'urql';
import { TrackJudgeChoicesDocument, type AwardJudges } from './gql/graphql';
import { useI18n, type MessageKey } from '../../i18n/judging';
import type { FieldError } from '../../api/errors';
import { FieldErrorText } from '../../components/RefusalText';

const KINDS: AwardJudges[] = ['SHARED', 'OWN'];

/**
 * Who judges an award track: the feeding round's panel (SHARED) or judges of its own (OWN), chosen with checkboxes
 * among the hackathon's ACTIVE judges (docs/award-tracks.md, "Own judges"). A chosen judge who is no longer active
 * stays listed, so that unchecking them is possible; the server refuses inactive judges by name.
 */
export function OwnJudgesPicker({
  slug,
  judges,
  judgeIds,
  onChange,
  error,
}: {
  slug: string;
  judges: AwardJudges;
  judgeIds: string[];
  onChange: (judges: AwardJudges, judgeIds: string[]) => void;
  error?: FieldError;
}) {
  const { t } = useI18n();
  const [{ data, fetching }] = useQuery({ query: TrackJudgeChoicesDocument, variables: { slug }, pause: judges !== 'OWN' });
  const panel = data?.judges ?? [];
  const choices = panel.filter((judge) => judge.status === 'ACTIVE' || judgeIds.includes(judge.id));
  const chosen = new Set(judgeIds);
  const toggle = (id: string, on: boolean) => onChange(judges, on ? [...judgeIds.filter((j) => j !== id), id] : judgeIds.filter((j) => j !== id));
  return (
    <>
      <fieldset>
        <legend>{t('ownJudges.legend')}</legend>
        {KINDS.map((kind) => (
          <label key={kind} className="checkbox">
            <input type="radio" name="track-judges" value={kind} checked={judges === kind} onChange={() => onChange(kind, judgeIds)} />{' '}
            {t(`ownJudges.${kind}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      {judges === 'OWN' && (
        <fieldset aria-invalid={error ? true : undefined} aria-describedby={error ? 'own-judges-error' : undefined}>
          <legend>{t('ownJudges.pick')}</legend>
          <p className="hint">{t('ownJudges.pickHint')}</p>
          {fetching && !data && <p className="muted">{t('ownJudges.loading')}</p>}
          {data && choices.length === 0 && <p className="muted">{t('ownJudges.none')}</p>}
          {choices.map((judge) => (
            <label key={judge.id} className="checkbox">
              <input type="checkbox" checked={chosen.has(judge.id)} onChange={(e) => toggle(judge.id, e.target.checked)} />{' '}
              {judge.status === 'ACTIVE' ? judge.displayName : t('ownJudges.notActive', { name: judge.displayName })} ({judge.sector})
            </label>
          ))}
          {error && (
            <p id="own-judges-error" className="field-error">
              <FieldErrorText error={error} />
            </p>
          )}
        </fieldset>
      )}
    </>
  );
}
