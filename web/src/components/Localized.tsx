import { useI18n, type Locale } from '../i18n';

export type LocalizedText = { zhTW?: string | null; en?: string | null };

/** The text in the reader's language if present, else the other, with which language it is. */
export function pick(text: LocalizedText, locale: Locale): { value: string; lang: Locale } {
  const preferred = locale === 'zh-TW' ? text.zhTW : text.en;
  if (preferred) return { value: preferred, lang: locale };
  if (text.zhTW) return { value: text.zhTW, lang: 'zh-TW' };
  return { value: text.en ?? '', lang: 'en' };
}

/** Renders a LocalizedText in the reader's language, marking the language when it falls back to the other. */
export function Localized({ text }: { text: LocalizedText }) {
  const { locale } = useI18n();
  const { value, lang } = pick(text, locale);
  return lang === locale ? <>{value}</> : <span lang={lang}>{value}</span>;
}

export function useLocalized(): (text: LocalizedText) => string {
  const { locale } = useI18n();
  return (text) => pick(text, locale).value;
}
