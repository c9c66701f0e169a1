import type { Locale } from '../i18n';

/** One named value of a message the server makes, as the API sends it beside the message's code. */
export type MessageArg = { name: string; value: string; zhTW?: string | null; en?: string | null };

/**
 * The values of a server-made message for the panel's catalog sentence: a name kept in both languages in the reader's
 * language (else the other), a number as a number (so that ICU plurals pick their form), anything else as given.
 */
export function messageValues(args: readonly MessageArg[] | null | undefined, locale: Locale): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const arg of args ?? []) {
    const localized = locale === 'zh-TW' ? (arg.zhTW ?? arg.en) : (arg.en ?? arg.zhTW);
    if (localized) values[arg.name] = localized;
    else if (/^-?\d+(\.\d+)?$/.test(arg.value)) values[arg.name] = Number(arg.value);
    else values[arg.name] = arg.value;
  }
  return values;
}
