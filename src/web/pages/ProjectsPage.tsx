import { Card, Select, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { LayoutMap } from '../modules/map/LayoutMap.tsx';
import { ProjectDrawer } from '../modules/projects/ProjectDrawer.tsx';
import { ProjectTable } from '../modules/projects/ProjectTable.tsx';
import { useProjects } from '../modules/projects/queries.ts';
import { useWorkspace } from '../modules/workspace/workspace.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';

export default function ProjectsPage() {
  const { t } = useI18n();
  const ws = useWorkspace();
  const q = useProjects(ws.plan?.id ?? null);
  const [category, setCategory] = useState<string | null>(null);
  const [area, setArea] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  if (q.error) return <ErrorState error={q.error} />;
  if (!q.data) return <Loading />;
  const all = q.data;
  const rows = all.filter(
    (p) => (!category || p.category === category) && (!area || p.spatialUnitCode === area),
  );
  const categories = [...new Set(all.map((p) => p.category).filter((c): c is string => !!c))];
  const areas = [
    ...new Map(
      all.filter((p) => p.spatialUnitCode).map((p) => [p.spatialUnitCode ?? '', p.spatialUnitName ?? '']),
    ).entries(),
  ];
  return (
    <div>
      <div className="page-title">
        <h1>{t('projects.title')}</h1>
        <Space wrap>
          <Select
            allowClear
            aria-label={t('projects.category')}
            placeholder={t('projects.category')}
            value={category}
            onChange={(v) => setCategory(v ?? null)}
            style={{ width: 180 }}
            options={categories.map((c) => ({ value: c, label: c }))}
          />
          <Select
            allowClear
            aria-label={t('projects.area')}
            placeholder={t('projects.area')}
            value={area}
            onChange={(v) => setArea(v ?? null)}
            style={{ width: 200 }}
            options={areas.map(([code, name]) => ({ value: code, label: name }))}
          />
        </Space>
      </div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <ProjectTable rows={rows} onOpen={setOpen} />
      </Card>
      <Card size="small" title={t('dashboard.map')}>
        <LayoutMap
          height={420}
          projects={rows}
          onSelect={(code) => setArea(code.startsWith('A-') ? code : null)}
        />
        <div className="schematic-note">{t('map.schematic')}</div>
      </Card>
      <ProjectDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
