import type { judgingServerTextEn } from './serverText.en';

// 伺服器以代碼與參數傳來的評審相關文字（未排名原因、指派問題的原因、公布時無法移動的提案）的正體中文：
// 與 serverText.en.ts 的鍵完全相同（由型別檢查保證）。
export const judgingServerTextZhTW: Record<keyof typeof judgingServerTextEn, string> = {
  'judging.unranked.NO_SUBMITTED_SHEETS': '尚無評審送出這件提案的評分表',
  'judging.unranked.ONLY_ZERO_WEIGHT_SECTORS': '{count, plural, other {評分表都來自權重為 0 的類別（{sectors}）}}；請給這些類別權重，或加入來自有權重類別的評分表',
  'judging.assignCause.TOO_FEW_AVAILABLE': '{judges, plural, =0 {沒有無利益衝突的評審可指派} other {只有 # 位無利益衝突的評審可指派}}',
  'judging.assignCause.ALL_AT_MAX_LOAD': '其他可指派的評審都已達負擔上限',
  'judging.assignCause.REASSIGNMENT_ONLY': '仍有 {judges} 位評審有餘裕，但只移轉一位評審的工作補不上其他缺口：請重新執行完整指派',
  'judging.assignCause.NO_PLACEMENT': '仍有 {judges} 位評審有餘裕，但指派他們會違反其他規則',
  'judging.assignCause.CONFLICT_KEPT': '{judge} 已被指派，但與這件提案有利益衝突：請重新指派或移除這項指派',
  'judging.assignCause.someJudge': '某位評審',
  'judging.publishProblem.notMoved': '「{title}」無法改為「{to}」。',
  'judging.publishProblem.notMovedFrom': '「{title}」無法改為「{to}」：它目前是「{from}」。',
  'judging.listSeparator': '、',
};
