// The messages of verification by selection load with the organizers' verify page. A component that shows them imports
// `useI18n` from here: that import adds the messages before it renders, and only this `t` accepts them.
import { addMessages, useI18n as useBaseI18n, type MessageKey as BaseMessageKey } from '../index';
import { bulkVerifyEn, type BulkVerifyMessageKey } from './en';
import { bulkVerifyZhTW } from './zh-TW';

addMessages({ en: bulkVerifyEn, 'zh-TW': bulkVerifyZhTW });

export type MessageKey = BaseMessageKey | BulkVerifyMessageKey;

type BulkVerifyI18n = Omit<ReturnType<typeof useBaseI18n>, 't'> & {
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
};

/** The panel's useI18n, whose `t` also takes the messages of verification by selection. */
export function useI18n(): BulkVerifyI18n {
  return useBaseI18n() as BulkVerifyI18n;
}
