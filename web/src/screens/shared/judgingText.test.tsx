import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nProvider, type Locale } from '../../i18n';
import '../../i18n/judging';
import { CodedText } from '../../components/CodedText';
import { JobExitReason } from '../../components/JobExitReason';
import { ProblemNotice } from '../../components/ProblemNotice';
import { problemFromErrors } from '../../api/errors';
import { AssignmentCause, PublishProblemText, UnrankedReason } from './judgingText';

afterEach(cleanup);

const arg = (name: string, value: string) => ({ name, value });

/** The text the reader sees, and the text marked as English (`lang="en"`), of what `node` renders. */
function shown(node: ReactNode, locale: Locale = 'zh-TW') {
  const { container } = render(<I18nProvider locale={locale}>{node}</I18nProvider>);
  const english = [...container.querySelectorAll('[lang="en"]')].map((el) => el.textContent ?? '');
  const text = container.textContent ?? '';
  cleanup();
  return { text, english };
}

/** No run of two or more English words outside text marked as English. */
function noEnglishOutsideMarks({ text, english }: { text: string; english: string[] }) {
  let rest = text;
  for (const marked of english) rest = rest.split(marked).join(' ');
  expect(rest).not.toMatch(/[A-Za-z]+[\s,.;:]+[A-Za-z]+/);
}

