// The messages of a project's g0v.json section load with the project page's follow-up chunk. A component that shows
// them imports `useI18n` from here: that import adds the messages before it renders, and only this `t` accepts them.
import { addMessages, useI18n as useBaseI18n, type MessageKey as BaseMessageKey } from '../index';
import { g0vJsonEn, type G0vJsonMessageKey } from './en';
import { g0vJsonZhTW } from './zh-TW';

addMessages({ en: g0vJsonEn, 'zh-TW': g0vJsonZhTW });

export type MessageKey = BaseMessageKey | G0vJsonMessageKey;

type G0vJsonI18n = Omit<ReturnType<typeof useBaseI18n>, 't'> & {
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
};

/** The panel's useI18n, whose `t` also takes the g0v.json messages. */
export function useI18n(): G0vJsonI18n {
  return useBaseI18n() as G0vJsonI18n;
}
