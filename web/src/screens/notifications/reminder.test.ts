import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zhTW } from '../../i18n/zh-TW';
import { format, type MessageKey } from '../../i18n';
import { notificationText } from './messages';

const t = (key: MessageKey, values?: Record<string, string | number>) => format(en[key], values);
const zh = (key: MessageKey, values?: Record<string, string | number>) => format(zhTW[key], values, 'zh-TW');

function parameters(values: Record<string, string>) {
  return Object.entries(values).map(([name, value]) => ({ name, value }));
}

const REMINDER = {
  hackathonName: '2026 總統盃黑客松',
  hackathonNameZhTW: '2026 總統盃黑客松',
  hackathonNameEn: 'Presidential Hackathon 2026',
  roundName: 'Preliminary review',
  roundNameEn: 'Preliminary review',
  roundNameZhTW: '初審',
  roundId: 'r1',
  method: 'RUBRIC',
  remaining: '7',
  proposal1: 'Flood map',
  proposal2: '長照媒合',
  proposal3: 'Bus data',
  proposal4: 'Open budget',
  proposal5: 'Air quality',
  more: '2',
  closesAt: '2026-12-20T10:00:00Z',
  timeZone: 'Asia/Taipei',
};

describe('JUDGING_REMINDER', () => {
  it('says how much is left, names the proposals and the deadline in the event time zone, in English', () => {
    const { text, detail } = notificationText('JUDGING_REMINDER', parameters(REMINDER), t, 'en');
    expect(text).toBe('Reminder: 7 proposals wait for your score in “Preliminary review” (Presidential Hackathon 2026).');
    expect(detail).toContain('Left: Flood map, 長照媒合, Bus data, Open budget, Air quality and 2 more');
    // 10:00 UTC is 18:00 in Taipei.
    expect(detail).toMatch(/Due Dec 20, 2026, 0?6:00\s?PM GMT\+8\./);
  });

  it('says it in zh-TW with the Chinese names, and an expo round counts tables', () => {
    const { text, detail } = notificationText('JUDGING_REMINDER', parameters(REMINDER), zh, 'zh-TW');
    expect(text).toBe('提醒：「初審」（2026 總統盃黑客松）還有 7 件提案等待您評分。');
    expect(detail).toContain('尚未完成：Flood map、長照媒合、Bus data、Open budget、Air quality，另有 2 件');
    expect(detail).toContain('截止時間：');
    expect(detail).toContain('2026年12月20日 下午06:00');
    const expo = notificationText('JUDGING_REMINDER', parameters({ ...REMINDER, method: 'PAIRWISE', remaining: '1', more: '0' }), t, 'en');
    expect(expo.text).toBe('Reminder: 1 table waits for your visit in “Preliminary review” (Presidential Hackathon 2026).');
  });

  it('leaves the deadline out when the round has none', () => {
    const { closesAt: _unused, ...noDeadline } = REMINDER;
    const { detail } = notificationText('JUDGING_REMINDER', parameters({ ...noDeadline, remaining: '1', more: '0' }), t, 'en');
    expect(detail).not.toContain('Due');
  });
});
