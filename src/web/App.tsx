import { App as AntApp, ConfigProvider, theme as antdTheme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, type ReactNode } from 'react';
import { useI18n } from './lib/i18n.tsx';
import { match, useLocation } from './lib/router.tsx';
import { SessionProvider } from './modules/session/session.tsx';
import { useWorkspace, WorkspaceProvider } from './modules/workspace/workspace.tsx';
import { FinalYearProvider } from './ui/verdict.tsx';
import { Shell } from './pages/Shell.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { Loading } from './ui/states.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';

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

type Route = { pattern: string; render: (p: Record<string, string>) => ReactNode; bare?: boolean };

const ROUTES: Route[] = [
  { pattern: '/', render: () => <DashboardPage /> },
  { pattern: '/plan', render: () => <PlanPage nodeId={null} /> },
  { pattern: '/plan/:nodeId', render: (p) => <PlanPage nodeId={p.nodeId ?? null} /> },
  { pattern: '/indicators/:id', render: (p) => <IndicatorPage id={p.id ?? ''} /> },
  { pattern: '/evaluation', render: () => <EvaluationPage /> },
  { pattern: '/map', render: () => <MapPage /> },
  { pattern: '/projects', render: () => <ProjectsPage /> },
  { pattern: '/admin', render: () => <AdminPage /> },
  { pattern: '/entry', render: () => <EntryPage /> },
  { pattern: '/inbox', render: () => <InboxPage /> },
  { pattern: '/screen', render: () => <ScreenPage />, bare: true },
  { pattern: '/login', render: () => <LoginPage />, bare: true },
];

function Routes() {
  const { path } = useLocation();
  for (const r of ROUTES) {
    const params = match(r.pattern, path);
    if (!params) continue;
    const page = <Suspense fallback={<Loading />}>{r.render(params)}</Suspense>;
    return r.bare ? page : <Shell>{page}</Shell>;
  }
  return (
    <Shell>
      <NotFoundPage />
    </Shell>
  );
}

function FinalYearFromWorkspace({ children }: { children: ReactNode }) {
  const { plan, year } = useWorkspace();
  return (
    <FinalYearProvider value={!!plan && year !== null && year >= plan.periodEnd}>
      {children}
    </FinalYearProvider>
  );
}

export function App() {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={{
        algorithm: antdTheme.defaultAlgorithm,
        token: {
          colorPrimary: '#1664ff',
          borderRadius: 6,
          fontFamily: `system-ui, -apple-system, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif`,
        },
      }}
    >
      <AntApp>
        <SessionProvider>
          <WorkspaceProvider>
            <FinalYearFromWorkspace>
              <Routes />
            </FinalYearFromWorkspace>
          </WorkspaceProvider>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
