import { useI18n, type Locale, type MessageKey } from '../i18n';
import { messageValues, type MessageArg } from '../lib/messages';

/** A sentence the server sends as a code with its values, beside the same sentence in English (`message`). */
export type Coded = { code?: string | null; args?: readonly MessageArg[] | null; message: string };

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * Codes whose catalog sentence introduces the English it is followed by: what the server could not say as a code
 * (a job's unknown failure, a ranking that cannot be computed for a reason without a code).
 */
const FOLLOWED_BY_ENGLISH = new Set(['JOB_FAILED', 'RANKING_UNAVAILABLE']);

/**
 * The sentence of a server code from the catalog at `<prefix>.<code>`, in the reader's language, with the code's
 * values (names in the reader's language, numbers for plurals) and `values` over them (e.g. sector names said from the
 * catalog). `english` tells whether the server's English must follow it: for a code the catalog lacks (text is then
 * null), a sentence that has no code, or one that says no more than "details (English)".
 */
export function codedSentence(
  prefix: string,
  coded: Coded,
  t: Translate,
  locale: Locale,
  values: Record<string, string | number> = {},
): { text: string | null; english: boolean } {
  if (!coded.code) return { text: null, english: true };
  const key = `${prefix}.${coded.code}`;
  let text: string | null;
  try {
    text = t(key as MessageKey, { ...messageValues(coded.args, locale), ...values });
  } catch {
    // A value the sentence needs is missing (a code from a newer server): say it in English.
    text = null;
  }
  if (text === key) text = null;
  return { text, english: text === null || FOLLOWED_BY_ENGLISH.has(coded.code) };
}

/**
 * A server sentence said from the catalog (see `codedSentence`); what must stay English is marked `lang="en"`, after
 * "details (English):" when no catalog sentence introduces it.
 */
export function CodedText({
  prefix,
  text: coded,
  values,
  detailsKey = 'serverText.details',
}: {
  prefix: string;
  text: Coded;
  values?: Record<string, string | number>;
  detailsKey?: MessageKey;
}) {
  const { t, locale } = useI18n();
  const { text, english } = codedSentence(prefix, coded, t, locale, values);
  return (
    <>
      {text ?? t(detailsKey)}
      {english && (
        <>
          {' '}
          <span lang="en">{coded.message}</span>
        </>
      )}
    </>
  );
}
