import { Card, Col, Row } from 'antd';
import { useState } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { LayoutMap } from '../modules/map/LayoutMap.tsx';
import { MapSidePanel } from '../modules/map/MapSidePanel.tsx';
import { useProjects } from '../modules/projects/queries.ts';
import { useWorkspace } from '../modules/workspace/workspace.tsx';

export default function MapPage() {
  const { t } = useI18n();
  const ws = useWorkspace();
  const projectsQ = useProjects(ws.plan?.id ?? null);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <div>
      <div className="page-title">
        <h1>{t('map.title')}</h1>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small">
            <LayoutMap height="min(70vh, 640px)" onSelect={setSelected} projects={projectsQ.data} />
            <div className="schematic-note">{t('map.schematic')}</div>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <MapSidePanel selected={selected} setSelected={setSelected} projects={projectsQ.data ?? []} />
        </Col>
      </Row>
    </div>
  );
}
