import { useEffect, useId, useMemo, useState } from 'react';
import { FieldErrorText } from '../../components/RefusalText';
import { useQuery } from 'urql';
import { TrackProposalChoicesDocument, type TrackProposalChoicesQuery } from './gql/graphql';
import { problemOf, type FieldError } from '../../api/errors';
import { Loading } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useLocalized } from '../../components/Localized';
import { useI18n } from '../../i18n/judging';

type Choice = TrackProposalChoicesQuery['proposals']['edges'][number]['node'];

/** The choices whose title (either language), proposer or id contains the filter text, ignoring case. */
export function filterChoices(choices: Choice[], text: string): Choice[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return choices;
  return choices.filter((c) =>
    [c.title.zhTW, c.title.en, c.proposerName, c.id].some((value) => (value ?? '').toLowerCase().includes(needle)),
  );
}

/**
 * The hackathon's proposals with checkboxes, for a BY_CHOICE track: a text filter (title, proposer or id), a page of
 * 100 at a time by title with more on request, and how many are chosen. Native checkboxes in a fieldset, so Tab and
 * Space work; chosen ids no longer listed (another page, a removed proposal) stay chosen and are named.
 */
export function ProposalPicker({
  slug,
  selected,
  onChange,
  error,
}: {
  slug: string;
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: FieldError;
}) {
  const { t } = useI18n();
  const localized = useLocalized();
  const id = useId();
  const [filter, setFilter] = useState('');
  const [after, setAfter] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Choice[]>([]);
  const [{ data, error: loadError, fetching }] = useQuery({ query: TrackProposalChoicesDocument, variables: { slug, after } });
  useEffect(() => {
    const page = data?.proposals.edges.map((edge) => edge.node) ?? [];
    setLoaded((previous) => {
      const known = new Set(previous.map((c) => c.id));
      return [...previous, ...page.filter((c) => !known.has(c.id))];
    });
  }, [data]);
  const shown = useMemo(() => filterChoices(loaded, filter), [loaded, filter]);
  const unlisted = selected.filter((chosen) => !loaded.some((c) => c.id === chosen));
  const toggle = (choice: string, on: boolean) =>
    onChange(on ? [...selected.filter((s) => s !== choice), choice] : selected.filter((s) => s !== choice));
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className={error ? 'proposal-picker field-invalid' : 'proposal-picker'} aria-describedby={errorId} aria-invalid={error ? true : undefined}>
      <legend>{t('awards.picker.legend')}</legend>
      <div className="field">
        <label htmlFor={`${id}-filter`}>{t('awards.picker.filter')}</label>
        <input id={`${id}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <p role="status" className="muted">
        {t('awards.picker.count', { chosen: selected.length, shown: shown.length, total: loaded.length })}
      </p>
      {loadError && loaded.length === 0 && <ProblemNotice problem={problemOf(loadError)} />}
      {fetching && loaded.length === 0 ? (
        <Loading />
      ) : (
        <ul className="picker-list">
          {shown.map((choice) => (
            <li key={choice.id}>
              <label className="checkbox">
                <input type="checkbox" checked={selected.includes(choice.id)} onChange={(e) => toggle(choice.id, e.target.checked)} />
                <span>
                  {localized(choice.title)}
                  <span className="muted"> · {choice.proposerName}</span>
                </span>
              </label>
            </li>
          ))}
          {shown.length === 0 && loaded.length > 0 && <li className="muted">{t('awards.picker.none')}</li>}
        </ul>
      )}
      {data?.proposals.pageInfo.hasNextPage && (
        <button type="button" className="button-secondary" disabled={fetching} onClick={() => setAfter(data.proposals.pageInfo.endCursor ?? null)}>
          {t('awards.picker.more')}
        </button>
      )}
      {unlisted.length > 0 && (
        <div>
          <p>{t('awards.picker.unlisted')}</p>
          <ul className="picker-list">
            {unlisted.map((chosen) => (
              <li key={chosen}>
                <label className="checkbox">
                  <input type="checkbox" checked onChange={() => toggle(chosen, false)} />
                  <code>{chosen}</code>
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <span id={errorId} className="field-error">
          <FieldErrorText error={error} />
        </span>
      )}
    </fieldset>
  );
}
