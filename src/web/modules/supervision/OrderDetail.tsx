import { Card, Descriptions, Table, Tag, Timeline, Typography } from 'antd';
import { subjectLink } from '../../../domain/warning-rules.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useDepartmentName } from '../../lib/departmentName.ts';
import { Link } from '../../lib/router.tsx';
import { LightTag } from '../../ui/LightTag.tsx';
import { ErrorState, Loading } from '../../ui/states.tsx';
import { useSession } from '../session/session.tsx';
import { useOrder, useOrderAudit, type Light, type Measure } from './api.ts';
import { StepForms } from './StepForms.tsx';

/** The light of an order: red once the step waited for is overdue (escalated), yellow near its deadline. */
export function OrderLight({ light, stepDue }: { light: Light; stepDue: string | null }) {
  const { t } = useI18n();
  const label =
    light === 'done'
      ? t('sup.light.done')
      : light === 'red'
        ? t('sup.light.red', { date: stepDue ?? '' })
        : light === 'yellow'
          ? t('sup.light.yellow', { date: stepDue ?? '' })
          : t('sup.light.green', { date: stepDue ?? '' });
  return <LightTag light={light}>{label}</LightTag>;
}

/** One 督办单: what is asked, its measures, every step taken, the forms for the next step and its audit trail. */
export function OrderDetail({ id }: { id: string }) {
  const { t, pick } = useI18n();
  const deptName = useDepartmentName();
  const { user } = useSession();
  const q = useOrder(id);
  const mayAudit = user?.role === 'admin' || user?.role === 'assessor';
  const audit = useOrderAudit(id, mayAudit);
  if (q.error) return <ErrorState error={q.error} />;
  if (!q.data) return <Loading />;
  const o = q.data;
  return (
    <Card
      size="small"
      data-testid="order-detail"
      data-status={o.status}
      title={o.title}
      extra={<Tag data-testid="order-status">{pick(o.statusLabel)}</Tag>}
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('sup.field.subject')}>
          <Link to={subjectLink(o.subjectType, o.subjectId)}>{o.subjectTitle}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('sup.field.departmentShort')}>{deptName(o.department)}</Descriptions.Item>
        <Descriptions.Item label={t('sup.field.waiting')}>
          {o.waitingFor ? pick(o.waitingFor) : '—'} <OrderLight light={o.light} stepDue={o.stepDue} />
        </Descriptions.Item>
        <Descriptions.Item label={t('sup.field.dates')}>
          {t('sup.field.datesValue', { planDue: o.planDue, deadline: o.deadline })}
        </Descriptions.Item>
        <Descriptions.Item label={t('sup.field.requirement')} span={2}>
          <span className="comment-text">{o.requirement}</span>
        </Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('sup.measures')}
      </Typography.Title>
      <Table<Measure>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={o.measures}
        locale={{ emptyText: t('sup.noMeasures') }}
        data-testid="order-measures"
        columns={[
          { title: t('sup.measure.col'), dataIndex: 'title' },
          { title: t('sup.measure.milestone'), render: (_, m) => m.milestone ?? '—' },
          { title: t('sup.measure.dueDate'), dataIndex: 'dueDate' },
          {
            title: t('sup.measure.state'),
            render: (_, m) =>
              m.doneOn ? (
                <Tag color="green">{t('sup.measure.done', { date: m.doneOn })}</Tag>
              ) : m.overdue ? (
                <Tag color="red">{t('sup.measure.overdue')}</Tag>
              ) : (
                <Tag>{t('sup.measure.open')}</Tag>
              ),
          },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('sup.steps')}
      </Typography.Title>
      <Timeline
        data-testid="order-steps"
        items={o.steps.map((s) => ({
          content: (
            <div data-step={s.action}>
              <Typography.Text strong>{pick(s.label)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {s.actor} · {s.at.slice(0, 16).replace('T', ' ')}
              </Typography.Text>
              {s.body && <div className="comment-text">{s.body}</div>}
            </div>
          ),
        }))}
      />

      <StepForms order={o} />

      {mayAudit && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('sup.audit')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            data-testid="order-audit"
            loading={audit.isLoading}
            dataSource={audit.data?.items ?? []}
            locale={{ emptyText: audit.error ? audit.error.message : t('sup.noAudit') }}
            columns={[
              { title: t('sup.auditCol.at'), render: (_, a) => a.at.slice(0, 19).replace('T', ' ') },
              { title: t('sup.auditCol.actor'), dataIndex: 'actor' },
              {
                title: t('sup.auditCol.action'),
                render: (_, a) => <span data-audit={a.action}>{a.action}</span>,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
