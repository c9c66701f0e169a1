import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from './auth/gql/graphql';
import type { MessageKey } from './i18n/en';
import { FEATURES, type Feature } from './features';

// Each screen is its own chunk: a judge on a phone downloads the shell and the judge screens, nothing else.
const HackathonList = lazy(() => import('./screens/public/HackathonList'));
const HackathonPage = lazy(() => import('./screens/public/HackathonPage'));
const ProposalPage = lazy(() => import('./screens/public/ProposalPage'));
const ProjectPage = lazy(() => import('./screens/public/ProjectPage'));
const SignInPage = lazy(() => import('./screens/SignInPage'));
const ProposalEditor = lazy(() => import('./screens/proposer/ProposalEditor'));
const ProfilePage = lazy(() => import('./screens/proposer/ProfilePage'));
const ApiTokensPage = lazy(() => import('./screens/proposer/ApiTokensPage'));
const OrganizerHome = lazy(() => import('./screens/organizer/OrganizerHome'));
const HackathonCreate = lazy(() => import('./screens/organizer/HackathonCreate'));
const HackathonManage = lazy(() => import('./screens/organizer/HackathonManage'));
const JobsPage = lazy(() => import('./screens/organizer/JobsPage'));
const JudgeHome = lazy(() => import('./screens/judge/JudgeHome'));
// Judging. The score sheet is its own chunk: the judge's first screen (the list) does not load it.
const ScoreSheetPage = lazy(() => import('./screens/judge/ScoreSheetPage'));
// The expo walk (PAIRWISE rounds) is its own chunk too.
const ExpoPage = lazy(() => import('./screens/judge/ExpoPage'));
const AcceptInvitation = lazy(() => import('./screens/judge/AcceptInvitation'));
const JudgingPanel = lazy(() => import('./screens/organizer/JudgingPanel'));
const RoundSetup = lazy(() => import('./screens/organizer/RoundSetup'));
const RoundResults = lazy(() => import('./screens/organizer/RoundResults'));
const RoundTimetable = lazy(() => import('./screens/organizer/RoundTimetable'));
const ResultsPage = lazy(() => import('./screens/public/ResultsPage'));
const BallotPage = lazy(() => import('./screens/public/BallotPage'));
const MyTeamsPage = lazy(() => import('./screens/team/MyTeamsPage'));
const TeamJoinPage = lazy(() => import('./screens/team/TeamJoinPage'));
const SkillSearchPage = lazy(() => import('./screens/team/SkillSearchPage'));
const NotificationsPage = lazy(() => import('./screens/notifications/NotificationsPage'));
const ProjectEditor = lazy(() => import('./screens/projects/ProjectEditor'));
// Follow-up: statistics (public), organizers' verification desk and outcome import.
const StatisticsPage = lazy(() => import('./screens/followup/StatisticsPage'));
const VerifyPage = lazy(() => import('./screens/followup/VerifyPage'));
const OutcomeImportPage = lazy(() => import('./screens/followup/OutcomeImportPage'));

/** Who may open a route: anyone, anyone signed in, or people with a role. */
export type Access = 'public' | 'signedIn' | Role;

export type RouteDef = {
  path: string;
  component: LazyExoticComponent<ComponentType<{ params: Record<string, string> }>> | ComponentType<{ params: Record<string, string> }>;
  access: Access;
  /** Routes of a phase-2 feature stay unreachable until its flag is on. */
  feature?: Feature;
};

