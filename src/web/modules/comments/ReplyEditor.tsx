import { App, Button, Input, Select, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { localDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { REPLY_MAX } from '../../lib/rules.ts';
import { useDepartmentName } from '../../lib/departmentName.ts';
import { useDeskWrite, useReplyTemplates, type TodoItem } from './api.ts';

/** Writes the official reply (or a follow-up once answered), optionally starting from a template. */
export function ReplyEditor({ item }: { item: TodoItem }) {
  const { t } = useI18n();
  const deptName = useDepartmentName();
  const { message } = App.useApp();
  const templates = useReplyTemplates();
  const [text, setText] = useState('');
  const [saveAs, setSaveAs] = useState('');
  const answered = item.replies.some((r) => r.kind === 'reply');
  const send = useDeskWrite((body: string) =>
    api(`/api/feedback/${item.id}/${answered ? 'follow-up' : 'reply'}`, { method: 'POST', body: { body } }),
  );
  const save = useDeskWrite((v: { title: string; body: string }) =>
    api('/api/reply-templates', { method: 'POST', body: v }),
  );
  return (
    <div data-testid="reply-editor">
      {item.replies.length > 0 && (
        <Timeline
          items={item.replies.map((r) => ({
            children: (
              <div>
                <Typography.Text type="secondary">
                  {r.kind === 'reply' ? t('desk.reply.official') : t('desk.reply.followUp')} ·{' '}
                  {deptName(r.departmentName)} · {localDate(r.createdAt)}
                </Typography.Text>
                <div className="comment-text">{r.body}</div>
              </div>
            ),
          }))}
        />
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select
          aria-label={t('desk.template.use')}
          placeholder={t('desk.template.use')}
          style={{ minWidth: 260 }}
          loading={templates.isLoading}
          options={(templates.data?.items ?? []).map((tp) => ({
            value: tp.id,
            label: `${tp.title}${tp.department ? '' : ` (${t('desk.template.shared')})`}`,
          }))}
          onChange={(id: string) => setText(templates.data?.items.find((tp) => tp.id === id)?.body ?? '')}
        />
        <Input.TextArea
          aria-label={answered ? t('desk.reply.followUp') : t('desk.reply.official')}
          rows={4}
          maxLength={REPLY_MAX}
          showCount
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Space wrap>
          <Button
            type="primary"
            disabled={!text.trim()}
            loading={send.isPending}
            onClick={() =>
              send.mutate(text, {
                onSuccess: () => {
                  setText('');
                  void message.success(t('desk.reply.sent'));
                },
                onError: (e) => void message.error(e.message),
              })
            }
          >
            {answered ? t('desk.reply.sendFollowUp') : t('desk.reply.send')}
          </Button>
          <Input
            aria-label={t('desk.template.saveAs')}
            placeholder={t('desk.template.saveAs')}
            value={saveAs}
            onChange={(e) => setSaveAs(e.target.value)}
            style={{ width: 200 }}
          />
          <Button
            disabled={!saveAs.trim() || !text.trim()}
            onClick={() =>
              save.mutate(
                { title: saveAs.trim(), body: text },
                {
                  onSuccess: () => {
                    setSaveAs('');
                    void message.success(t('desk.template.saved'));
                  },
                  onError: (e) => void message.error(e.message),
                },
              )
            }
          >
            {t('desk.template.save')}
          </Button>
        </Space>
      </Space>
    </div>
  );
}
