import { Button, Card, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { useDepartmentName } from '../../lib/departmentName.ts';
import { Link } from '../../lib/router.tsx';
import { LightTag } from '../../ui/LightTag.tsx';
import { useSession } from '../session/session.tsx';
import { useOrders, useWarnings, type Warning } from './api.ts';
import { OpenOrderDialog, type OrderSource } from './OpenOrderDialog.tsx';
import { groupWarnings } from './model.ts';

const SHOWN = 8;

/**
 * The plan's standing warnings, one row per item (an item lagging and behind schedule is one row with both
 * reasons), red first; the planning office opens a 督办单 from a row, or follows the one already open.
 */
export function WarningsPanel({ planId }: { planId: string }) {
  const { t, pick } = useI18n();
  const deptName = useDepartmentName();
  const { user } = useSession();
  const q = useWarnings(user ? planId : null, { state: 'active' });
  const orders = useOrders({ planId, state: 'open' }, !!user);
  const [all, setAll] = useState(false);
  const [source, setSource] = useState<OrderSource | null>(null);
  if (!user) return null;
  const groups = groupWarnings(q.data?.items ?? []);
  const openOn = new Map((orders.data?.items ?? []).map((o) => [`${o.subjectType}:${o.subjectId}`, o]));
  const canOpen = user.role === 'admin';
  const counts = q.data?.counts ?? { red: 0, yellow: 0 };
  const supervisable = (w: Warning) =>
    w.subjectType === 'indicator' || w.subjectType === 'task' || w.subjectType === 'project';

  return (
    <Card
      size="small"
      data-testid="warnings-panel"
      title={
        <Space wrap>
          {t('sup.panel.title')}
          <LightTag light="red" data-testid="warnings-red">
            {t('sup.panel.red', { n: counts.red })}
          </LightTag>
          <LightTag light="yellow">{t('sup.panel.yellow', { n: counts.yellow })}</LightTag>
        </Space>
      }
      extra={<Link to="/supervision">{t('sup.panel.orders')}</Link>}
    >
      <List
        size="small"
        loading={q.isLoading}
        dataSource={all ? groups : groups.slice(0, SHOWN)}
        locale={{ emptyText: q.error ? q.error.message : t('sup.noWarnings') }}
        renderItem={(g) => {
          const order = openOn.get(`${g.subjectType}:${g.subjectId}`);
          const first = g.items[0]!;
          return (
            <List.Item
              data-subject={g.subjectId}
              data-level={g.level}
              actions={[
                order ? (
                  <Link key="order" to={`/supervision?id=${order.id}`}>
                    {t('sup.panel.underway')}
                  </Link>
                ) : canOpen && supervisable(first) ? (
                  <Button
                    key="open"
                    size="small"
                    onClick={() =>
                      setSource({
                        warningId: first.id,
                        title: g.title,
                        reason: g.items.map((w) => pick(w.reason)).join('; '),
                      })
                    }
                  >
                    {t('sup.panel.open')}
                  </Button>
                ) : null,
              ]}
            >
              <Space direction="vertical" size={0}>
                <Space wrap>
                  <LightTag light={g.level}>{t(g.level === 'red' ? 'sup.red' : 'sup.yellow')}</LightTag>
                  <Link to={first.link}>{g.title}</Link>
                  {g.department && (
                    <Typography.Text type="secondary">{deptName(g.department)}</Typography.Text>
                  )}
                </Space>
                {g.items.map((w) => (
                  <Typography.Text key={w.id} type="secondary" data-warning={w.kind}>
                    {t('sup.panel.reasonLine', { kind: pick(w.kindTitle), reason: pick(w.reason) })}
                  </Typography.Text>
                ))}
              </Space>
            </List.Item>
          );
        }}
      />
      {groups.length > SHOWN && (
        <Button type="link" onClick={() => setAll(!all)}>
          {all ? t('sup.panel.fewer') : t('sup.panel.all', { n: groups.length })}
        </Button>
      )}
      <OpenOrderDialog source={source} onClose={() => setSource(null)} />
    </Card>
  );
}
