import type { MessageKey } from './en';

// 正體中文訊息目錄。
export const zhTW: Record<MessageKey, string> = {
  'app.name': 'Hacktrail 黑客松追蹤',
  'app.tagline': '公民科技黑客松專案，從提案到公共服務。',
  'app.skipToContent': '跳到主要內容',
  'lang.label': '語言',
  'auth.signedInAs': '已登入：{name}',
  'auth.signIn': '登入',
  'auth.signInWith': '以 {provider} 登入',
  'auth.signOut': '登出',
  'auth.loading': '正在確認您的身分…',
  'auth.noProviders': '此伺服器尚未設定任何登入方式。',
  'auth.failed': '登入失敗，請再試一次。',
  'auth.error': '無法連線到伺服器：{message}',
  'auth.roles': '角色：{roles}',
  'role.ORGANIZER': '主辦單位',
  'role.JUDGE': '評審',
  'demo.banner': '示範模式：資料為虛構，任何人都能以任一示範身分登入。',
  'demo.choose': '以示範身分登入',
  'demo.signInAs': '以「{name}」登入',
};
