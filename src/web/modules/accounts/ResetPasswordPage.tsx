import { Alert, Button, Card, Form } from 'antd';
import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, useLocation } from '../../lib/router.tsx';
import { NewPasswordField } from './NewPasswordField.tsx';

/** Opened from a one-time reset link: choose a new password, then log in. */
export default function ResetPasswordPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const token = search.get('token') ?? '';
  const [state, setState] = useState<{ done: boolean; error: string | null }>({ done: false, error: null });
  const submit = async (v: { password: string }) => {
    try {
      await api('/api/auth/reset-password', { method: 'POST', body: { token, password: v.password } });
      setState({ done: true, error: null });
    } catch (e) {
      setState({ done: false, error: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <div className="login-page">
      <Card title={t('account.reset.title')} style={{ maxWidth: 420, margin: '10vh auto' }}>
        {state.done ? (
          <Alert type="success" message={<Link to="/login">{t('account.reset.done')}</Link>} />
        ) : (
          <Form layout="vertical" onFinish={(v: { password: string }) => void submit(v)}>
            {state.error && <Alert type="error" message={state.error} style={{ marginBottom: 12 }} />}
            <NewPasswordField name="password" label="account.next" />
            <Button type="primary" htmlType="submit">
              {t('account.reset.submit')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
