import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import { backendSchema } from '../../../codegen';
import { I18nProvider, type Locale } from '../index';
import { en } from '../en';
import { zhTW } from '../zh-TW';
import { importsEn, importsZhTW } from './index';
import { ImportErrorText, type ImportError } from '../../components/ImportErrorText';
import type { OutcomeImportErrorCode } from '../../screens/followup/gql/graphql';

afterEach(cleanup);

// Every code an outcome import can send has an English sentence: tsc refuses this line when one is missing.
const outcomeCovered: Record<`imports.outcome.${OutcomeImportErrorCode}`, string> = importsEn;

/** The values of a schema enum, from the backend's .graphqls files (the list the backend's tests hold Java to). */
function schemaEnum(name: string): string[] {
  const node = parse(backendSchema()).definitions.find(
    (definition): definition is EnumTypeDefinitionNode => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === name,
  );
  expect(node, name).toBeTruthy();
  return (node?.values ?? []).map((value) => value.name.value);
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\s*(\w+)\s*(?:,|\})/g)].map((m) => m[1]))].sort();

describe('import error messages', () => {
  it('have a sentence in English and in Chinese for every code the backend can send', () => {
    expect(Object.keys(outcomeCovered).length).toBeGreaterThan(0);
    for (const [prefix, enumName] of [
      ['imports.proposal', 'ProposalImportErrorCode'],
      ['imports.outcome', 'OutcomeImportErrorCode'],
    ]) {
      const codes = schemaEnum(enumName);
      expect(codes.length, enumName).toBeGreaterThan(10);
      for (const code of codes) {
        const key = `${prefix}.${code}` as keyof typeof importsEn;
        expect(importsEn[key], key).toBeTruthy();
        expect(importsZhTW[key], key).toBeTruthy();
      }
      // …and no sentence for a code the schema no longer has.
      const known = new Set(codes.map((code) => `${prefix}.${code}`));
      expect(Object.keys(importsEn).filter((key) => key.startsWith(`${prefix}.`) && !known.has(key))).toEqual([]);
    }
  });

  it('have the same placeholders in both languages, and none in the first-screen catalogs', () => {
    for (const key of Object.keys(importsEn) as (keyof typeof importsEn)[]) {
      expect(placeholders(importsZhTW[key]), key).toEqual(placeholders(importsEn[key]));
    }
    expect(Object.keys(importsEn).filter((key) => key in en || key in zhTW)).toEqual([]);
  });
});

function Row({ kind, error, locale }: { kind: 'proposal' | 'outcome'; error: ImportError; locale: Locale }) {
  return (
    <I18nProvider locale={locale}>
      <p data-testid="row">
        <ImportErrorText kind={kind} error={error} />
      </p>
    </I18nProvider>
  );
}

describe('an import error', () => {
  it('is said in Chinese to a zh-TW reader, with its values, and the English is not shown', () => {
    render(
      <Row
        kind="proposal"
        locale="zh-TW"
        error={{ code: 'TOO_LONG', args: { max: 200, length: 230 }, message: 'The title.en is longer than 200 characters (230).' }}
      />,
    );
    expect(screen.getByTestId('row').textContent).toBe('超過 200 個字元。');
    expect(document.querySelector('[lang="en"]')).toBeNull();
  });

  it('names the section of a page in the reader’s language', () => {
    render(
      <Row
        kind="proposal"
        locale="zh-TW"
        error={{ code: 'URL_SCHEME', args: { url: 'ftp://example.org' }, section: '空氣盒子', message: 'Section "空氣盒子" (line 6): …' }}
      />,
    );
    expect(screen.getByTestId('row').textContent).toBe('段落「空氣盒子」：只接受 http 與 https 連結：「ftp://example.org」。');
  });

  it('of an outcome import is said from its GraphQL arguments', () => {
    render(
      <Row
        kind="outcome"
        locale="zh-TW"
        error={{
          code: 'UNKNOWN_PROPOSAL',
          args: [
            { name: 'title', value: 'Air map' },
            { name: 'slug', value: 'g0v-70' },
          ],
          message: "There is no proposal titled 'Air map' at g0v-70.",
        }}
      />,
    );
    expect(screen.getByTestId('row').textContent).toBe('g0v-70 沒有標題為「Air map」的提案。');
  });

  it('says the charset refusal with its select', () => {
    render(<Row kind="proposal" locale="zh-TW" error={{ code: 'CHARSET_NOT_UTF8', args: { format: 'PAGE', charset: 'Big5' }, message: 'x' }} />);
    expect(screen.getByTestId('row').textContent).toBe('請以 UTF-8 傳送頁面，而非 Big5。');
  });

  it('without a code (stored before codes were) or with an unknown one shows the English, marked as English', () => {
    render(<Row kind="outcome" locale="zh-TW" error={{ code: null, args: [], message: 'No project matches.' }} />);
    expect(screen.getByText('No project matches.').getAttribute('lang')).toBe('en');
    cleanup();
    render(<Row kind="proposal" locale="zh-TW" error={{ code: 'FROM_A_NEWER_SERVER', args: {}, message: 'Something new.' }} />);
    expect(screen.getByText('Something new.').getAttribute('lang')).toBe('en');
    expect(screen.getByTestId('row').textContent).toBe('Something new.');
  });

  it('without a code of its own says so and gives the English', () => {
    render(<Row kind="outcome" locale="zh-TW" error={{ code: 'INVALID_VALUE', args: [], message: 'Something new.' }} />);
    expect(screen.getByTestId('row').textContent).toBe('此值不被接受；詳細說明（英文）： Something new.');
    expect(screen.getByText('Something new.').getAttribute('lang')).toBe('en');
  });
});
