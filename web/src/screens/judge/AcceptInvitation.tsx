import { useState } from 'react';
import { Link, useSearch } from 'wouter';
import { useMutation, useQuery } from 'urql';
import { AcceptJudgeInvitationDocument, MyJudgeInvitationsDocument, type AcceptJudgeInvitationMutation } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { SignInOptions, useSession } from '../../auth/Session';
import { Localized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useI18n, type MessageKey } from '../../i18n/judging';
import { PendingInvitation } from './PendingInvitation';

type Joined = AcceptJudgeInvitationMutation['acceptJudgeInvitation']['judge'];

/**
 * Accepting a judge invitation: from the link an organizer sent (`/judging/invitations/accept?token=…`, which works
 * with any account), or from the list of pending invitations addressed to the account's email.
 */
export default function AcceptInvitation() {
  const { t } = useI18n();
  const { me, loading } = useSession();
  if (loading) return <Loading />;
  if (!me) {
    // Signing in here keeps the invitation link (with its token) on screen; the shell's sign-in page would drop it.
    return (
      <Page title={t('judging.invite.acceptTitle')}>
        <p>{t('judging.invite.signInFirst')}</p>
        <SignInOptions />
      </Page>
    );
  }
  return <AcceptAsSignedIn />;
}

function AcceptAsSignedIn() {
  const { t } = useI18n();
  const { changed } = useSession();
  const token = new URLSearchParams(useSearch()).get('token')?.trim() || undefined;
  const [{ data }] = useQuery({ query: MyJudgeInvitationsDocument });
  const [result, accept] = useMutation(AcceptJudgeInvitationDocument);
  const [problem, setProblem] = useState<Problem>();
  const [joined, setJoined] = useState<Joined>();
  const pending = data?.myJudgeInvitations ?? [];

  async function acceptWith(input: { token?: string; invitationId?: string }) {
    setProblem(undefined);
    const response = await accept({ input });
    const judge = response.data?.acceptJudgeInvitation.judge;
    if (!judge) {
      setProblem(problemOf(response.error));
      return;
    }
    setJoined(judge);
    // The account has the JUDGE role now: the session (and the navigation) must know.
    changed();
  }

  return (
    <Page title={t('judging.invite.acceptTitle')}>
      <ProblemNotice problem={problem} />
      {joined ? (
        <div role="status" className="notice notice-ok">
          <p>
            {t('judging.invite.joined', { sector: t(`judging.sector.${joined.sector}` as MessageKey) })}{' '}
            <strong>
              <Localized text={joined.hackathon.name} />
            </strong>
          </p>
          <Link className="button" href="/judge">
            {t('judging.invite.toJudging')}
          </Link>
        </div>
      ) : (
        <>
          {token && (
            <section aria-labelledby="link-heading" className="panel">
              <h2 id="link-heading">{t('judging.invite.linkTitle')}</h2>
              <p>{t('judging.invite.linkText')}</p>
              <button type="button" disabled={result.fetching} onClick={() => void acceptWith({ token })}>
                {t('judging.invite.accept')}
              </button>
            </section>
          )}
          <section aria-labelledby="pending-heading" className="panel">
            <h2 id="pending-heading">{t('judging.invite.pendingTitle')}</h2>
            {pending.length === 0 ? (
              <p>{t('judging.invite.nonePending')}</p>
            ) : (
              <ul className="plain-list">
                {pending.map((invitation) => (
                  <PendingInvitation key={invitation.id} invitation={invitation} disabled={result.fetching} onAccept={() => void acceptWith({ invitationId: invitation.id })} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
