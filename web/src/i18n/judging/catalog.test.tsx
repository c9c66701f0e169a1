import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nProvider, useI18n as useBaseI18n, type Locale, type MessageKey as BaseMessageKey } from '../index';
import { en } from '../en';
import { zhTW } from '../zh-TW';
import { judgingEn } from './en';
import { judgingZhTW } from './zh-TW';
import { useI18n } from './index';

afterEach(cleanup);

function PTop() {
  const { t } = useI18n();
  return <p>{t('judging.ranking.pTop', { n: 3 })}</p>;
}

function Judging({ locale }: { locale: Locale }) {
  return (
    <I18nProvider locale={locale}>
      <PTop />
    </I18nProvider>
  );
}

describe('judging messages', () => {
  it('has every message in both catalogs, with the same placeholders', () => {
    const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\s*(\w+)\s*(?:,|\})/g)].map((m) => m[1]))].sort();
    for (const key of Object.keys(judgingEn) as (keyof typeof judgingEn)[]) {
      expect(judgingZhTW[key], key).toBeTruthy();
      expect(placeholders(judgingZhTW[key]), key).toEqual(placeholders(judgingEn[key]));
    }
  });

  it('leaves no key in both the first-screen catalogs and the judging ones', () => {
    expect(Object.keys(judgingEn).filter((key) => key in en || key in zhTW)).toEqual([]);
  });

  it('are there, in the reader’s language, once a screen imports useI18n from i18n/judging', () => {
    render(<Judging locale="en" />);
    expect(screen.getByText('P(top 3)')).toBeTruthy();
    cleanup();
    render(<Judging locale="zh-TW" />);
    expect(screen.getByText(judgingZhTW['judging.ranking.pTop'].replace('{n}', '3'))).toBeTruthy();
  });

  it('shows the key, not a crash, for a message no loaded catalog has', () => {
    function Missing() {
      const { t } = useBaseI18n();
      return <p>{t('judging.nowhere' as BaseMessageKey)}</p>;
    }
    render(
      <I18nProvider locale="zh-TW">
        <Missing />
      </I18nProvider>,
    );
    expect(screen.getByText('judging.nowhere')).toBeTruthy();
  });
});
