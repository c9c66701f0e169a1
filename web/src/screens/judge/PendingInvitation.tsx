import type { ComponentProps } from 'react';
import { Localized } from '../../components/Localized';
import { formatDate } from '../../lib/dates';
import { useI18n, type MessageKey } from '../../i18n/judging';

/** What a pending judge invitation shows: the judge's home and the invitation page both list them. */
export interface PendingJudgeInvitation {
  id: string;
  sector: string;
  invitedAt: string;
  hackathon: { slug: string; timeZone: string; name: ComponentProps<typeof Localized>['text'] };
}

/** One pending invitation, with the button that accepts it. */
export function PendingInvitation({ invitation, disabled, onAccept }: { invitation: PendingJudgeInvitation; disabled: boolean; onAccept: () => void }) {
  const { t, locale } = useI18n();
  return (
    <li className="invitation">
      <p>
        {t('judging.invite.pendingText', {
          sector: t(`judging.sector.${invitation.sector}` as MessageKey),
          date: formatDate(invitation.invitedAt, invitation.hackathon.timeZone, locale),
        })}{' '}
        <strong>
          <Localized text={invitation.hackathon.name} />
        </strong>
      </p>
      <button type="button" disabled={disabled} onClick={onAccept}>
        {t('judging.invite.acceptAt', { hackathon: invitation.hackathon.slug })}
      </button>
    </li>
  );
}
