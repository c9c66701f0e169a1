import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { TransitionProposalDocument, type ProposalStatus } from '../public/gql/graphql';
import { proposerCanSubmit } from '../../lib/status';
import { problemOf, type Problem } from '../../api/errors';
import { ConfirmDialog } from '../../components/Dialog';
import { useLocalized, type LocalizedText } from '../../components/Localized';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useI18n } from '../../i18n';

type DraftProposal = { id: string; version: number; status: ProposalStatus; title: LocalizedText; hackathon: { name: LocalizedText } };

/**
 * A draft's "Submit proposal", at the top of its page and sticky while the proposer scrolls (on a phone the team
 * section alone is longer than the screen), asking for confirmation first: submitting makes the proposal public.
 * Shown to the proposer; nothing once the proposal is past DRAFT, except the word that it was just submitted.
 */
export function SubmitBar({ proposal }: { proposal: DraftProposal }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const [result, transition] = useMutation(TransitionProposalDocument);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLParagraphElement>(null);

  async function submit() {
    setProblem(undefined);
    const response = await transition({ input: { proposalId: proposal.id, to: 'SUBMITTED', expectedVersion: proposal.version } });
    setConfirming(false);
    if (response.error) setProblem(problemOf(response.error));
    else setDone(true);
  }

  if (done) {
    return (
      <p ref={doneRef} tabIndex={-1} role="status" className="notice notice-ok">
        {t('proposal.submitted')}
      </p>
    );
  }
  if (!proposerCanSubmit(proposal.status)) return null;
  return (
    <div className="submit-bar" role="region" aria-label={t('proposal.submit')}>
      <p>{t('proposal.submitBarDraft')}</p>
      <button type="button" disabled={result.fetching} onClick={() => setConfirming(true)}>
        {t('proposal.submit')}
      </button>
      <ProblemNotice problem={problem} />
      <ConfirmDialog
        open={confirming}
        title={t('proposal.submitConfirmTitle')}
        confirmLabel={t('proposal.submitConfirm')}
        cancelLabel={t('common.cancel')}
        busy={result.fetching}
        onConfirm={() => void submit()}
        onCancel={() => setConfirming(false)}
        returnFocus={() => doneRef.current}
      >
        <p>{t('proposal.submitConfirmText', { title: localized(proposal.title), hackathon: localized(proposal.hackathon.name) })}</p>
      </ConfirmDialog>
    </div>
  );
}
