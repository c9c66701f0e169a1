import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlMessageFormat } from 'intl-messageformat';
import { en, type MessageKey } from './en';

export type { MessageKey };
import { zhTW } from './zh-TW';

export type Locale = 'en' | 'zh-TW';

export const LOCALES: { id: Locale; label: string }[] = [
  { id: 'zh-TW', label: '正體中文' },
  { id: 'en', label: 'English' },
];

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, 'zh-TW': zhTW };

/** Messages of screens that bring their own catalog (i18n/judging), added when their chunk first runs. */
const added: Record<Locale, Record<string, string>> = { en: {}, 'zh-TW': {} };

/**
 * Adds a catalog that loads with its screens rather than with the first screen. Its module calls this when imported,
 * and the screens import their `useI18n` from it, so the messages are there before those screens render.
 */
export function addMessages(messages: Record<Locale, Record<string, string>>): void {
  Object.assign(added.en, messages.en);
  Object.assign(added['zh-TW'], messages['zh-TW']);
}

/** A message in the reader's language, else in English; the key itself if no loaded catalog has it. */
function message(locale: Locale, key: string): string {
  return catalogs[locale][key as MessageKey] ?? added[locale][key] ?? en[key as MessageKey] ?? added.en[key] ?? key;
}

const STORAGE_KEY = 'hacktrail.locale';

/** The browser's preferred language decides, unless the person chose one here before. */
export function initialLocale(languages: readonly string[] = navigator.languages ?? [navigator.language]): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (saved === 'en' || saved === 'zh-TW') return saved;
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-TW';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

/** Compiled ICU messages (those with a plural or select), by locale and template. */
const compiled = new Map<string, IntlMessageFormat>();

/**
 * A message with its values: `{name}` placeholders, and ICU plural and select (`{count, plural, one {# request}
 * other {# requests}}`) formatted by intl-messageformat with the locale's plural rules. Only messages that use
 * plural or select go through ICU, so the others keep their apostrophes and braces as written.
 */
export function format(template: string, values: Record<string, string | number> = {}, locale: Locale = 'en'): string {
  if (/\{\s*\w+\s*,\s*(plural|select|selectordinal)\s*,/.test(template)) {
    const id = `${locale}\u0000${template}`;
    let icu = compiled.get(id);
    if (!icu) {
      icu = new IntlMessageFormat(template, locale);
      compiled.set(id, icu);
    }
    return String(icu.format(values));
  }
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

type I18n = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, locale: forced }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => forced ?? initialLocale());
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, values) => format(message(locale, key), values, locale),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
