import { App, Button, Card, Form, Input } from 'antd';
import { api } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { NewPasswordField } from './NewPasswordField.tsx';

/** 账号设置: change my password (my other sessions end). */
export default function AccountPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ current: string; next: string }>();
  const submit = async (v: { current: string; next: string }) => {
    try {
      await api('/api/auth/password', { method: 'POST', body: v });
      form.resetFields();
      void message.success(t('account.changed'));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div data-testid="account-page">
      <div className="page-title">
        <h1>{t('account.title')}</h1>
      </div>
      <Card size="small" style={{ maxWidth: 480 }}>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="current" label={t('account.current')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <NewPasswordField name="next" label="account.next" />
          <Button type="primary" htmlType="submit">
            {t('account.change')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