describe('server text after an action, said from the catalogs (#17)', () => {
  it('says publication blockers in zh-TW with their values, and one without a code in marked English', () => {
    const open = shown(<CodedText prefix="rule" text={{ code: 'ROUND_NOT_CLOSED', args: [arg('status', 'OPEN')], message: 'The round is OPEN; close it and select before publishing.' }} />);
    expect(open.text).toBe('此回合仍開放評分：請先結束評分並選出提案，再公布。');
    const draft = shown(<CodedText prefix="rule" text={{ code: 'ROUND_NOT_CLOSED', args: [arg('status', 'DRAFT')], message: 'x' }} />, 'en');
    expect(draft.text).toContain('still being set up');
    expect(shown(<CodedText prefix="rule" text={{ code: 'SELECTION_MISSING', args: [], message: 'Select the proposals (selectProposals) before publishing.' }} />).text).toBe('公布前請先選出提案。');
    const unavailable = shown(<CodedText prefix="rule" text={{ code: 'RANKING_UNAVAILABLE', args: [], message: 'The round cannot be ranked: boom' }} />);
    expect(unavailable.text).toContain('目前無法計算排名');
    expect(unavailable.english).toEqual(['The round cannot be ranked: boom']);
    const newer = shown(<CodedText prefix="rule" text={{ code: 'SOMETHING_NEW', args: [], message: 'Something new happened.' }} />);
    expect(newer.text).toContain('詳細說明（英文）：');
    expect(newer.english).toEqual(['Something new happened.']);
    noEnglishOutsideMarks(newer);
  });

  it('says why a proposal is not ranked, naming its sectors in zh-TW, with English plurals', () => {
    const zero = { reason: 'only sheets from sectors weighted 0 (ACADEMIC, CIVIL_SOCIETY); …', reasonCode: 'ONLY_ZERO_WEIGHT_SECTORS', reasonArgs: [arg('sectors', 'ACADEMIC,CIVIL_SOCIETY'), arg('count', '2')] };
    const zh = shown(<UnrankedReason item={zero} />);
    expect(zh.text).toBe('評分表都來自權重為 0 的類別（學界、公民團體）；請給這些類別權重，或加入來自有權重類別的評分表');
    noEnglishOutsideMarks(zh);
    expect(shown(<UnrankedReason item={{ ...zero, reasonArgs: [arg('sectors', 'ACADEMIC'), arg('count', '1')] }} />, 'en').text).toContain('from a sector weighted 0 (Academia)');
    expect(shown(<UnrankedReason item={zero} />, 'en').text).toContain('from sectors weighted 0 (Academia, Civil society)');
    expect(shown(<UnrankedReason item={{ reason: 'no submitted sheets', reasonCode: 'NO_SUBMITTED_SHEETS', reasonArgs: [] }} />).text).toBe('尚無評審送出這件提案的評分表');
    const old = shown(<UnrankedReason item={{ reason: 'no submitted sheets', reasonCode: null, reasonArgs: [] }} />);
    expect(old.english).toEqual(['no submitted sheets']);
  });

  it('says an assignment problem’s cause with its count and the judge of a kept conflict by name', () => {
    const few = shown(<AssignmentCause problem={{ message: 'proposal p1: only 1 non-conflicted PUBLIC judge available…', cause: 'TOO_FEW_AVAILABLE', causeArgs: [arg('judges', '1')] }} judgeName={() => undefined} />);
    expect(few.text).toBe('只有 1 位無利益衝突的評審可指派');
    noEnglishOutsideMarks(few);
    expect(shown(<AssignmentCause problem={{ message: 'x', cause: 'TOO_FEW_AVAILABLE', causeArgs: [arg('judges', '0')] }} judgeName={() => undefined} />, 'en').text).toBe('no judge without a conflict is available');
    expect(shown(<AssignmentCause problem={{ message: 'x', cause: 'NO_PLACEMENT', causeArgs: [arg('judges', '1')] }} judgeName={() => undefined} />, 'en').text).toBe('1 judge still has room but could not be placed without breaking another rule');
    const conflict = shown(<AssignmentCause problem={{ message: 'proposal p1: judge h:u9 is assigned…', cause: 'CONFLICT_KEPT', causeArgs: [arg('judge', 'h:u9')] }} judgeName={(id) => (id === 'h:u9' ? '王評審' : undefined)} />);
    expect(conflict.text).toBe('王評審 已被指派，但與這件提案有利益衝突：請重新指派或移除這項指派');
  });

  it('says what publishing could not do with the title and statuses in zh-TW', () => {
    const problem = { proposalId: 'p1', args: [arg('to', 'SHORTLISTED'), arg('from', 'WITHDRAWN')], message: 'Cannot move a WITHDRAWN proposal to SHORTLISTED.' };
    const zh = shown(<PublishProblemText problem={problem} title="公車即時到站" />);
    expect(zh.text).toMatch(/^「公車即時到站」無法改為「.+」：它目前是「.+」。$/);
    noEnglishOutsideMarks(zh);
  });

  it('says a failed job’s known reasons in zh-TW, and an unknown one as the job failed with marked English', () => {
    const column = shown(<JobExitReason reason={{ code: 'OUTCOME_UNKNOWN_COLUMN', args: [arg('column', 'colour')], message: "IllegalArgumentException (Unknown column 'colour' in the header; …)" }} />);
    expect(column.text).toBe('標題列有匯入不認得的欄位：「colour」。');
    expect(shown(<JobExitReason reason={{ code: 'OUT_OF_MEMORY', args: [arg('read', '1'), arg('written', '0')], message: 'x' }} />, 'en').text).toContain('after 1 item read and 0 written');
    expect(shown(<JobExitReason reason={{ code: 'OUT_OF_MEMORY', args: [arg('read', '30'), arg('written', '10')], message: 'x' }} />).text).toContain('讀取 30 筆、寫入 10 筆');
    const limited = shown(<JobExitReason reason={{ code: 'RATE_LIMITED', args: [arg('left', '12'), arg('until', '2026-12-07T03:00:00Z')], message: 'x' }} />);
    expect(limited.text).toContain('還有 12 個專案');
    expect(limited.text).not.toContain('2026-12-07T03:00:00Z');
    const unknown = shown(<JobExitReason reason={{ code: 'JOB_FAILED', args: [], message: 'IllegalStateException (something new) in step s' }} />);
    expect(unknown.text).toContain('工作執行失敗；詳細說明（英文）：');
    expect(unknown.english).toEqual(['IllegalStateException (something new) in step s']);
    noEnglishOutsideMarks(unknown);
  });

  it('says a refused publication by its rule in zh-TW, with the rule’s values', () => {
    const problem = problemFromErrors([
      { message: 'The round is OPEN; close it and select before publishing.', extensions: { code: 'BAD_USER_INPUT', rule: 'ROUND_NOT_CLOSED', status: 'OPEN' } },
    ]);
    const zh = shown(<ProblemNotice problem={problem} />);
    expect(zh.text).toContain('此回合仍開放評分：請先結束評分並選出提案，再公布。');
    noEnglishOutsideMarks(zh);
  });
});
