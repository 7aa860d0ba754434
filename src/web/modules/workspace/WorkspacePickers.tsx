import { Select, Space } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';
import { useWorkspace } from './workspace.tsx';

/** The plan and year every screen looks at. */
export function WorkspacePickers() {
  const { t } = useI18n();
  const ws = useWorkspace();
  return (
    <Space wrap size={[12, 8]} className="shell-header-left">
      <Select
        aria-label={t('header.plan')}
        className="plan-picker"
        value={ws.plan?.id}
        loading={ws.loading}
        onChange={ws.setPlanId}
        options={ws.plans.map((p) => ({
          value: p.id,
          // versions of one plan side by side: 第2版 · 草稿 · date (the office sees drafts and superseded ones)
          label: ws.plans.some((q) => q.key === p.key && q.id !== p.id)
            ? `${p.shortTitle ?? p.title} · ${p.label}`
            : (p.shortTitle ?? p.title),
        }))}
        popupMatchSelectWidth={false}
      />
      <Select
        aria-label={t('header.year')}
        value={ws.year ?? undefined}
        onChange={ws.setYear}
        options={ws.years.map((y) => ({ value: y, label: t('header.yearValue', { year: y }) }))}
        style={{ width: 110 }}
      />
    </Space>
  );
}
