// English message catalog. Every user-visible string of the panel lives here and in zh-TW.ts.
export const en = {
  'app.name': 'Hacktrail',
  'app.tagline': 'Civic-tech hackathon projects, from pitch to public service.',
  'app.skipToContent': 'Skip to content',
  'lang.label': 'Language',
  'auth.signedInAs': 'Signed in as {name}',
  'auth.signIn': 'Sign in',
  'auth.signInWith': 'Sign in with {provider}',
  'auth.signOut': 'Sign out',
  'auth.loading': 'Checking who you are…',
  'auth.noProviders': 'No sign-in provider is configured on this server.',
  'auth.failed': 'Sign-in failed. Please try again.',
  'auth.error': 'Could not reach the server: {message}',
  'auth.roles': 'Roles: {roles}',
  'role.ORGANIZER': 'Organizer',
  'role.JUDGE': 'Judge',
  'demo.banner': 'Demo mode: synthetic data, and anyone can sign in as any persona.',
  'demo.choose': 'Sign in as a demo persona',
  'demo.signInAs': 'Sign in as {name}',
} as const;

export type MessageKey = keyof typeof en;
