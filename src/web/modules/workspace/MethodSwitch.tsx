import { Segmented } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';
import type { Method } from '../../lib/types.ts';
import { useWorkspace } from './workspace.tsx';

export function MethodSwitch() {
  const { t } = useI18n();
  const { method, setMethod } = useWorkspace();
  return (
    <Segmented<Method>
      aria-label={t('method.label')}
      value={method}
      onChange={setMethod}
      options={[
        { label: t('method.time'), value: 'time' },
        { label: t('method.trend'), value: 'trend' },
      ]}
    />
  );
}
