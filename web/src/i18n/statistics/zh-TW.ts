// 統計頁的各獎項類別得獎數（docs/award-tracks.md）。展開到 ../zh-TW.ts。
import type { statsAwardsEn } from './en';

export const statsAwardsZhTW: Record<keyof typeof statsAwardsEn, string> = {
  'stats.years.awards': '獎項（所有類別）',
  'stats.awards.title': '各獎項類別的得獎數',
  'stats.awards.caption': '各場黑客松每個獎項類別的得獎數',
  'stats.awards.hackathon': '黑客松',
  'stats.awards.track': '獎項類別',
  'stats.awards.sponsor': '贊助單位',
  'stats.awards.count': '得獎數',
  'stats.awards.total': '所有類別',
  'stats.awards.note': '一件提案可獲得多個類別的獎項，因此得獎數可能多於得獎提案數。漏斗中的「卓越團隊」階段只計算卓越團隊類別。開放資料的 awards.csv 列出每一個獎項。',
  'stats.awards.empty': '所選黑客松沒有獎項。',
};
