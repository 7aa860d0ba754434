import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { useDepartmentName } from '../../lib/departmentName.ts';
import { ADJUSTMENT_REASON_MAX } from '../../lib/rules.ts';
import { useAdjust, type DepartmentScore } from './api.ts';

/**
 * The joint assessment team adjusts a department's score: points (negative to deduct) and the reason, both
 * required; the server's refusal is shown in words and what was typed stays.
 */
export function AdjustDialog({
  planId,
  year,
  target,
  onClose,
  onDone,
}: {
  planId: string;
  year: number;
  target: DepartmentScore;
  onClose: () => void;
  onDone: (score: DepartmentScore) => void;
}) {
  const { t } = useI18n();
  const deptName = useDepartmentName();
  const adjust = useAdjust(planId, year);
  const [points, setPoints] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const ready = points !== null && points !== 0 && reason.trim() !== '';
  return (
    <Modal
      open
      title={t('assessment.adjustTitle', { department: deptName(target.department) })}
      okText={t('assessment.adjustSave')}
      cancelText={t('assessment.adjustCancel')}
      okButtonProps={{ disabled: !ready, loading: adjust.isPending }}
      onCancel={onClose}
      onOk={() =>
        adjust.mutate(
          { department: target.department.code, points: points ?? 0, reason },
          { onSuccess: (score) => onDone(score) },
        )
      }
    >
      <p>{t('assessment.adjustNow', { base: target.base, score: target.score })}</p>
      <Form layout="vertical">
        <Form.Item
          label={t('assessment.adjustPoints')}
          htmlFor="adjust-points"
          extra={t('assessment.adjustPointsHint')}
        >
          <InputNumber
            id="adjust-points"
            min={-100}
            max={100}
            step={0.5}
            value={points}
            onChange={setPoints}
          />
        </Form.Item>
        <Form.Item label={t('assessment.adjustReason')} htmlFor="adjust-reason" required>
          <Input.TextArea
            id="adjust-reason"
            rows={3}
            maxLength={ADJUSTMENT_REASON_MAX}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
      </Form>
      {adjust.error && <Alert type="error" showIcon message={adjust.error.message} />}
    </Modal>
  );
}
