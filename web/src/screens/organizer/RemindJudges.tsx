import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { JudgesWithWorkLeftDocument, RemindJudgesDocument, type RemindJudgesMutation } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { ConfirmDialog } from '../../components/Dialog';
import { useLocalized } from '../../components/Localized';
import { Loading } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { TableScroll } from '../../components/TableScroll';
import { formatDateTime } from '../../lib/dates';
import { useI18n, type MessageKey } from '../../i18n/judging';

/** How many proposal titles a row lists before "… and n more". */
const LISTED = 3;

/**
 * "Remind late judges" on an OPEN round's judging screen: each active judge with work left, what is left and their
 * deadline, and one action (after a confirmation) that sends each of them one notification (remindJudges).
 */
export function RemindJudgesSection({ roundId, timeZone }: { roundId: string; timeZone: string }) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  const [{ data, error, fetching }, refetch] = useQuery({ query: JudgesWithWorkLeftDocument, variables: { roundId }, requestPolicy: 'cache-and-network' });
  const [sending, remind] = useMutation(RemindJudgesDocument);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [outcome, setOutcome] = useState<RemindJudgesMutation['remindJudges']>();
  const late = data?.judgesWithWorkLeft ?? [];
  const when = (iso: string) => formatDateTime(iso, timeZone, locale);

  async function confirm() {
    setProblem(undefined);
    const result = await remind({ input: { roundId } });
    setConfirming(false);
    if (result.error) {
      setProblem(problemOf(result.error));
      return;
    }
    setOutcome(result.data?.remindJudges);
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <section className="panel" aria-labelledby="remind-heading" data-testid="remind-judges">
      <h2 id="remind-heading">{t('judging.remind.title')}</h2>
      <p className="hint">{t('judging.remind.hint')}</p>
      {fetching && !data && <Loading />}
      {error && !data && <ProblemNotice problem={problemOf(error)} />}
      <ProblemNotice problem={problem} />
      {outcome && (
        <div role="status" className="notice notice-ok">
          <p>{t('judging.remind.done', { count: outcome.remindedCount })}</p>
          {outcome.skipped.length > 0 && (
            <ul>
              {outcome.skipped.map((s) => (
                <li key={s.judge.id}>
                  {t(`judging.remind.skipped.${s.reason}` as MessageKey, { name: s.judge.displayName, time: s.remindedAt ? when(s.remindedAt) : '' })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {data && late.length === 0 && <p>{t('judging.remind.none')}</p>}
      {late.length > 0 && (
        <>
          <TableScroll label={t('judging.remind.title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('judging.remind.judge')}</th>
                  <th scope="col">{t('judging.remind.left')}</th>
                  <th scope="col">{t('judging.remind.proposals')}</th>
                  <th scope="col">{t('judging.remind.due')}</th>
                  <th scope="col">{t('judging.remind.last')}</th>
                </tr>
              </thead>
              <tbody>
                {late.map((work) => (
                  <tr key={work.judge.id}>
                    <th scope="row">{work.judge.displayName}</th>
                    <td>{work.remaining}</td>
                    <td>
                      {work.proposals
                        .slice(0, LISTED)
                        .map((p) => localized(p.title))
                        .join(locale === 'zh-TW' ? '、' : ', ')}
                      {work.remaining > LISTED && ` ${t('judging.remind.more', { count: work.remaining - LISTED })}`}
                    </td>
                    <td>{work.dueAt ? when(work.dueAt) : t('judging.remind.noDue')}</td>
                    <td>{work.remindedAt ? when(work.remindedAt) : t('judging.remind.never')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <button type="button" onClick={() => setConfirming(true)} disabled={sending.fetching}>
            {t('judging.remind.button')}
          </button>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('judging.remind.confirmTitle', { count: late.length })}
        confirmLabel={t('judging.remind.confirm')}
        cancelLabel={t('judging.remind.cancel')}
        busy={sending.fetching}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('judging.remind.confirmBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
