import { Card, Collapse, Empty, Space, Typography } from 'antd';
import { localDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useDepartmentName } from '../../lib/departmentName.ts';
import { useLocation } from '../../lib/router.tsx';
import { ErrorState, Loading } from '../../ui/states.tsx';
import { useSession } from '../session/session.tsx';
import { useCommentTodo } from './api.ts';
import { DueLight } from './DueLight.tsx';
import { ReplyEditor } from './ReplyEditor.tsx';

/** 意见答复: the comments a department must answer, most urgent first, each with its reply editor. */
export default function CommentsPage() {
  const { t } = useI18n();
  const deptName = useDepartmentName();
  const { user } = useSession();
  const { search } = useLocation();
  const q = useCommentTodo(!!user);
  if (q.error) return <ErrorState error={q.error} />;
  if (!q.data) return <Loading />;
  const items = q.data.items;
  const open = search.get('id');
  return (
    <div data-testid="comments-page">
      <div className="page-title">
        <h1>{t('desk.todo.title')}</h1>
      </div>
      <Card size="small">
        {items.length === 0 ? (
          <Empty description={t('desk.todo.empty')} />
        ) : (
          <Collapse
            defaultActiveKey={
              open
                ? [open]
                : items
                    .filter((i) => i.light !== 'done')
                    .slice(0, 1)
                    .map((i) => i.id)
            }
            items={items.map((i) => ({
              key: i.id,
              label: (
                <Space wrap data-comment={i.id}>
                  <DueLight light={i.light} daysLeft={i.workingDaysLeft} />
                  <Typography.Text strong>{i.targetTitle}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('desk.todo.due', { date: localDate(i.replyDueAt) })}
                  </Typography.Text>
                </Space>
              ),
              children: (
                <div>
                  <Typography.Paragraph className="comment-text">{i.body}</Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {i.name ?? t('desk.anonymous')} · {deptName(i.departmentName)}
                  </Typography.Text>
                  {user?.role === 'department' && <ReplyEditor item={i} />}
                </div>
              ),
            }))}
          />
        )}
      </Card>
    </div>
  );
}
