import { useState } from 'react';
import type { Problem, Refusal } from '../api/errors';
import { SignInOptions } from '../auth/Session';
import { useI18n, type MessageKey } from '../i18n';
import { RefusalText } from './RefusalText';

/**
 * Rules the server names in `extensions.rule`, said in the reader's language: a "position full" CONFLICT is not an
 * edit made elsewhere, and the server's own message is English only (it is still shown, smaller, below).
 */
const RULE_MESSAGES: Record<string, string> = {
  positionFull: 'rule.positionFull',
  oneTeamPerHackathon: 'rule.oneTeamPerHackathon',
  onePendingRequest: 'rule.onePendingRequest',
  onePendingInvitation: 'rule.onePendingInvitation',
  lastLead: 'rule.lastLead',
  teamClosed: 'rule.teamClosed',
  proposalDraft: 'rule.proposalDraft',
  partnerAgencyRequired: 'rule.partnerAgencyRequired',
  embeddedEnvelope: 'rule.embeddedEnvelope',
  VOTE_OWN_TEAM: 'rule.voteOwnTeam',
  VOTE_JUDGE_OF_ROUND: 'rule.voteJudgeOfRound',
  VOTE_EMAIL_NOT_VERIFIED: 'rule.voteEmailNotVerified',
  rankingNoAssignment: 'rule.rankingNoAssignment',
  rankingNoRubric: 'rule.rankingNoRubric',
  // Publishing a round (publishRound), the codes the publication preview gives as blockers.
  ROUND_NOT_CLOSED: 'rule.ROUND_NOT_CLOSED',
  SELECTION_MISSING: 'rule.SELECTION_MISSING',
  SELECTION_STALE: 'rule.SELECTION_STALE',
  FINAL_NOT_JUDGING: 'rule.FINAL_NOT_JUDGING',
  OPEN_CASES: 'rule.OPEN_CASES',
  TRACK_SELECTIONS: 'rule.TRACK_SELECTIONS',
  // Award tracks and rounds dedicated to them: the judging catalog (i18n/judging/ownJudges), loaded with those screens.
  DEDICATED_ROUND: 'rule.DEDICATED_ROUND',
  ROUND_STARTED: 'rule.ROUND_STARTED',
  QUOTA: 'rule.QUOTA',
  OWN_JUDGES: 'rule.OWN_JUDGES',
  SHARED_TRACK: 'rule.SHARED_TRACK',
  SHARED_JUDGES: 'rule.SHARED_JUDGES',
  SHARED_ROUND: 'rule.SHARED_ROUND',
  TRACK_FED: 'rule.TRACK_FED',
  REVIEW_ROUND: 'rule.REVIEW_ROUND',
  PUBLISHED_AWARDS: 'rule.PUBLISHED_AWARDS',
};

/** The refusals in a row, each in the reader's language when coded, else in English marked `lang="en"`. */
function Refusals({ refusals }: { refusals: Refusal[] }) {
  return (
    <>
      {refusals.map((refusal, index) => (
        <span key={index}>
          {index > 0 && ' '}
          <RefusalText refusal={refusal} />
        </span>
      ))}
    </>
  );
}

/**
 * The one way the panel reports a failed request. A refusal with a reason code (`extensions.reason`, issue #17) is
 * said from the catalogs in i18n/refusals; the server's messages without one are English (for API users) and are
 * marked `lang="en"` below the reader's-language sentence; a refusal the panel can say itself names a rule (above). An
 * ended session offers sign-in in place (what was typed stays in the form); an edit made elsewhere offers to load the
 * latest version; bad input lists the server's refusals (fields shown next to their controls are left out here).
 */
export function ProblemNotice({
  problem,
  onReload,
  shownFields = [],
}: {
  problem: Problem | undefined;
  onReload?: () => void;
  shownFields?: string[];
}) {
  const { t } = useI18n();
  const [signingIn, setSigningIn] = useState(false);
  if (!problem) return null;
  const refusals: Refusal[] = problem.refusals ?? problem.messages.map((message) => ({ message }));
  const rest = refusals.filter((refusal) => !(refusal.field && shownFields.includes(refusal.field) && problem.fields[refusal.field]));
  const ruleKeys = (problem.rules ?? []).map((rule) => RULE_MESSAGES[rule]).filter(Boolean);
  if (ruleKeys.length > 0 && problem.kind !== 'unauthenticated') {
    return (
      <div role="alert" className="notice notice-warn">
        {ruleKeys.map((key) => (
          <p key={key}>
            <strong>{t(key as MessageKey, problem.ruleValues)}</strong>
          </p>
        ))}
        {rest.length > 0 && (
          <p className="muted">
            <Refusals refusals={rest} />
          </p>
        )}
        {onReload && problem.kind === 'conflict' && (
          <button type="button" onClick={onReload}>
            {t('error.reload')}
          </button>
        )}
      </div>
    );
  }
  switch (problem.kind) {
    case 'unauthenticated':
      return (
        <div role="alert" className="notice notice-warn">
          <p>{t('error.sessionEnded')}</p>
          {signingIn ? (
            <SignInOptions onSignedIn={() => setSigningIn(false)} />
          ) : (
            <button type="button" onClick={() => setSigningIn(true)}>
              {t('error.signInAgain')}
            </button>
          )}
        </div>
      );
    case 'conflict':
      return (
        <div role="alert" className="notice notice-warn">
          <p>{t('error.conflict')}</p>
          {rest.length > 0 && (
            <p className="muted">
              <Refusals refusals={rest} />
            </p>
          )}
          {onReload && (
            <button type="button" onClick={onReload}>
              {t('error.reload')}
            </button>
          )}
        </div>
      );
    case 'badInput':
      return (
        <div role="alert" className="notice notice-error">
          <p>{t('error.badInput')}</p>
          {rest.length > 0 && (
            <ul>
              {rest.map((refusal, index) => (
                <li key={index}>
                  <RefusalText refusal={refusal} />
                </li>
              ))}
            </ul>
          )}
        </div>
      );
    default:
      return (
        <div role="alert" className="notice notice-error">
          <p>{t(`error.${problem.kind}`)}</p>
          {rest.length > 0 && (
            <p className="muted">
              <Refusals refusals={rest} />
            </p>
          )}
        </div>
      );
  }
}
