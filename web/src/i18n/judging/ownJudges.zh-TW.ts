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
};
