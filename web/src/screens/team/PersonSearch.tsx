import { useEffect, useId, useState } from 'react';
import { FieldErrorText } from '../../components/RefusalText';
import { useClient } from 'urql';
import { InviteCandidatesDocument, type InviteCandidatesQuery } from './gql/graphql';
import { problemOf, type Problem, type FieldError } from '../../api/errors';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useI18n } from '../../i18n';

export type Person = InviteCandidatesQuery['inviteCandidates'][number];

/** The server's minimum: one character finds too many people and says too much about who is here. */
export const MIN_SEARCH = 2;

/** Typing pauses this long before a search is sent (each search counts against the lead's rate limit). */
export const SEARCH_DELAY = { ms: 300 };

/**
 * Finding the person to invite: a part of their name, or their whole email address (the server never matches a part
 * of an address and never returns one). The results are buttons; choosing one shows who will be invited, with a way
 * back to the search. People already in the team or already invited are shown but cannot be chosen.
 */
export function PersonSearch({
  proposalId,
  chosen,
  onChoose,
  error,
}: {
  proposalId: string;
  chosen: Person | undefined;
  onChoose: (person: Person | undefined) => void;
  error: FieldError | undefined;
}) {
  const { t } = useI18n();
  const client = useClient();
  const id = useId();
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ text: string; people: Person[] }>();
  const [searching, setSearching] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const typed = text.trim();
  const tooShort = typed.length > 0 && [...typed].length < MIN_SEARCH;

  useEffect(() => {
    if ([...typed].length < MIN_SEARCH || chosen) return;
    let current = true;
    const timer = setTimeout(async () => {
      setSearching(true);
      const result = await client
        .query(InviteCandidatesDocument, { proposalId, search: typed }, { requestPolicy: 'network-only' })
        .toPromise();
      if (!current) return;
      setSearching(false);
      if (result.error || !result.data) {
        setProblem(problemOf(result.error));
        setFound(undefined);
        return;
      }
      setProblem(undefined);
      setFound({ text: typed, people: result.data.inviteCandidates });
    }, SEARCH_DELAY.ms);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, proposalId, typed, chosen]);

  if (chosen) {
    return (
      <div className="chosen-person">
        <p>{t('team.chosenPerson', { name: chosen.displayName })}</p>
        {error && (
          <p className="field-error">
            <FieldErrorText error={error} />
          </p>
        )}
        <button type="button" className="button-secondary" onClick={() => onChoose(undefined)}>
          {t('team.changePerson')}
        </button>
      </div>
    );
  }

  const people = found && found.text === typed ? found.people : [];
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  let status = '';
  if (tooShort) status = t('team.searchTooShort');
  else if (searching) status = t('team.searching');
  else if (found && found.text === typed && people.length === 0) status = t('team.noMatches', { text: typed });
  return (
    <div className={error ? 'field field-invalid person-search' : 'field person-search'}>
      <label htmlFor={`${id}-input`}>{t('team.findPerson')}</label>
      <span id={hintId} className="hint">
        {t('team.findPersonHint')}
      </span>
      <input
        id={`${id}-input`}
        type="search"
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        value={text}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      {error && (
        <span id={errorId} className="field-error">
          <FieldErrorText error={error} />
        </span>
      )}
      <p aria-live="polite" className="muted small search-status">
        {status}
      </p>
      <ProblemNotice problem={problem} />
      {people.length > 0 && (
        <ul className="plain-list person-results" aria-label={t('team.matchesLabel')}>
          {people.map((person) => {
            const taken = person.member || person.invited;
            const notes = [
              person.affiliations.join(', '),
              person.matchedByEmail ? t('team.matchedByEmail') : '',
              person.member ? t('team.alreadyMember') : person.invited ? t('team.alreadyInvited') : '',
            ].filter(Boolean);
            return (
              <li key={person.userId} className="person-result">
                <span>
                  {person.displayName}
                  {notes.length > 0 && <span className="muted small"> · {notes.join(' · ')}</span>}
                </span>
                <button
                  type="button"
                  className="button-secondary"
                  disabled={taken}
                  aria-label={t('team.choosePerson', { name: person.displayName })}
                  onClick={() => onChoose(person)}
                >
                  {t('team.choose')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
