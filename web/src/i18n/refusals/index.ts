import { en } from '../en';
import { format, type Locale } from '../index';
import { zhTW } from '../zh-TW';
import codes from './codes.json';
import { refusalFieldsEn, refusalsEn, type RefusalCode } from './en';
import { refusalFieldsZhTW, refusalsZhTW } from './zh-TW';

export type { RefusalCode };

/** The reason codes the server gives (backend `Refusal`), with the names of their arguments. */
export const REFUSAL_CODES = codes as Record<RefusalCode, string[]>;

const REASONS: Record<Locale, Record<RefusalCode, string>> = { en: refusalsEn, 'zh-TW': refusalsZhTW };
const FIELDS: Record<Locale, Record<string, string>> = { en: refusalFieldsEn, 'zh-TW': refusalFieldsZhTW };
const LANGUAGE_OF_TEXT: Record<Locale, Record<string, string>> = {
  en: { zhTW: '{name} (Chinese)', en: '{name} (English)' },
  'zh-TW': { zhTW: '{name}（中文）', en: '{name}（英文）' },
};

const MAIN: Record<Locale, Record<string, string>> = { en, 'zh-TW': zhTW };

/** Reasons whose `type` argument is a value the main catalog names (a milestone type, a link type), and its keys. */
const TYPE_KEY: Record<string, string> = {
  AGENCY_REQUIRED: 'followup.type.',
  EVIDENCE_REQUIRED: 'followup.type.',
  ONE_LINK_PER_TYPE: 'link.',
};

/** Reasons whose sentence introduces the server's English, which says what only it knows. */
const FOLLOWED_BY_ENGLISH = new Set<string>(['INVALID', 'NOT_RANKABLE']);

/**
 * A field as the reader calls it: `rounds[2].name.zhTW` is looked up without positions (`rounds.name`, then its
 * last part `name`), with the language of a bilingual text said after it; a field the catalog lacks is said as the
 * server names it.
 */
export function fieldName(field: string | undefined, locale: Locale): string {
  if (!field) return '';
  const parts = field.replace(/\[\d+\]/g, '').split('.');
  const language = parts.length > 1 ? parts[parts.length - 1] : '';
  const base = language === 'zhTW' || language === 'en' ? parts.slice(0, -1) : parts;
  const names = FIELDS[locale];
  const joined = base.join('.');
  const name = names[joined] ?? names[base[base.length - 1]] ?? (base.length > 0 ? joined : field);
  return base.length < parts.length ? format(LANGUAGE_OF_TEXT[locale][language], { name }) : name;
}

/** A refusal as the server sends it: `message` (English), and the reason code with its field and values if any. */
export type RefusalLike = {
  message: string;
  reason?: string;
  field?: string;
  args?: Record<string, string | number>;
};

function isCode(reason: string | undefined): reason is RefusalCode {
  return reason !== undefined && Object.prototype.hasOwnProperty.call(REASONS.en, reason);
}

/**
 * The refusal's sentence in the reader's language: null for a reason the catalogs do not know (then the server's
 * English is said instead); `english` tells whether the server's English must follow it.
 */
export function refusalSentence(refusal: RefusalLike, locale: Locale): { text: string | null; english: boolean } {
  if (!isCode(refusal.reason)) return { text: null, english: true };
  const numbers = new Intl.NumberFormat(locale);
  const values: Record<string, string | number> = { field: fieldName(refusal.field, locale) };
  for (const [name, value] of Object.entries(refusal.args ?? {})) {
    values[name] = typeof value === 'number' ? numbers.format(value) : value;
    if (name === 'other' && typeof value === 'string') values[name] = fieldName(value, locale);
    const typeKey = TYPE_KEY[refusal.reason];
    if (name === 'type' && typeKey && typeof value === 'string') values[name] = MAIN[locale][typeKey + value] ?? value;
  }
  return { text: format(REASONS[locale][refusal.reason], values, locale), english: FOLLOWED_BY_ENGLISH.has(refusal.reason) };
}
