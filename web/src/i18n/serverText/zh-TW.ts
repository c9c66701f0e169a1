import type { serverTextEn } from './en';

/** 正體中文 for the server-made text of ./en.ts. */
export const serverTextZhTW: Record<keyof typeof serverTextEn, string> = {
  'proposal.reasonCode.TEAM_FORMED': '除提案人之外的第一位隊員已加入。',
  'proposal.reasonCode.ROUND_OPENED': '評審回合「{round}」已開始。',
  'proposal.reasonCode.RESULTS_PUBLISHED': '回合「{round}」的結果已公布。',
  'proposal.reasonCode.IMPORTED_CSV': '由 CSV 匯入。',
  'proposal.reasonCode.IMPORTED_PAGE': '由松後推坑頁面（Markdown）匯入。',
  'jobs.name.statisticsRollup': '統計彙整',
  'jobs.name.outcomeImport': '成果匯入',
  'jobs.name.followUpDue': '後續追蹤提醒',
  'jobs.name.activityCheck': '專案活躍度檢查',
  'jobs.requestedByYou': '由你啟動',
  'jobs.requestedBy': '由 {name} 啟動',
  'jobs.someone': '某位使用者',
  'jobs.scheduledFor': '排程執行（{when}）',
  'notification.followUpRequestedAt': '{edition} 結束 {months} 個月了：「{projectName}」後來怎麼樣了？請回報里程碑，或告訴我們沒有新進展。',
  'stats.openData.attributionDefault': '所列黑客松的主辦單位（本站未設定發布者）',
  'rule.rankingNoAssignment': '這個回合尚未指派評審，因此還沒有可排名的內容。',
  'rule.rankingNoRubric': '這個回合尚未設定評分標準，因此還沒有可排名的內容。',
};
