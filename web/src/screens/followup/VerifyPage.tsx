import { useState } from 'react';
import { Link } from 'wouter';
import { useQuery } from 'urql';
import { MilestonesToVerifyDocument } from './gql/graphql';
import { problemOf } from '../../api/errors';
import { Localized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useI18n, type MessageKey } from '../../i18n';
import { BulkVerifyBar } from './BulkVerify';
import { SelectionVerify } from './SelectionVerify';
import { MilestoneDecision, MilestoneDetails, formatDay, milestoneName } from './followupKit';

/**
 * Organizers' follow-up desk: milestones waiting for verification (oldest first), each with its evidence and a
 * verify / reject decision; several verified at once (ticked, or by import or filter); and the way to the outcome
 * import and the statistics.
 */
export default function VerifyPage() {
  const { t, locale } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: MilestonesToVerifyDocument, variables: { first: 50 } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const milestones = data?.outcomeMilestonesToVerify ?? [];
  const [selected, setSelected] = useState<string[]>([]);
  // Kept here: the decision may empty the list, and the bar with it.
  const [decided, setDecided] = useState<string | null>(null);
  const shown = milestones.map((milestone) => milestone.id);
  // A milestone decided one by one leaves the list, and the selection with it.
  const chosen = selected.filter((id) => shown.includes(id));
  const toggle = (id: string, on: boolean) => setSelected(on ? [...chosen, id] : chosen.filter((other) => other !== id));
  return (
    <Page
      title={t('followup.verify.title')}
      actions={
        <>
          <Link className="button button-secondary" href="/organize/outcomes/import">
            {t('followup.import.title')}
          </Link>{' '}
          <Link className="button button-secondary" href="/statistics">
            {t('stats.title')}
          </Link>
        </>
      }
    >
      <p>{t('followup.verify.intro')}</p>
      {decided && (
        <p className="notice notice-ok" role="status">
          {decided}
        </p>
      )}
      <SelectionVerify
        onDone={(message) => {
          setDecided(message);
          reload();
        }}
      />
      {fetching && !data ? (
        <Loading />
      ) : error && !data ? (
        <ProblemNotice problem={problemOf(error)} />
      ) : milestones.length === 0 ? (
        <p>{t('followup.verify.none')}</p>
      ) : (
        <>
        <BulkVerifyBar shownIds={shown} selected={chosen} onSelect={setSelected} onDone={(message) => {
            setDecided(message);
            reload();
          }} />
        <ol className="timeline">
          {milestones.map((milestone) => (
            <li key={milestone.id} className="card">
              <h2 className="card-title">
                <time dateTime={milestone.date}>{formatDay(milestone.date, locale)}</time> {t(`followup.type.${milestone.type}` as MessageKey)}
              </h2>
              <p>
                <Link href={`/projects/${milestone.projectId}`}>
                  {milestone.project ? <Localized text={milestone.project.name} /> : t('followup.verify.openProject', { name: milestoneName(milestone, t, locale) })}
                </Link>
              </p>
              <MilestoneDetails milestone={milestone} />
              <label className="checkbox">
                <input type="checkbox" checked={chosen.includes(milestone.id)} onChange={(e) => toggle(milestone.id, e.target.checked)} />
                <span>{t('followup.bulk.include', { name: milestoneName(milestone, t, locale) })}</span>
              </label>
              <MilestoneDecision milestone={milestone} onDecided={reload} />
            </li>
          ))}
        </ol>
        </>
      )}
    </Page>
  );
}
