import { Button, Card, Empty, List, Segmented, Space, Typography } from 'antd';
import { api } from '../../lib/api.ts';
import { localTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { navigate } from '../../lib/router.tsx';
import { ErrorState, Loading } from '../../ui/states.tsx';
import {
  useNotifications,
  useNotificationWrite,
  usePreferences,
  type AppNotification,
  type MailMode,
} from './api.ts';

/** 通知中心: what happened that concerns me, newest first; how I want to be told by mail. */
export default function NotificationsPage() {
  const { t, lang } = useI18n();
  const q = useNotifications();
  const prefs = usePreferences();
  const read = useNotificationWrite((id: string) => api(`/api/notifications/${id}/read`, { method: 'POST' }));
  const readAll = useNotificationWrite(() => api('/api/notifications/read-all', { method: 'POST' }));
  const setMode = useNotificationWrite((mail: MailMode) =>
    api('/api/notifications/preferences', { method: 'PUT', body: { mail } }),
  );
  if (q.error) return <ErrorState error={q.error} />;
  if (!q.data) return <Loading />;
  const open = (n: AppNotification) => {
    if (!n.read) read.mutate(n.id);
    if (n.link) navigate(n.link);
  };
  return (
    <div data-testid="notifications-page">
      <div className="page-title">
        <h1>{t('notify.title')}</h1>
        <Button disabled={q.data.unread === 0} onClick={() => readAll.mutate(undefined)}>
          {t('notify.readAll')}
        </Button>
      </div>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text>{t('notify.mailMode')}</Typography.Text>
          <Segmented<MailMode>
            value={prefs.data?.mail ?? 'instant'}
            onChange={(m) => setMode.mutate(m)}
            options={[
              { value: 'instant', label: t('notify.mode.instant') },
              { value: 'digest', label: t('notify.mode.digest') },
              { value: 'off', label: t('notify.mode.off') },
            ]}
          />
          {prefs.data && !prefs.data.mailConfigured && (
            <Typography.Text type="secondary">{t('notify.mailOff')}</Typography.Text>
          )}
        </Space>
        {q.data.items.length === 0 ? (
          <Empty description={t('notify.empty')} />
        ) : (
          <List
            dataSource={q.data.items}
            renderItem={(n) => (
              <List.Item
                data-event={n.event}
                data-read={n.read ? 'true' : 'false'}
                actions={
                  n.read
                    ? []
                    : [
                        <Button key="read" size="small" type="link" onClick={() => read.mutate(n.id)}>
                          {t('notify.markRead')}
                        </Button>,
                      ]
                }
              >
                <List.Item.Meta
                  title={
                    <a
                      href={n.link ?? '#'}
                      onClick={(e) => {
                        e.preventDefault();
                        open(n);
                      }}
                      style={{ fontWeight: n.read ? 400 : 600 }}
                    >
                      {n.title}
                    </a>
                  }
                  description={`${n.body} · ${localTime(n.createdAt, lang)}`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
