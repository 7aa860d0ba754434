import { App as AntApp, ConfigProvider, theme as antdTheme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Suspense, type ReactNode } from 'react';
import { useI18n } from './lib/i18n.tsx';
import { useLocation } from './lib/router.tsx';
import { SessionProvider } from './modules/session/session.tsx';
import { useWorkspace, WorkspaceProvider } from './modules/workspace/workspace.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { Shell } from './pages/Shell.tsx';
import { routeFor } from './routes.tsx';
import { Loading } from './ui/states.tsx';
import { FinalYearProvider } from './ui/verdict.tsx';

function Routes() {
  const { path } = useLocation();
  const found = routeFor(path);
  if (!found)
    return (
      <Shell>
        <NotFoundPage />
      </Shell>
    );
  const page = <Suspense fallback={<Loading />}>{found.route.render(found.params)}</Suspense>;
  return found.route.bare ? page : <Shell>{page}</Shell>;
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
