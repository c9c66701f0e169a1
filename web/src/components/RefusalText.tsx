import type { FieldError } from '../api/errors';
import { useI18n } from '../i18n';
import { refusalSentence, type RefusalLike } from '../i18n/refusals';

/**
 * A refusal of the server in the reader's language, from its reason code (`extensions.reason`); a refusal without a
 * reason the catalogs know is the server's English, marked `lang="en"`.
 */
export function RefusalText({ refusal }: { refusal: RefusalLike }) {
  const { locale } = useI18n();
  const { text, english } = refusalSentence(refusal, locale);
  if (text === null) return <span lang="en">{refusal.message}</span>;
  return (
    <>
      {text}
      {english && (
        <>
          {' '}
          <span lang="en">{refusal.message}</span>
        </>
      )}
    </>
  );
}

/** A field's error: the panel's own sentence as it is, a server refusal said by `RefusalText`. */
export function FieldErrorText({ error }: { error: FieldError }) {
  return typeof error === 'string' ? <>{error}</> : <RefusalText refusal={error} />;
}
