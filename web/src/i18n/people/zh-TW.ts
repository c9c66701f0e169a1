// 邀請時搜尋成員、邀請連結的 QR code，以及在提案頁頂端送出提案（issue 17）。獨立區塊，展開到 ../zh-TW.ts。
import type { peopleEn } from './en';

export const peopleZhTW: Record<keyof typeof peopleEn, string> = {
  'team.findPerson': '搜尋要邀請的人',
  'team.findPersonHint': '輸入對方名稱中至少 2 個字，或完整的電子郵件地址。曾登入 Hacktrail 的人都找得到；電子郵件地址一律不會顯示。',
  'team.searchTooShort': '請至少輸入 2 個字。',
  'team.searching': '搜尋中…',
  'team.noMatches': '找不到符合「{text}」的人。',
  'team.matchesLabel': '搜尋結果',
  'team.choose': '選擇',
  'team.choosePerson': '選擇 {name}',
  'team.matchedByEmail': '電子郵件地址相符',
  'team.alreadyMember': '已是團隊成員',
  'team.alreadyInvited': '已邀請',
  'team.chosenPerson': '邀請對象：{name}',
  'team.changePerson': '改選其他人',
  'team.error.choosePerson': '請先搜尋並選擇要邀請的人。',
  'team.linkQr': '邀請連結的 QR code',
  'team.linkQrHint': '對方可以直接掃描您螢幕上的 QR code 開啟連結。',
  'team.linkQrLoading': '正在產生 QR code…',
  'proposal.submitBarDraft': '這份提案還是草稿：只有您和主辦單位看得到。',
  'proposal.submitConfirmTitle': '要送出這份提案嗎？',
  'proposal.submitConfirmText': '送出後，「{title}」會在 {hackathon} 公開，並由主辦單位受理。送出後仍可編輯或撤回。',
  'proposal.submitConfirm': '送出',
  'proposal.submitted': '已送出：提案現在已公開。',
};
