import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { invalidateAfterValueWrite } from '../observations/mutations.ts';

interface Result {
  submitted: number;
  items: {
    id: string;
    status: string;
    error: { message: string; messages?: { zh: string; en: string } } | null;
  }[];
}

/**
 * 提交全部草稿: the department's drafts in the plan go for approval in one action; the server submits and
 * audits each one by one and says which it refused (a value that makes its indicator lag needs a note).
 */
export function SubmitDrafts({ planId, drafts }: { planId: string; drafts: number }) {
  const { t, said } = useI18n();
  const { message, notification } = App.useApp();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const r = await api<Result>('/api/observations/submit-drafts', { method: 'POST', body: { planId } });
      const refused = r.items.filter((i) => i.status === 'refused');
      void message[refused.length > 0 ? 'warning' : 'success'](
        t('entry.submitAllDone', { n: r.submitted, refused: refused.length }),
      );
      if (refused.length > 0)
        notification.warning({
          title: t('entry.submitAllRefused'),
          description: refused.map((i) => said(i.error)).join('\n'),
        });
      invalidateAfterValueWrite(qc, planId, 'all', false);
    } catch (err) {
      void message.error(err instanceof Error ? err.message : t('error.unknown'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popconfirm
      title={t('entry.submitAllConfirm', { n: drafts })}
      okText={t('entry.submit')}
      cancelText={t('entry.cancel')}
      onConfirm={() => void run()}
      disabled={drafts === 0}
    >
      <Button type="primary" data-testid="submit-all-drafts" disabled={drafts === 0} loading={busy}>
        {t('entry.submitAll', { n: drafts })}
      </Button>
    </Popconfirm>
  );
}
