import { messageValues } from '../../lib/messages';
import { Suspense, lazy, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useMutation, useQuery } from 'urql';
import { ProposalDetailDocument, TransitionProposalDocument, type ProposalDetailQuery, type ProposalStatus } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { useSession } from '../../auth/Session';
import { Field } from '../../components/Field';
import { Localized, useLocalized, type LocalizedText } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { formatDateTime } from '../../lib/dates';
import { organizerMoves, organizerNeedsReason, proposerCanWithdraw } from '../../lib/status';
import { useI18n, type MessageKey } from '../../i18n';
import { FEATURES } from '../../features';
import { TableScroll } from '../../components/TableScroll';
import { SubmitBar } from '../proposer/SubmitBar';

// Loaded only when a proposal page shows them: the judge's first screen never downloads the team screens.
const TeamSection = lazy(() => import('../team/TeamSection'));
const ProjectLinking = lazy(() => import('../projects/ProjectLinking'));
const ProposalFeedbackSection = lazy(() => import('./ProposalFeedback'));

type Proposal = NonNullable<ProposalDetailQuery['proposal']>;

/** One proposal: bilingual title and summary, proposer, channel, needs, links, project; status actions and history. */
export default function ProposalPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const { me, hasRole } = useSession();
  const [{ data, error, fetching }, refetch] = useQuery({ query: ProposalDetailDocument, variables: { id: params.id } });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  const proposal = data?.proposal;
  if (!proposal) {
    return (
      <Page title={t('error.notFoundTitle')}>
        <p>{t('proposal.notFound')}</p>
      </Page>
    );
  }
  const organizer = hasRole('ORGANIZER');
  const isProposer = !!me && proposal.proposerId === me.id;
  const canEdit = organizer || (isProposer && ['DRAFT', 'SUBMITTED', 'PITCHED', 'TEAM_FORMING', 'HACKING'].includes(proposal.status));
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Page
      title={localized(proposal.title)}
      actions={
        canEdit && (
          <Link className="button button-secondary" href={`/proposals/${proposal.id}/edit`}>
            {t('proposal.edit')}
          </Link>
        )
      }
    >
      {/* Submitting a draft is the proposer's next step: at the top, not under the whole team section. */}
      {isProposer && !organizer && <SubmitBar proposal={proposal} />}
      <dl className="facts">
        <dt>{t('proposal.status')}</dt>
        <dd>
          <span className={`badge status-${proposal.status.toLowerCase()}`}>{t(`status.${proposal.status}` as MessageKey)}</span>
        </dd>
        <dt>{t('proposal.hackathon')}</dt>
        <dd>
          <Link href={`/hackathons/${proposal.hackathon.slug}`}>
            <Localized text={proposal.hackathon.name} />
          </Link>
        </dd>
        <dt>{t('proposal.proposer')}</dt>
        <dd>{proposal.proposerName}</dd>
        {proposal.channel && (
          <>
            <dt>{t('proposal.channel')}</dt>
            <dd>{proposal.channel}</dd>
          </>
        )}
        {proposal.project && (
          <>
            <dt>{t('proposal.project')}</dt>
            <dd>
              <Link href={`/projects/${proposal.project.id}`}>
                <Localized text={proposal.project.name} />
              </Link>
            </dd>
          </>
        )}
        {proposal.tags.length > 0 && (
          <>
            <dt>{t('proposal.tags')}</dt>
            <dd>{proposal.tags.map((tag) => localized(tag)).join(', ')}</dd>
          </>
        )}
        {proposal.needs.length > 0 && (
          <>
            <dt>{t('proposal.needs')}</dt>
            <dd>{proposal.needs.join(', ')}</dd>
          </>
        )}
      </dl>

      <Bilingual title={t('proposal.titleBoth')} text={proposal.title} />
      <Bilingual title={t('proposal.summary')} text={proposal.summary} long />

      {proposal.links.length > 0 && (
        <section aria-labelledby="links-heading">
          <h2 id="links-heading">{t('proposal.links')}</h2>
          <ul>
            {proposal.links.map((link) => (
              <li key={`${link.type}-${link.url}`}>
                {t(`link.${link.type}` as MessageKey)}:{' '}
                <a href={link.url} rel="noopener noreferrer nofollow" target="_blank">
                  {link.url}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {FEATURES.teams && (
        <Suspense fallback={<Loading />}>
          <TeamSection proposalId={proposal.id} proposerId={proposal.proposerId} timeZone={proposal.hackathon.timeZone} />
        </Suspense>
      )}

      {FEATURES.judging && me && (
        <Suspense fallback={null}>
          <ProposalFeedbackSection proposalId={proposal.id} timeZone={proposal.hackathon.timeZone} />
        </Suspense>
      )}

      {(isProposer || organizer) && (
        <StatusActions proposal={proposal} organizer={organizer} isProposer={isProposer} onReload={reload} />
      )}

      {(isProposer || organizer) && (
        <Suspense fallback={<Loading />}>
          <ProjectLinking proposalId={proposal.id} />
        </Suspense>
      )}

      {proposal.history && proposal.history.length > 0 && <History proposal={proposal} />}
    </Page>
  );
}

/** Both language versions, each marked with its language, so a bilingual audience reads the one it prefers. */
function Bilingual({ title, text, long }: { title: string; text: LocalizedText; long?: boolean }) {
  const { t } = useI18n();
  if (!text.zhTW && !text.en) return null;
  return (
    <section className="bilingual" aria-label={title}>
      <h2>{title}</h2>
      {text.zhTW && (
        <div lang="zh-TW">
          <h3 className="lang-label">{t('lang.zhTW')}</h3>
          {long ? <p className="prose">{text.zhTW}</p> : <p>{text.zhTW}</p>}
        </div>
      )}
      {text.en && (
        <div lang="en">
          <h3 className="lang-label">{t('lang.en')}</h3>
          {long ? <p className="prose">{text.en}</p> : <p>{text.en}</p>}
        </div>
      )}
    </section>
  );
}

function StatusActions({
  proposal,
  organizer,
  isProposer,
  onReload,
}: {
  proposal: Proposal;
  organizer: boolean;
  isProposer: boolean;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const [result, transition] = useMutation(TransitionProposalDocument);
  const [to, setTo] = useState<ProposalStatus | ''>('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState<string>();
  const moves = organizer ? organizerMoves(proposal.status) : [];
  const reasonNeeded = !!to && organizerNeedsReason(proposal.status, to);

  async function move(target: ProposalStatus, why?: string) {
    setProblem(undefined);
    setDone(undefined);
    const response = await transition({
      input: { proposalId: proposal.id, to: target, reason: why || undefined, expectedVersion: proposal.version },
    });
    if (response.error) {
      setProblem(problemOf(response.error));
    } else {
      setDone(t('proposal.moved', { status: t(`status.${target}` as MessageKey) }));
      setTo('');
      setReason('');
    }
  }

  function submitOrganizer(event: FormEvent) {
    event.preventDefault();
    if (!to) return;
    if (reasonNeeded && !reason.trim()) {
      setProblem({ kind: 'badInput', messages: [], fields: { reason: t('proposal.reasonRequired') } });
      return;
    }
    void move(to, reason.trim());
  }

  return (
    <section aria-labelledby="status-heading" className="panel">
      <h2 id="status-heading">{t('proposal.statusActions')}</h2>
      <ProblemNotice
        problem={problem}
        shownFields={['reason']}
        onReload={() => {
          setProblem(undefined);
          onReload();
        }}
      />
      {done && (
        <p role="status" className="notice notice-ok">
          {done}
        </p>
      )}
      {isProposer && !organizer && (
        <div className="button-row">
          {proposerCanWithdraw(proposal.status) && (
            <button
              type="button"
              className="button-danger"
              disabled={result.fetching}
              onClick={() => {
                if (window.confirm(t('proposal.withdrawConfirm'))) void move('WITHDRAWN');
              }}
            >
              {t('proposal.withdraw')}
            </button>
          )}
        </div>
      )}
      {organizer && moves.length > 0 && (
        <form onSubmit={submitOrganizer} className="stack">
          <Field label={t('proposal.moveTo')}>
            {(props) => (
              <select {...props} value={to} onChange={(e) => setTo(e.target.value as ProposalStatus)}>
                <option value="">{t('common.choose')}</option>
                {moves.map((status) => (
                  <option key={status} value={status}>
                    {t(`status.${status}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={reasonNeeded ? t('proposal.reasonRequiredLabel') : t('proposal.reason')}
            error={problem?.fields.reason}
          >
            {(props) => <textarea {...props} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <button type="submit" disabled={!to || result.fetching}>
            {t('proposal.applyMove')}
          </button>
        </form>
      )}
    </section>
  );
}

function History({ proposal }: { proposal: Proposal }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('proposal.history')}</h2>
      <TableScroll labelledBy="history-heading">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('history.when')}</th>
              <th scope="col">{t('history.from')}</th>
              <th scope="col">{t('history.to')}</th>
              <th scope="col">{t('history.by')}</th>
              <th scope="col">{t('history.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {proposal.history!.map((change, index) => (
              <tr key={index}>
                <td>{formatDateTime(change.at, proposal.hackathon.timeZone, locale)}</td>
                <td>{change.from ? t(`status.${change.from}` as MessageKey) : '—'}</td>
                <td>{t(`status.${change.to}` as MessageKey)}</td>
                <td>{t(`actor.${change.actor}` as MessageKey)}</td>
                <td>
                  {change.reasonCode
                    ? t(`proposal.reasonCode.${change.reasonCode}` as MessageKey, messageValues(change.reasonArgs, locale))
                    : (change.reason ?? '')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
