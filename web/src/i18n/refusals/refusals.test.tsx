import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nProvider, format, type Locale } from '..';
import { problemFromErrors } from '../../api/errors';
import { Field } from '../../components/Field';
import { ProblemNotice } from '../../components/ProblemNotice';
import { REFUSAL_CODES, fieldName, refusalSentence } from '.';
import { refusalsEn } from './en';
import { refusalsZhTW } from './zh-TW';

afterEach(cleanup);

/** The text the reader sees, and the text marked as English (`lang="en"`). */
function shown(node: ReactNode, locale: Locale = 'zh-TW') {
  const { container } = render(<I18nProvider locale={locale}>{node}</I18nProvider>);
  const english = [...container.querySelectorAll('[lang="en"]')].map((el) => el.textContent ?? '');
  const text = container.textContent ?? '';
  cleanup();
  return { text, english };
}


describe('refusals in the reader’s language (#17)', () => {
  it('has an English and a zh-TW sentence for every reason code the server gives, with only its values', () => {
    const codes = Object.keys(REFUSAL_CODES).sort();
    expect(codes.length).toBeGreaterThan(20);
    expect(Object.keys(refusalsEn).sort()).toEqual(codes);
    expect(Object.keys(refusalsZhTW).sort()).toEqual(codes);
    for (const [code, args] of Object.entries(REFUSAL_CODES)) {
      // Every placeholder is a value the code gives: said with them all, nothing is left unsaid (an ICU select's
      // branches are text, not placeholders).
      const values = Object.fromEntries(['field', ...args].map((name) => [name, '‹v›']));
      for (const [locale, catalog] of [['en', refusalsEn], ['zh-TW', refusalsZhTW]] as const) {
        const template = catalog[code as keyof typeof catalog];
        expect(format(template, values, locale), `${code} (${locale})`).not.toMatch(/\{\s*\w+\s*[,}]/);
      }
    }
  });

  it('says a refusal next to its field in Chinese, with the field’s name and the value', () => {
    const problem = problemFromErrors([
      {
        message: 'The title.zhTW is longer than 200 characters.',
        extensions: { code: 'BAD_USER_INPUT', field: 'title.zhTW', reason: 'TOO_LONG', args: { max: 200 } },
      },
    ]);
    const zh = shown(
      <Field label="標題" error={problem.fields['title.zhTW']}>
        {(props) => <input {...props} />}
      </Field>,
    );
    expect(zh.text).toContain('標題（中文）最多 200 個字元。');
    expect(zh.english).toEqual([]);
    const en = shown(
      <Field label="Title" error={problem.fields['title.zhTW']}>
        {(props) => <input {...props} />}
      </Field>,
      'en',
    );
    expect(en.text).toContain('The title (Chinese) is longer than 200 characters.');
  });

  it('lists coded refusals in Chinese and says an uncoded one in English marked as such', () => {
    const problem = problemFromErrors([
      { message: 'Give the rounds[1].kind.', extensions: { code: 'BAD_USER_INPUT', field: 'rounds[1].kind', reason: 'REQUIRED', args: {} } },
      { message: 'Something only the server can say.', extensions: { code: 'BAD_USER_INPUT', field: 'other' } },
      { message: 'Unknown reason from a newer server.', extensions: { code: 'BAD_USER_INPUT', reason: 'SOMETHING_NEW', args: {} } },
    ]);
    const zh = shown(<ProblemNotice problem={problem} />);
    expect(zh.text).toContain('請填寫類型。');
    expect(zh.english).toEqual(['Something only the server can say.', 'Unknown reason from a newer server.']);
    expect(zh.text).not.toContain('Give the');
  });

  it('says a coded conflict in Chinese and leaves out fields shown next to their controls', () => {
    const conflict = problemFromErrors([
      { message: 'You are already a member of this team.', extensions: { code: 'BAD_USER_INPUT', field: 'proposalId', reason: 'ALREADY_MEMBER_SELF', args: {} } },
      { message: 'The hackathon x is ARCHIVED; it no longer changes.', extensions: { code: 'CONFLICT', reason: 'HACKATHON_ARCHIVED', args: { slug: 'g0v-60' } } },
    ]);
    const zh = shown(<ProblemNotice problem={conflict} shownFields={['proposalId']} />);
    expect(zh.text).toContain('黑客松 g0v-60 已封存，不再變更。');
    expect(zh.text).not.toContain('你已經是這個團隊的成員。');
    expect(zh.english).toEqual([]);
  });

  it('says a coded FORBIDDEN refusal in Chinese under the general sentence', () => {
    const forbidden = problemFromErrors([
      { message: 'This proposal is not assigned to you in this round.', extensions: { code: 'FORBIDDEN', reason: 'NOT_ASSIGNED', args: {} } },
    ]);
    const zh = shown(<ProblemNotice problem={forbidden} />);
    expect(zh.text).toContain('這個回合沒有把這個提案指派給你。');
    expect(zh.english).toEqual([]);
  });

  it('names fields without list positions, and a field the catalog lacks as the server does', () => {
    expect(fieldName('rounds[2].name.en', 'zh-TW')).toBe('名稱（英文）');
    expect(fieldName('partnerAgency.name', 'zh-TW')).toBe('合作機關名稱');
    expect(fieldName('somethingNew', 'en')).toBe('somethingNew');
    expect(refusalSentence({ message: 'x', reason: 'OUT_OF_RANGE', field: 'count', args: { min: 1, max: 10000, value: 0 } }, 'en').text).toBe(
      'The number of seats is between 1 and 10,000, not 0.',
    );
  });

  it('names a milestone type and a link type in the reader’s language, not as the server’s enum value', () => {
    const agency = refusalSentence({ message: 'x', reason: 'AGENCY_REQUIRED', field: 'agency', args: { type: 'ADOPTED' } }, 'zh-TW').text;
    expect(agency).toContain('機關採用');
    expect(agency).not.toContain('ADOPTED');
    const link = refusalSentence({ message: 'x', reason: 'ONE_LINK_PER_TYPE', field: 'links', args: { type: 'REPOSITORY' } }, 'en').text;
    expect(link).toContain('Repository');
    expect(link).not.toContain('REPOSITORY');
  });

  it('says what only the server knows after a sentence that introduces it', () => {
    const invalid = shown(
      <ProblemNotice
        problem={problemFromErrors([
          { message: 'The parameters is not valid: no such file', extensions: { code: 'BAD_USER_INPUT', field: 'parameters', reason: 'INVALID', args: { detail: 'no such file' } } },
        ])}
      />,
    );
    expect(invalid.text).toContain('參數不正確；詳細說明（英文）：');
    expect(invalid.english).toEqual(['The parameters is not valid: no such file']);
  });
});
