import { Alert, Button, Card, Divider, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { Link, navigate, useLocation } from '../lib/router.tsx';
import { useSession } from '../modules/session/session.tsx';
import { LanguageSwitch } from '../modules/session/LanguageSwitch.tsx';
import { refusalMessage, signOnUrl, useSignOnOptions } from '../modules/session/signOn.ts';

interface Fields {
  email: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useI18n();
  const { login } = useSession();
  const { search } = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = search.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') && next !== '/login' ? next : null;
  const signOn = useSignOnOptions().data;
  const ssoError = search.get('sso_error');

  const submit = async (f: Fields) => {
    setBusy(true);
    setError(null);
    try {
      const user = await login(f.email.trim(), f.password);
      navigate(target ?? (user.role === 'admin' || user.role === 'assessor' ? '/inbox' : '/entry'), {
        replace: true,
      });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError(t('auth.badCredentials'));
      else if (err instanceof ApiError && err.status === 429) setError(t('auth.locked'));
      else if (err instanceof ApiError && err.status === 403 && signOn?.ssoOnly)
        setError(t('auth.sso.passwordsOff'));
      else if (err instanceof ApiError && err.status === 0) setError(t('error.network'));
      else setError(err instanceof Error ? err.message : t('error.unknown'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-wrap">
      <Card className="login-card">
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Space style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Title level={3} style={{ margin: 0, color: '#1664ff' }}>
              {t('app.name')}
            </Typography.Title>
            <LanguageSwitch />
          </Space>
          <Typography.Text type="secondary">{t('auth.intro')}</Typography.Text>
          {error && <Alert type="error" showIcon title={error} role="alert" />}
          {ssoError && !error && (
            <Alert type="error" showIcon title={t(refusalMessage(ssoError))} role="alert" />
          )}
          {signOn?.sso && (
            <>
              <Button type="primary" size="large" block href={signOnUrl(target)}>
                {t('auth.sso.button')}
              </Button>
              <Divider plain style={{ margin: 0 }}>
                <Typography.Text type="secondary">
                  {t(signOn.ssoOnly ? 'auth.sso.breakGlass' : 'auth.sso.or')}
                </Typography.Text>
              </Divider>
            </>
          )}
          <Form<Fields> layout="vertical" onFinish={(f) => void submit(f)} requiredMark={false}>
            <Form.Item
              label={t('auth.email')}
              name="email"
              rules={[{ required: true, message: t('auth.emailRequired') }]}
            >
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              label={t('auth.password')}
              name="password"
              rules={[{ required: true, message: t('auth.passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type={signOn?.sso ? 'default' : 'primary'} htmlType="submit" block loading={busy}>
              {t('auth.login')}
            </Button>
          </Form>
          <Link to="/">{t('auth.backToPublic')}</Link>
        </Space>
      </Card>
    </main>
  );
}
