import { Tag } from 'antd';
import { useI18n } from '../lib/i18n.tsx';
import type { Verdict } from '../lib/types.ts';

export const VERDICT_COLOR: Record<Verdict, string> = {
  achieved: '#0e8a4f',
  ahead: '#2ba471',
  on_track: '#1664ff',
  acceleration_needed: '#e37318',
  limited_progress: '#d9a50a',
  lagging: '#d54941',
  deterioration: '#a8071a',
  not_achieved: '#c9353f',
  no_data: '#8b949e',
  not_assessable: '#b0b7c0',
};

export function VerdictTag({ verdict, size = 'default' }: { verdict: Verdict; size?: 'default' | 'large' }) {
  const { t } = useI18n();
  return (
    <Tag
      color={VERDICT_COLOR[verdict]}
      data-verdict={verdict}
      style={size === 'large' ? { fontSize: 16, padding: '4px 10px' } : undefined}
    >
      {t(`verdict.${verdict}`)}
    </Tag>
  );
}
