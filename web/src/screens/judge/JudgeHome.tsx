import { useEffect } from 'react';
import { useQuery } from 'urql';
import { JudgeHomeDocument } from './gql/graphql';
import { problemOf } from '../../api/errors';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useI18n } from '../../i18n';

/** Performance mark set once the judge's list is on screen and usable; read by the panel benchmark. */
export const JUDGE_LIST_READY = 'judge-list-ready';

/**
 * The judge's list of assigned proposals. Until the judging API lands (phase 2) it says that nothing is assigned
 * yet; phase 2 replaces the `me` query with the judge's assignments and progress.
 */
export default function JudgeHome() {
  const { t } = useI18n();
  const [{ data, error, fetching }] = useQuery({ query: JudgeHomeDocument });
  const ready = !!data?.me;
  useEffect(() => {
    if (ready && performance.getEntriesByName(JUDGE_LIST_READY).length === 0) performance.mark(JUDGE_LIST_READY);
  }, [ready]);
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  return (
    <Page title={t('judge.title')}>
      <section aria-labelledby="assignments-heading">
        <h2 id="assignments-heading">{t('judge.assignments')}</h2>
        <p className="notice" data-testid="judge-list">
          {t('judge.none')}
        </p>
      </section>
    </Page>
  );
}
