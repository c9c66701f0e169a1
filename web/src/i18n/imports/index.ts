// The sentences of import errors load with the screens that show them (the proposal import, the outcome import's
// report): a component that says them imports this module, which adds the messages before it renders.
import { addMessages } from '../index';
import { importsEn } from './en';
import { importsZhTW } from './zh-TW';

addMessages({ en: importsEn, 'zh-TW': importsZhTW });

export { importsEn, importsZhTW };
export type { ImportsMessageKey } from './en';
