import '../i18n/imports';
import { useI18n, type MessageKey } from '../i18n';
import type { MessageArg } from '../lib/messages';
import { codedSentence } from './CodedText';

/**
 * An import error as the server sends it: a code with its arguments (a list of named values over GraphQL, an object over
 * REST) beside the same sentence in English; for a proposal page, the section at fault.
 */
export type ImportError = {
  code?: string | null;
  args?: readonly MessageArg[] | Readonly<Record<string, string | number>> | null;
  message: string;
  section?: string | null;
};

function argList(args: ImportError['args']): MessageArg[] {
  if (!args) return [];
  if (Array.isArray(args)) return [...args];
  return Object.entries(args).map(([name, value]) => ({ name, value: String(value) }));
}

/**
 * An import error in the reader's language, from the catalog at `imports.<kind>.<code>` (i18n/imports). A code the
 * catalog does not know, or none (a row an outcome import stored before codes were), shows the server's English,
 * marked `lang="en"`; so does INVALID_VALUE, after its sentence saying that the details are in English.
 */
export function ImportErrorText({ kind, error }: { kind: 'proposal' | 'outcome'; error: ImportError }) {
  const { t, locale } = useI18n();
  const { text } = codedSentence(`imports.${kind}`, { code: error.code, args: argList(error.args), message: error.message }, t, locale);
  if (text === null) return <span lang="en">{error.message}</span>;
  // The catalog's sentence ends as the language writes it: a space after the English colon, none after the Chinese one.
  const section = error.section ? t('imports.section' as MessageKey, { section: error.section }) : '';
  if (error.code === 'INVALID_VALUE') {
    return (
      <>
        {section}
        {text} <span lang="en">{error.message}</span>
      </>
    );
  }
  return (
    <>
      {section}
      {text}
    </>
  );
}
