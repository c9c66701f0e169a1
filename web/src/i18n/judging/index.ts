// The judging screens' messages (judging.*, a third of the panel's text) load with those screens' chunks instead of
// with the first screen every visitor downloads. A screen that shows them imports `useI18n` and `MessageKey` from
// here rather than from '../index': that import adds the messages before the screen renders, and only this `t`
// accepts their keys, so the compiler refuses a judging message on a screen that did not load them.
import { addMessages, useI18n as useBaseI18n, type MessageKey as BaseMessageKey } from '../index';
import { judgingEn, type JudgingMessageKey } from './en';
import { judgingZhTW } from './zh-TW';

addMessages({ en: judgingEn, 'zh-TW': judgingZhTW });

export type MessageKey = BaseMessageKey | JudgingMessageKey;

type JudgingI18n = Omit<ReturnType<typeof useBaseI18n>, 't'> & {
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
};

/** The panel's useI18n, whose `t` also takes the judging messages. */
export function useI18n(): JudgingI18n {
  return useBaseI18n() as JudgingI18n;
}
