import type { homeEn } from './en';

// 首頁（黑客松列表）的正體中文訊息：正在進行與即將舉行的活動、階段時間軸、搜尋與篩選。
export const homeZhTW: Record<keyof typeof homeEn, string> = {
  'home.about.title': 'Hacktrail 是什麼？',
  'home.about.text':
    'Hacktrail 追蹤公民科技點子從黑客松提案到公共服務的每一步：誰提案、組成了哪些團隊、評審如何排名以及理由，以及之後的發展——獲得經費、被機關採用、納入機關日常業務。結果與成果都是任何人都能重新計算的開放資料。',
  'home.about.statistics': '專案後來怎麼了',
  'home.now.title': '正在進行',
  'home.next.title': '即將舉行',
  'home.now.none': '目前沒有正在進行的活動。',
  'home.all.title': '所有活動',
  'home.search.label': '搜尋活動',
  'home.search.hint': '名稱（中文或英文）、簡稱或地點。',
  'home.filter.kind': '類型',
  'home.filter.phase': '階段',
  'home.filter.year': '年份',
  'home.filter.any': '不限',
  'home.filter.apply': '顯示',
  'home.filter.clear': '清除篩選',
  'home.filter.none': '沒有符合篩選條件的活動。',
  'home.timeline.label': '{name} 的各階段',
  'home.timeline.step': '第 {step} 步（共 {steps} 步）：{phase}',
  'home.timeline.done': '已完成',
  'home.timeline.current': '目前',
  'home.startsIn': '{days, plural, =0 {今天開始} other {# 天後開始}}',
};
