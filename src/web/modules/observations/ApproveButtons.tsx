import { App, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import type { Observation } from '../../lib/types.ts';
import { useWorkspace } from '../workspace/workspace.tsx';
import { useObservationActions } from './mutations.ts';

/** Approve, or return with a reason — for the planning office and assessors. */
export function ApproveButtons({
  observation,
  code,
}: {
  observation: Pick<Observation, 'id'>;
  code: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { approve, giveBack } = useObservationActions(useWorkspace().plan?.id ?? null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const fail = (err: unknown) => void message.error(err instanceof Error ? err.message : t('error.unknown'));
  return (
    <Space>
      <Button
        size="small"
        type="primary"
        data-testid={`approve-${code}`}
        loading={approve.isPending}
        onClick={() => {
          approve
            .mutateAsync(observation.id)
            .then(() => void message.success(t('inbox.approved', { code })), fail);
        }}
      >
        {t('inbox.approve')}
      </Button>
      <Button size="small" danger onClick={() => setOpen(true)}>
        {t('inbox.return')}
      </Button>
      <Modal
        open={open}
        title={t('inbox.returnTitle', { code })}
        okText={t('inbox.return')}
        okButtonProps={{ danger: true, disabled: reason.trim().length === 0, loading: giveBack.isPending }}
        onCancel={() => setOpen(false)}
        onOk={() => {
          giveBack.mutateAsync({ id: observation.id, reason: reason.trim() }).then(() => {
            void message.success(t('inbox.returnedDone', { code }));
            setOpen(false);
            setReason('');
          }, fail);
        }}
      >
        <Input.TextArea
          aria-label={t('inbox.reason')}
          placeholder={t('inbox.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
        />
      </Modal>
    </Space>
  );
}
