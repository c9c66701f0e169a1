import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  AcceptMetadataUpdateDocument,
  DismissMetadataUpdateDocument,
  ProjectG0vJsonDocument,
  type ProjectG0vJsonQuery,
} from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { ProblemNotice } from '../../components/ProblemNotice';
import { TableScroll } from '../../components/TableScroll';
import { useI18n, type MessageKey } from '../../i18n/g0vjson';
import { formatDateTime } from '../../lib/dates';

type Update = NonNullable<NonNullable<ProjectG0vJsonQuery['project']>['metadataUpdates']>[number];

const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * What the g0v.json in a project's repository says, on the project's page: the last reading (a broken file's problem
 * for everyone), and for organizers and the project's team leads the metadata updates it proposes, each accepted or
 * dismissed. The server decides who sees the updates (null for anyone else) and checks every decision; nothing is
 * applied until someone accepts it.
 */
export function MetadataUpdates({ projectId, onApplied }: { projectId: string; onApplied: () => void }) {
  const { t, locale } = useI18n();
  const [{ data }, refetch] = useQuery({ query: ProjectG0vJsonDocument, variables: { id: projectId } });
  const [, accept] = useMutation(AcceptMetadataUpdateDocument);
  const [, dismiss] = useMutation(DismissMetadataUpdateDocument);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const project = data?.project;
  const check = project?.g0vJson;
  const updates = project?.metadataUpdates;
  if (!project || (!check && !updates)) return null;
  if (!check && updates && updates.length === 0) return null;

  const fieldName = (update: Update) => t(`g0vjson.field.${update.field}` as MessageKey);

  async function decide(update: Update, how: 'accept' | 'dismiss') {
    setBusy(update.id);
    setProblem(null);
    setDone(null);
    const result = how === 'accept' ? await accept({ input: { id: update.id } }) : await dismiss({ input: { id: update.id } });
    setBusy(null);
    if (result.error) {
      setProblem(problemOf(result.error) ?? null);
    } else {
      setDone(t(how === 'accept' ? 'g0vjson.accepted' : 'g0vjson.dismissed', { field: fieldName(update) }));
      if (how === 'accept') onApplied();
    }
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <section aria-labelledby="g0vjson-heading" className="g0v-json">
      <h2 id="g0vjson-heading">{t('g0vjson.title')}</h2>
      {check && (
        <p className="meta">
          {t('g0vjson.read', { date: formatDateTime(check.checkedAt, TIME_ZONE, locale) })}{' '}
          {check.sourceUrl && (
            <a href={check.sourceUrl} rel="noopener noreferrer nofollow">
              {t('g0vjson.source')}
            </a>
          )}
          {check.sourceCommit && (
            <>
              {' '}
              {t('g0vjson.commit', {
                sha: check.sourceCommit.slice(0, 7),
                date: check.sourceCommittedAt ? formatDateTime(check.sourceCommittedAt, TIME_ZONE, locale) : '—',
              })}
            </>
          )}
        </p>
      )}
      {check && !check.found && <p>{t('g0vjson.gone')}</p>}
      {check?.problem && (
        <p className="notice notice-warn" role="note">
          {t('g0vjson.problem', { problem: check.problem })}
        </p>
      )}
      {check?.status && <p className="muted">{t('g0vjson.status', { status: check.status })}</p>}
      {done && (
        <p role="status" className="notice notice-ok">
          {done}
        </p>
      )}
      {problem && <ProblemNotice problem={problem} />}
      {updates && updates.length === 0 && check?.found && !check.problem && <p>{t('g0vjson.none')}</p>}
      {updates && updates.length > 0 && (
        <>
          <p>{t('g0vjson.intro')}</p>
          <TableScroll labelledBy="g0vjson-heading">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('g0vjson.field')}</th>
                  <th scope="col">{t('g0vjson.current')}</th>
                  <th scope="col">{t('g0vjson.proposed')}</th>
                  <th scope="col">{t('g0vjson.decision')}</th>
                </tr>
              </thead>
              <tbody>
                {updates.map((update) => (
                  <tr key={update.id}>
                    <th scope="row">{fieldName(update)}</th>
                    <td>{update.current ?? t('g0vjson.empty')}</td>
                    <td>{update.proposed}</td>
                    <td>
                      <button
                        type="button"
                        disabled={busy !== null}
                        onClick={() => decide(update, 'accept')}
                        aria-label={`${t('g0vjson.accept')}: ${fieldName(update)}`}
                      >
                        {t('g0vjson.accept')}
                      </button>{' '}
                      <button
                        type="button"
                        className="button-secondary"
                        disabled={busy !== null}
                        onClick={() => decide(update, 'dismiss')}
                        aria-label={`${t('g0vjson.dismiss')}: ${fieldName(update)}`}
                      >
                        {t('g0vjson.dismiss')}
                      </button>
                    </td>
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