// Order matters: the first matching path wins.
export const ROUTES: RouteDef[] = [
  { path: '/', component: HackathonList, access: 'public' },
  { path: '/hackathons', component: HackathonList, access: 'public' },
  { path: '/hackathons/:slug/propose', component: ProposalEditor, access: 'signedIn' },
  { path: '/hackathons/:slug/skills', component: SkillSearchPage, access: 'public', feature: 'teams' },
  { path: '/hackathons/:slug', component: HackathonPage, access: 'public' },
  { path: '/proposals/:id/edit', component: ProposalEditor, access: 'signedIn' },
  { path: '/proposals/:id', component: ProposalPage, access: 'public' },
  { path: '/projects/:id/edit', component: ProjectEditor, access: 'signedIn' },
  { path: '/projects/:id', component: ProjectPage, access: 'public' },
  { path: '/sign-in', component: SignInPage, access: 'public' },
  { path: '/me', component: ProfilePage, access: 'signedIn' },
  { path: '/me/tokens', component: ApiTokensPage, access: 'signedIn' },
  // A team's invitation link (the API hands out /teams/join/<token>); it asks anonymous visitors to sign in itself.
  { path: '/teams/join/:token', component: TeamJoinPage, access: 'public', feature: 'teams' },
  { path: '/teams', component: MyTeamsPage, access: 'signedIn', feature: 'teams' },
  { path: '/notifications', component: NotificationsPage, access: 'signedIn', feature: 'teams' },
  { path: '/judge', component: JudgeHome, access: 'JUDGE' },
  // Judging: the judge's sheet, invitation links (the API hands out /judging/invitations/accept?token=…), organizers'
  // panel, round set-up and ranking, public results and ballots.
  { path: '/judge/rounds/:round/proposals/:proposal', component: ScoreSheetPage, access: 'JUDGE', feature: 'judging' },
  { path: '/judge/rounds/:round/expo', component: ExpoPage, access: 'JUDGE', feature: 'judging' },
  { path: '/judging/invitations/accept', component: AcceptInvitation, access: 'public', feature: 'judging' },
  { path: '/judging/invitations', component: AcceptInvitation, access: 'public', feature: 'judging' },
  { path: '/hackathons/:slug/results', component: ResultsPage, access: 'public', feature: 'judging' },
  { path: '/hackathons/:slug/vote/:roundId', component: BallotPage, access: 'signedIn', feature: 'judging' },
  { path: '/organize/hackathons/:slug/judging', component: JudgingPanel, access: 'ORGANIZER', feature: 'judging' },
  { path: '/organize/hackathons/:slug/judging/rounds/:roundId', component: RoundSetup, access: 'ORGANIZER', feature: 'judging' },
  { path: '/organize/hackathons/:slug/judging/rounds/:roundId/ranking', component: RoundResults, access: 'ORGANIZER', feature: 'judging' },
  { path: '/organize/hackathons/:slug/judging/rounds/:roundId/timetable', component: RoundTimetable, access: 'ORGANIZER', feature: 'judging' },
  { path: '/organize', component: OrganizerHome, access: 'ORGANIZER' },
  { path: '/organize/hackathons/new', component: HackathonCreate, access: 'ORGANIZER' },
  { path: '/organize/hackathons/:slug', component: HackathonManage, access: 'ORGANIZER' },
  { path: '/organize/jobs', component: JobsPage, access: 'ORGANIZER' },
  // Follow-up: adoption statistics with open data (public), milestones to verify and outcome import (organizers).
  { path: '/statistics', component: StatisticsPage, access: 'public', feature: 'followUp' },
  { path: '/organize/outcomes', component: VerifyPage, access: 'ORGANIZER', feature: 'followUp' },
  { path: '/organize/outcomes/import', component: OutcomeImportPage, access: 'ORGANIZER', feature: 'followUp' },
];

export type NavEntry = { href: string; label: MessageKey; access: Access; feature?: Feature };

/**
 * The main navigation; entries show only to people who may use them, and only once their API exists. Notifications
 * are reached through the bell in the header (with the unread count), not a navigation entry.
 */
export const NAV: NavEntry[] = [
  { href: '/hackathons', label: 'nav.hackathons', access: 'public' },
  { href: '/judge', label: 'nav.judging', access: 'JUDGE' },
  { href: '/teams', label: 'nav.teams', access: 'signedIn', feature: 'teams' },
  { href: '/organize', label: 'nav.organize', access: 'ORGANIZER' },
  { href: '/organize/jobs', label: 'nav.jobs', access: 'ORGANIZER' },
  { href: '/statistics', label: 'nav.statistics', access: 'public', feature: 'followUp' },
  { href: '/organize/outcomes', label: 'followup.nav', access: 'ORGANIZER', feature: 'followUp' },
  { href: '/me', label: 'nav.profile', access: 'signedIn' },
];

export function allowed(access: Access, signedIn: boolean, hasRole: (role: Role) => boolean): boolean {
  if (access === 'public') return true;
  if (access === 'signedIn') return signedIn;
  return hasRole(access);
}

export function enabled(feature: Feature | undefined): boolean {
  return feature === undefined || FEATURES[feature];
}
