import { useState } from 'react';
import type { Problem } from '../api/errors';
import { SignInOptions } from '../auth/Session';
import { useI18n } from '../i18n';

/**
 * The one way the panel reports a failed request. An ended session offers sign-in in place (what was typed stays
 * in the form); an edit made elsewhere offers to load the latest version; bad input lists the server's messages
 * (fields shown next to their controls are left out here).
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
  const fieldMessages = new Set(shownFields.map((field) => problem.fields[field]).filter(Boolean));
  const rest = problem.messages.filter((message) => !fieldMessages.has(message));
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
          {rest.length > 0 && <p className="muted">{rest.join(' ')}</p>}
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
              {rest.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      );
    default:
      return (
        <div role="alert" className="notice notice-error">
          <p>{t(`error.${problem.kind}`)}</p>
          {rest.length > 0 && <p className="muted">{rest.join(' ')}</p>}
        </div>
      );
  }
}
