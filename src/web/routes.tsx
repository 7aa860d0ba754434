import { lazy, type ComponentType, type ReactNode } from 'react';
import type { MessageKey } from './lib/i18n.tsx';
import { match } from './lib/router.tsx';
import type { SessionUser } from './lib/types.ts';
import { InboxBadge } from './modules/inbox/InboxBadge.tsx';
import { NotificationBadge } from './modules/notifications/NotificationBadge.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';

const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const PlanPage = lazy(() => import('./pages/PlanPage.tsx'));
const IndicatorPage = lazy(() => import('./pages/IndicatorPage.tsx'));
const EvaluationPage = lazy(() => import('./pages/EvaluationPage.tsx'));
const MapPage = lazy(() => import('./pages/MapPage.tsx'));
const ScreenPage = lazy(() => import('./pages/ScreenPage.tsx'));
const EntryPage = lazy(() => import('./pages/EntryPage.tsx'));
const InboxPage = lazy(() => import('./pages/InboxPage.tsx'));
const ProjectsPage = lazy(() => import('./pages/ProjectsPage.tsx'));
const AdminPage = lazy(() => import('./pages/AdminPage.tsx'));
const CommentsPage = lazy(() => import('./modules/comments/CommentsPage.tsx'));
const ModerationPage = lazy(() => import('./modules/comments/ModerationPage.tsx'));
const NotificationsPage = lazy(() => import('./modules/notifications/NotificationsPage.tsx'));
const AccountPage = lazy(() => import('./modules/accounts/AccountPage.tsx'));
const ResetPasswordPage = lazy(() => import('./modules/accounts/ResetPasswordPage.tsx'));
const SearchPage = lazy(() => import('./modules/search/SearchPage.tsx'));
const SupervisionPage = lazy(() => import('./modules/supervision/SupervisionPage.tsx'));
const AssessmentPage = lazy(() => import('./modules/assessment/AssessmentPage.tsx'));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx'));

export interface MenuEntry {
  label: MessageKey;
  /** Who sees the entry (everyone when absent). */
  visible?: (user: SessionUser | null) => boolean;
  /** Drawn after the label (a count). */
  badge?: ComponentType;
}

export interface RouteDef {
  pattern: string;
  render: (params: Record<string, string>) => ReactNode;
  /** Without the shell (menu, header): the login page and the wall display. */
  bare?: boolean;
  /** The menu entry this route lights up (its own path when it has a menu entry). */
  section?: string;
  menu?: MenuEntry;
}

const loggedIn = (u: SessionUser | null) => !!u;
const role =
  (...roles: SessionUser['role'][]) =>
  (u: SessionUser | null) =>
    !!u && roles.includes(u.role);

/**
 * Every screen of the workspace, in menu order. A feature adds its screen here (one entry: its path, its page,
 * and a menu entry if it has one); the shell builds the menu from this list.
 */
export const ROUTES: RouteDef[] = [
  { pattern: '/', render: () => <DashboardPage />, menu: { label: 'nav.dashboard' } },
  { pattern: '/plan', render: () => <PlanPage nodeId={null} />, menu: { label: 'nav.plan' } },
  { pattern: '/plan/:nodeId', render: (p) => <PlanPage nodeId={p.nodeId ?? null} />, section: '/plan' },
  { pattern: '/evaluation', render: () => <EvaluationPage />, menu: { label: 'nav.evaluation' } },
  { pattern: '/indicators/:id', render: (p) => <IndicatorPage id={p.id ?? ''} />, section: '/evaluation' },
  { pattern: '/map', render: () => <MapPage />, menu: { label: 'nav.map' } },
  { pattern: '/projects', render: () => <ProjectsPage />, menu: { label: 'nav.projects' } },
  {
    pattern: '/inbox',
    render: () => <InboxPage />,
    menu: { label: 'nav.inbox', visible: loggedIn, badge: InboxBadge },
  },
  {
    pattern: '/entry',
    render: () => <EntryPage />,
    menu: { label: 'nav.entry', visible: role('department') },
  },
  {
    pattern: '/comments',
    render: () => <CommentsPage />,
    menu: { label: 'nav.comments', visible: role('department', 'admin') },
  },
  {
    pattern: '/moderation',
    render: () => <ModerationPage />,
    menu: { label: 'nav.moderation', visible: role('admin') },
  },
  {
    pattern: '/supervision',
    render: () => <SupervisionPage />,
    menu: { label: 'nav.supervision', visible: loggedIn },
  },
  {
    pattern: '/notifications',
    render: () => <NotificationsPage />,
    menu: { label: 'nav.notifications', visible: loggedIn, badge: NotificationBadge },
  },
  {
    pattern: '/assessment',
    render: () => <AssessmentPage />,
    menu: { label: 'nav.assessment', visible: loggedIn },
  },
  {
    pattern: '/audit',
    render: () => <AuditPage />,
    menu: { label: 'nav.audit', visible: role('admin', 'assessor') },
  },
  { pattern: '/admin', render: () => <AdminPage />, menu: { label: 'nav.admin', visible: role('admin') } },
  { pattern: '/account', render: () => <AccountPage />, menu: { label: 'nav.account', visible: loggedIn } },
  { pattern: '/search', render: () => <SearchPage /> },
  { pattern: '/reset-password', render: () => <ResetPasswordPage />, bare: true },
  { pattern: '/screen', render: () => <ScreenPage />, bare: true, menu: { label: 'nav.screen' } },
  { pattern: '/login', render: () => <LoginPage />, bare: true },
];

/** The route a path opens, with its parameters. */
export function routeFor(path: string): { route: RouteDef; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = match(route.pattern, path);
    if (params) return { route, params };
  }
  return null;
}

/** The menu key a path lights up. */
export function sectionOf(path: string): string {
  const r = routeFor(path)?.route;
  return r ? (r.section ?? r.pattern) : path;
}
