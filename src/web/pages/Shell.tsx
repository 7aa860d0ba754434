import { Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { Link, navigate, useLocation } from '../lib/router.tsx';
import { SearchBox } from '../modules/search/SearchBox.tsx';
import { LanguageSwitch } from '../modules/session/LanguageSwitch.tsx';
import { useSession } from '../modules/session/session.tsx';
import { WorkspacePickers } from '../modules/workspace/WorkspacePickers.tsx';
import { ROUTES, sectionOf } from '../routes.tsx';

const { Header, Sider, Content, Footer } = Layout;

/** The workspace frame: menu (built from ROUTES), plan/year pickers, language, account. */
export function Shell({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { path } = useLocation();
  const { user, logout, authAvailable } = useSession();
  // On login, take the language the user chose last time (anywhere).
  const savedLocale = user?.locale;
  useEffect(() => {
    if (savedLocale === 'en' || savedLocale === 'zh-CN') setLang(savedLocale);
  }, [user?.id, savedLocale, setLang]);

  const items = ROUTES.flatMap(({ pattern, menu }) => {
    if (!menu || (menu.visible && !menu.visible(user))) return [];
    const Badge = menu.badge;
    return [
      {
        key: pattern,
        label: (
          <Link to={pattern}>
            {Badge ? (
              <Space size={6}>
                {t(menu.label)}
                <Badge />
              </Space>
            ) : (
              t(menu.label)
            )}
          </Link>
        ),
      },
    ];
  });

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
          <Menu mode="inline" selectedKeys={[sectionOf(path)]} items={items} />
        </nav>
      </Sider>
      <Layout>
        <Header className="shell-header">
          <WorkspacePickers />
          <Space size={12} wrap className="shell-header-right">
            <SearchBox />
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
