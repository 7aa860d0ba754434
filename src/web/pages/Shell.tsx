import { Badge, Button, Dropdown, Layout, Menu, Segmented, Select, Space, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import { useI18n, type Lang } from '../lib/i18n.tsx';
import { Link, navigate, useLocation } from '../lib/router.tsx';
import type { InboxItem } from '../lib/types.ts';
import { useSession } from '../modules/session/session.tsx';
import { useWorkspace } from '../modules/workspace/workspace.tsx';

const { Header, Sider, Content, Footer } = Layout;

function section(path: string): string {
  if (path === '/') return '/';
  const first = '/' + (path.split('/')[1] ?? '');
  return first === '/indicators' ? '/evaluation' : first;
}

export function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  const { user } = useSession();
  // A logged-in user's choice is kept on the server too, so it follows them to another browser.
  const choose = (l: Lang) => {
    setLang(l);
    if (user) void api('/api/auth/me', { method: 'PATCH', body: { locale: l } }).catch(() => undefined);
  };
  return (
    <Segmented<Lang>
      size="small"
      aria-label="Language / 语言"
      value={lang}
      onChange={choose}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const { t, lang } = useI18n();
  const { path } = useLocation();
  const { user, logout, authAvailable } = useSession();
  const { setLang } = useI18n();
  const ws = useWorkspace();
  // On login, take the language the user chose last time (anywhere).
  const savedLocale = user?.locale;
  useEffect(() => {
    if (savedLocale === 'en' || savedLocale === 'zh-CN') setLang(savedLocale);
  }, [user?.id, savedLocale, setLang]);
  const inbox = useQuery({
    queryKey: ['bo', 'inbox'],
    queryFn: ({ signal }) => api<{ items: InboxItem[] }>('/api/inbox', { signal }),
    enabled: !!user,
    staleTime: 30_000,
  });
  // The badge counts what needs someone now: approvals, returned values and drafts (not every value still to fill in).
  const inboxCount = (inbox.data?.items ?? []).filter(
    (i) => i.planId === ws.plan?.id && i.type !== 'fill',
  ).length;

  const items = [
    { key: '/', label: <Link to="/">{t('nav.dashboard')}</Link> },
    { key: '/plan', label: <Link to="/plan">{t('nav.plan')}</Link> },
    { key: '/evaluation', label: <Link to="/evaluation">{t('nav.evaluation')}</Link> },
    { key: '/map', label: <Link to="/map">{t('nav.map')}</Link> },
    { key: '/projects', label: <Link to="/projects">{t('nav.projects')}</Link> },
    ...(user
      ? [
          {
            key: '/inbox',
            label: (
              <Link to="/inbox">
                <Space size={6}>
                  {t('nav.inbox')}
                  {inboxCount > 0 && <Badge count={inboxCount} size="small" />}
                </Space>
              </Link>
            ),
          },
          ...(user.role === 'department'
            ? [{ key: '/entry', label: <Link to="/entry">{t('nav.entry')}</Link> }]
            : []),
          ...(user.role === 'admin'
            ? [{ key: '/admin', label: <Link to="/admin">{t('nav.admin')}</Link> }]
            : []),
        ]
      : []),
    { key: '/screen', label: <Link to="/screen">{t('nav.screen')}</Link> },
  ];

  return (
    <Layout className="shell">
      <Sider
        breakpoint="lg"
        collapsedWidth={0}
        width={208}
        theme="light"
        className="shell-sider"
        zeroWidthTriggerStyle={{ top: 14 }}
      >
        <Link to="/" className="brand" aria-label={t('app.name')}>
          <span className="brand-mark">蓝图</span>
          <span className="brand-sub">lantu</span>
        </Link>
        <nav aria-label={t('nav.label')}>
          <Menu mode="inline" selectedKeys={[section(path)]} items={items} />
        </nav>
      </Sider>
      <Layout>
        <Header className="shell-header">
          <Space wrap size={[12, 8]} className="shell-header-left">
            <Select
              aria-label={t('header.plan')}
              className="plan-picker"
              value={ws.plan?.id}
              loading={ws.loading}
              onChange={ws.setPlanId}
              options={ws.plans.map((p) => ({ value: p.id, label: p.shortTitle ?? p.title }))}
              popupMatchSelectWidth={false}
            />
            <Select
              aria-label={t('header.year')}
              value={ws.year ?? undefined}
              onChange={ws.setYear}
              options={ws.years.map((y) => ({ value: y, label: t('header.yearValue', { year: y }) }))}
              style={{ width: 110 }}
            />
          </Space>
          <Space size={12} wrap className="shell-header-right">
            <LanguageSwitch />
            {user ? (
              <Dropdown
                menu={{
                  items: [
                    { key: 'role', label: t(`role.${user.role}`), disabled: true },
                    { key: 'logout', label: t('auth.logout') },
                  ],
                  onClick: ({ key }) => {
                    if (key === 'logout') void logout().then(() => navigate('/'));
                  },
                }}
              >
                <Button data-testid="user-menu">{user.displayName ?? user.email}</Button>
              </Dropdown>
            ) : (
              authAvailable && (
                <Button type="primary" onClick={() => navigate(`/login?next=${encodeURIComponent(path)}`)}>
                  {t('auth.login')}
                </Button>
              )
            )}
          </Space>
        </Header>
        <Content className="shell-content" id="main" lang={lang}>
          {children}
        </Content>
        <Footer className="shell-footer">
          <Typography.Text type="secondary">{t('app.footer')}</Typography.Text>
        </Footer>
      </Layout>
    </Layout>
  );
}
