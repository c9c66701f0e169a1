import { describe, expect, it } from 'vitest';
import { format, type Locale } from '../../i18n';
import { en } from '../../i18n/en';
import { zhTW } from '../../i18n/zh-TW';
import { judgingEn } from '../../i18n/judging/en';
import { judgingZhTW } from '../../i18n/judging/zh-TW';
import type { MessageKey } from '../../i18n/judging';
import { messageValues } from '../../lib/messages';
import { roundEventDetail } from './roundEvents';

const catalogs: Record<Locale, Record<string, string>> = {
  en: { ...en, ...judgingEn },
  'zh-TW': { ...zhTW, ...judgingZhTW },
};
const translator = (locale: Locale) => (key: MessageKey, values?: Record<string, string | number>) =>
  format(catalogs[locale][key] ?? key, values, locale);
const arg = (name: string, value: string) => ({ name, value });

describe('server-made round history, said from the catalogs', () => {
  it('says an assignment with its plurals, the 64-bit seed as given, and no plan id', () => {
    const event = {
      action: 'ASSIGNED',
      coded: true,
      reason: null,
      args: [arg('proposals', '1'), arg('judges', '5'), arg('cause', 'ASSIGNMENT'), arg('seed', '18446744073709551615'), arg('problems', '1')],
    };
    expect(roundEventDetail(event, translator('en'), 'en')).toBe(
      '1 proposal assigned to 5 judges (seed 18446744073709551615, 1 problem)',
    );
    expect(roundEventDetail(event, translator('zh-TW'), 'zh-TW')).toBe('將 1 件提案指派給 5 位評審（種子 18446744073709551615，1 個問題）');
    const none = { ...event, args: event.args.map((a) => (a.name === 'problems' ? arg('problems', '0') : a)) };
    expect(roundEventDetail(none, translator('en'), 'en')).toContain('no problems');
  });

  it('puts a person’s reason after the sentence, and a selection’s kind in the reader’s language', () => {
    const event = {
      action: 'SELECTED',
      coded: true,
      reason: '評審團建議',
      args: [arg('kind', 'OVERRIDE'), arg('count', '2'), arg('cut', '1'), arg('quotaOverride', 'true')],
    };
    expect(roundEventDetail(event, translator('en'), 'en')).toBe('an override: 2 proposals instead of N = 1 (quota override) — 評審團建議');
    expect(roundEventDetail(event, translator('zh-TW'), 'zh-TW')).toBe('不依排名選出：2 件提案（取代 N = 1，超出名額） — 評審團建議');
  });

  it('shows an event kept before events had values as the server wrote it', () => {
    expect(roundEventDetail({ action: 'ASSIGNED', coded: false, detail: 'Assignment of 3 proposals', args: [] }, translator('zh-TW'), 'zh-TW')).toBe(
      'Assignment of 3 proposals',
    );
    expect(roundEventDetail({ action: 'OPEN', coded: true, detail: null, args: [] }, translator('zh-TW'), 'zh-TW')).toBe('');
  });

  it('picks a name kept in both languages in the reader’s language, and numbers as numbers', () => {
    const args = [{ name: 'round', value: '決選', zhTW: '決選', en: 'Finals' }, arg('count', '3')];
    expect(messageValues(args, 'en')).toEqual({ round: 'Finals', count: 3 });
    expect(messageValues(args, 'zh-TW')).toEqual({ round: '決選', count: 3 });
  });
});
