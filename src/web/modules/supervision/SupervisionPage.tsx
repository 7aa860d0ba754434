import { Button, Col, Row, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { useDepartmentName } from '../../lib/departmentName.ts';
import { navigate, useLocation } from '../../lib/router.tsx';
import { FilterCard } from '../../ui/FilterCard.tsx';
import { ListTable } from '../../ui/ListTable.tsx';
import { Loading } from '../../ui/states.tsx';
import { useSession } from '../session/session.tsx';
import { SignInFirst } from '../session/SignInFirst.tsx';
import { useWorkspace } from '../workspace/workspace.tsx';
import { useOrders, type Order } from './api.ts';
import { Bulletin } from './Bulletin.tsx';
import { OrderDetail, OrderLight } from './OrderDetail.tsx';

type State = 'open' | 'closed' | 'all';

/** The orders the caller may see, open ones first; a click opens one (its id stays in the address). */
export function OrderList({ planId, selected }: { planId: string | null; selected: string | null }) {
  const { t, pick } = useI18n();
  const deptName = useDepartmentName();
  const [state, setState] = useState<State>('open');
  const q = useOrders({ planId, state });
  return (
    <FilterCard<State>
      title={t('sup.list.title')}
      value={state}
      onChange={setState}
      options={[
        { value: 'open', label: t('sup.list.open') },
        { value: 'closed', label: t('sup.list.closed') },
        { value: 'all', label: t('sup.list.all') },
      ]}
    >
      <ListTable<Order>
        error={q.error}
        data-testid="order-list"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('sup.noOrders') }}
        rowClassName={(o) => (o.id === selected ? 'ant-table-row-selected' : '')}
        columns={[
          {
            title: t('sup.list.order'),
            render: (_, o) => (
              <div>
                <Button
                  type="link"
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={() => navigate(`/supervision?id=${o.id}`)}
                >
                  {o.title}
                </Button>
                <div>
                  <Typography.Text type="secondary">{deptName(o.department)}</Typography.Text>
                </div>
              </div>
            ),
          },
          { title: t('sup.list.status'), render: (_, o) => pick(o.statusLabel) },
          {
            title: t('sup.list.light'),
            render: (_, o) => <OrderLight light={o.light} stepDue={o.stepDue} />,
          },
        ]}
      />
    </FilterCard>
  );
}

/** 督办: the orders and one order's steps; for the planning office and assessors also the 通报. */
export default function SupervisionPage() {
  const { t } = useI18n();
  const { user, loading } = useSession();
  const { search } = useLocation();
  const ws = useWorkspace();
  const id = search.get('id');
  const tab = search.get('tab') === 'bulletin' ? 'bulletin' : 'orders';
  if (loading) return <Loading />;
  if (!user) return <SignInFirst next="/supervision" />;
  const planId = ws.plan?.id ?? null;
  const orders = (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={id ? 10 : 24}>
        <OrderList planId={planId} selected={id} />
      </Col>
      {id && (
        <Col xs={24} xl={14}>
          <OrderDetail id={id} />
        </Col>
      )}
    </Row>
  );
  const mayBulletin = user.role === 'admin' || user.role === 'assessor';
  return (
    <div data-testid="supervision-page">
      <div className="page-title">
        <div>
          <h1>{t('sup.page.title')}</h1>
          <Typography.Text type="secondary">{t('sup.page.hint')}</Typography.Text>
        </div>
      </div>
      {mayBulletin ? (
        <Tabs
          activeKey={tab}
          onChange={(k) => navigate(k === 'bulletin' ? '/supervision?tab=bulletin' : '/supervision')}
          items={[
            { key: 'orders', label: t('sup.tab.orders'), children: orders },
            { key: 'bulletin', label: t('sup.tab.bulletin'), children: <Bulletin planId={planId} /> },
          ]}
        />
      ) : (
        orders
      )}
    </div>
  );
}
