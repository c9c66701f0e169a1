import { CodedText } from '../../components/CodedText';
import { useI18n, type MessageKey } from '../../i18n/judging';
import type { MessageArg } from '../../lib/messages';

/** A proposal without a final score, as the ranking gives it. */
type Unranked = { reason: string; reasonCode?: string | null; reasonArgs?: readonly MessageArg[] | null };

/**
 * Why a proposal is not ranked, from the catalog (`judging.unranked.*`) with its sectors named in the reader's
 * language; a reason kept before codes stays in English, marked as such.
 */
export function UnrankedReason({ item }: { item: Unranked }) {
  const { t } = useI18n();
  const sectors = item.reasonArgs?.find((arg) => arg.name === 'sectors')?.value;
  return (
    <CodedText
      prefix="judging.unranked"
      text={{ code: item.reasonCode, args: item.reasonArgs, message: item.reason }}
      values={
        sectors
          ? { sectors: sectors.split(',').filter(Boolean).map((s) => t(`judging.sector.${s}` as MessageKey)).join(t('judging.listSeparator')) }
          : undefined
      }
     
    />
  );
}

/** One rule of a proposal's panel not met, as the assignment plan gives it. */
type Problem = { message: string; cause?: string | null; causeArgs?: readonly MessageArg[] | null };

/**
 * Why an assignment rule is not met, from the catalog (`judging.assignCause.*`): the judge of a kept conflict by name
 * (from `judgeName`), counts with plural rules; a cause kept before codes stays in English, marked as such.
 */
export function AssignmentCause({ problem, judgeName }: { problem: Problem; judgeName: (judgeId: string) => string | undefined }) {
  const { t } = useI18n();
  const judge = problem.causeArgs?.find((arg) => arg.name === 'judge')?.value;
  return (
    <CodedText
      prefix="judging.assignCause"
      text={{ code: problem.cause, args: problem.causeArgs, message: problem.message }}
      values={judge ? { judge: judgeName(judge) ?? t('judging.assignCause.someJudge') } : undefined}
     
    />
  );
}

/** A proposal publishing could not move (`PublishRoundPayload.codedProblems`). */
type PublishProblem = {
  proposalId: string;
  proposal?: { title: { zhTW?: string | null; en?: string | null } } | null;
  args: readonly MessageArg[];
  message: string;
};

/** What publishing could not do to a proposal, with its title and the statuses in the reader's language. */
export function PublishProblemText({ problem, title }: { problem: PublishProblem; title: string }) {
  const { t } = useI18n();
  const arg = (name: string) => problem.args.find((a) => a.name === name)?.value;
  const to = arg('to');
  const from = arg('from');
  if (!to) return <span lang="en">{problem.message}</span>;
  const status = (value: string) => t(`status.${value}` as MessageKey);
  // A rule that refused the move (e.g. a partner agency required first), said from the catalog when it has it.
  const rule = arg('rule');
  const ruleText = rule ? t(`rule.${rule}` as MessageKey) : undefined;
  return (
    <>
      {from
        ? t('judging.publishProblem.notMovedFrom', { title, to: status(to), from: status(from) })
        : t('judging.publishProblem.notMoved', { title, to: status(to) })}
      {ruleText && ruleText !== `rule.${rule}` && <> {ruleText}</>}
    </>
  );
}
