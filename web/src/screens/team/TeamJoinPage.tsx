import { useState } from 'react';
import { Link } from 'wouter';
import { useMutation, useQuery } from 'urql';
import { AcceptTeamInviteLinkDocument, DeclineTeamInviteLinkDocument, TeamInviteLinkPreviewDocument } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { useSession } from '../../auth/Session';
import { Field } from '../../components/Field';
import { useLocalized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { formatDateTime } from '../../lib/dates';
import { notificationsChanged } from '../../lib/notifications';
import { useI18n, type MessageKey } from '../../i18n';
import { roleLabel } from './teamKit';

/**
 * The page an invitation link opens (`/teams/join/<token>`): which team of which proposal and hackathon invites you,
 * and joining or declining. Anonymous visitors are sent to sign in and come back here (the token is in the path, so
 * the return address keeps it).
 */
export default function TeamJoinPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const { me, loading } = useSession();
  const token = params.token ?? '';
  if (loading) return <Loading />;
  if (!me) {
    return (
      <Page title={t('teamJoin.title')}>
        <p>{t('teamJoin.signIn')}</p>
        <Link className="button" href={`/sign-in?next=${encodeURIComponent(`/teams/join/${token}`)}`}>
          {t('teamJoin.signInButton')}
        </Link>
      </Page>
    );
  }
  return <JoinAsSignedIn token={token} />;
}

/** Refusals of a link, in the reader's language: the server's rule, or NOT_FOUND for an invalid link. */
const LINK_RULES: Record<string, MessageKey> = {
  inviteLinkUsed: 'teamJoin.used',
  inviteLinkExpired: 'teamJoin.expired',
  alreadyMember: 'teamJoin.alreadyMember',
  teamFull: 'teamJoin.teamFull',
};

function Refusal({ problem }: { problem: Problem | undefined }) {
  const { t } = useI18n();
  if (!problem) return null;
  const key = problem.kind === 'notFound' ? 'teamJoin.invalid' : (problem.rules ?? []).map((rule) => LINK_RULES[rule]).find(Boolean);
  if (!key) return <ProblemNotice problem={problem} />;
  return (
    <div role="alert" className="notice notice-warn">
      <p>
        <strong>{t(key)}</strong>
      </p>
    </div>
  );
}

function JoinAsSignedIn({ token }: { token: string }) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  const [{ data, error, fetching }] = useQuery({ query: TeamInviteLinkPreviewDocument, variables: { token } });
  const [accepting, accept] = useMutation(AcceptTeamInviteLinkDocument);
  const [declining, decline] = useMutation(DeclineTeamInviteLinkDocument);
  const [affiliation, setAffiliation] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [answered, setAnswered] = useState<'joined' | 'declined'>();
  const link = data?.teamInviteLink;
  const proposal = link?.proposal;

  async function answer(yes: boolean) {
    setProblem(undefined);
    const result = yes
      ? await accept({ input: { token, affiliation: affiliation.trim() || undefined } })
      : await decline({ input: { token } });
    if (result.error) {
      setProblem(problemOf(result.error));
      return;
    }
    setAnswered(yes ? 'joined' : 'declined');
    notificationsChanged();
  }

  if (fetching && !data) return <Loading />;
  if (!link || !proposal) {
    return (
      <Page title={t('teamJoin.title')}>
        <Refusal problem={problemOf(error) ?? { kind: 'notFound', messages: [], fields: {} }} />
      </Page>
    );
  }
  const values = {
    title: localized(proposal.title),
    hackathon: localized(proposal.hackathon.name),
    role: roleLabel(t, link.role),
  };
  const member = !!proposal.team?.viewerMembership && answered !== 'joined';
  // What the link itself says before any answer: used, expired or already a member is shown at once, without buttons.
  const early: Problem | undefined =
    link.status !== 'PENDING'
      ? { kind: 'conflict', messages: [], fields: {}, rules: ['inviteLinkUsed'] }
      : link.expired
        ? { kind: 'badInput', messages: [], fields: {}, rules: ['inviteLinkExpired'] }
        : member
          ? { kind: 'badInput', messages: [], fields: {}, rules: ['alreadyMember'] }
          : undefined;
  const busy = accepting.fetching || declining.fetching;
  return (
    <Page title={t('teamJoin.title')}>
      <section aria-labelledby="join-heading" className="panel stack">
        <h2 id="join-heading">{link.position ? t('teamJoin.invitesFor', { ...values, skill: link.position.skill }) : t('teamJoin.invitesAs', values)}</h2>
        <p className="meta">{t('teamJoin.from', { name: link.createdByName, date: formatDateTime(link.expiresAt, proposal.hackathon.timeZone, locale) })}</p>
        {link.message && <blockquote className="message">{link.message}</blockquote>}
        {/* Present from the start, so that screen readers announce the answer. */}
        <div role="status">
          {answered && <p className="notice notice-ok">{answered === 'joined' ? t('teamJoin.joined') : t('teamJoin.declined')}</p>}
        </div>
        <Refusal problem={answered ? undefined : (problem ?? early)} />
        {!answered && !early && (
          <div className="stack form">
            <Field label={t('team.yourAffiliation')} hint={t('team.yourAffiliationHint')}>
              {(props) => <input {...props} type="text" maxLength={200} value={affiliation} onChange={(e) => setAffiliation(e.target.value)} />}
            </Field>
            <div className="button-row">
              <button type="button" disabled={busy} onClick={() => void answer(true)}>
                {t('teamJoin.accept')}
              </button>
              <button type="button" className="button-secondary" disabled={busy} onClick={() => void answer(false)}>
                {t('teamJoin.decline')}
              </button>
            </div>
          </div>
        )}
        <p>
          <Link href={`/proposals/${proposal.id}#team`}>{t('teamJoin.toProposal')}</Link>
        </p>
      </section>
    </Page>
  );
}
