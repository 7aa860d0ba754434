import { Tag } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';
import type { Observation, ObservationStatus } from '../../lib/types.ts';

const COLORS: Record<ObservationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'error',
};

export function ObservationStatusTag({ status }: { status: ObservationStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} data-status={status}>
      {t(`obs.${status}`)}
    </Tag>
  );
}

export function approverOf(o: Observation): string | null {
  return o.approvedByEmail;
}
