import type { ownJudgesEn } from './ownJudges.en';

// 獎項自有評審（judges: OWN）的正體中文訊息：與 ownJudges.en.ts 的鍵完全相同（由型別檢查保證）。
export const ownJudgesZhTW: Record<keyof typeof ownJudgesEn, string> = {
  'ownJudges.legend': '評審方式',
  'ownJudges.SHARED': '由提供排名的評審輪次之評審團評審',
  'ownJudges.OWN': '由本獎項自有的評審，在專屬輪次中評審',
  'ownJudges.pick': '本獎項的評審',
  'ownJudges.pickHint': '只有這些評審在本獎項專屬的初審輪次中，評分本獎項符合資格的提案。可選擇本場黑客松評審團中在任的評審。',
  'ownJudges.none': '本場黑客松的評審團尚無在任評審：請先邀請評審。',
  'ownJudges.loading': '正在載入評審團…',
  'ownJudges.inTable': '自有評審（{count} 位）',
  'ownJudges.notActive': '{name}（已不在任）',
  'ownJudges.dedication': '專屬於獎項',
  'ownJudges.dedicationHint': '初審輪次在草稿階段可專屬於一個有自有評審的獎項：候選提案為該獎項符合資格的提案，只有該獎項的評審評分，只為該獎項提供排名，也不改變任何提案的狀態。',
  'ownJudges.noDedication': '不專屬（一般輪次）',
  'ownJudges.dedicate': '儲存專屬設定',
  'ownJudges.dedicated': '本輪專屬於「{name}」：本輪的選拔即該獎項的選拔。',
  'ownJudges.dedicationSaved': '已儲存。請重新分派評審：分派會依該獎項的評審與提案重新計算。',
  'ownJudges.selectInTrack': '本輪專屬於「{name}」：得獎者在下方「獎項類別」中以該獎項選出。',
  // Refusals of award tracks and dedicated rounds by their rule (extensions.rule), said by ProblemNotice.
  'rule.DEDICATED_ROUND': '這個輪次專屬於一個有自己評審的獎項類別：它的選拔、名額與供給的獎項都依該獎項而定。如要變更，請先取消專屬設定。',
  'rule.ROUND_STARTED': '輪次已經開始：只有在輪次仍是草稿時，才能設定專屬輪次，或變更獎項自有的評審與可參選提案。',
  'rule.QUOTA': '這份選拔有 {selected} 件提案，但名額是 {cut} 件：若要多選或少選，請勾選超出名額並寫明理由。',
  'rule.OWN_JUDGES': '有自己評審的獎項類別需要從評審團中選出評審，且只能由專屬於它的輪次供給。',
  'rule.SHARED_TRACK': '這個獎項由供給輪次的評審團評審：只有設有自己評審的獎項才能有專屬輪次。',
  'rule.SHARED_JUDGES': '只有設有自己評審的獎項才需要選擇評審。',
  'rule.SHARED_ROUND': '已有一個由整個評審團評審的輪次供給這個獎項：請先將獎項從該輪次移除（若該輪次已公布，請改為建立新的獎項）。',
  'rule.TRACK_FED': '已有另一個輪次供給這個獎項：每個獎項只由一個輪次供給。',
  'rule.REVIEW_ROUND': '只有書面審查輪次可以專屬於獎項類別。',
  'rule.PUBLISHED_AWARDS': '已公布的輪次頒發過這個獎項，已公布的結果會保留其獎項：請改為重新命名，或不再使用它。',
};
