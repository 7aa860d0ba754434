import { Button, Card, Col, Descriptions, List, Row, Typography } from 'antd';
import { useState } from 'react';
import { fmt } from '../lib/format.ts';
import { useI18n } from '../lib/i18n.tsx';
import { GROUP_KEYS, groupKey, LAYOUT_FEATURES, LayoutMap } from '../modules/map/LayoutMap.tsx';
import { useProjects } from '../modules/projects/queries.ts';
import { useWorkspace } from '../modules/workspace/workspace.tsx';

const GROUPS = Object.keys(GROUP_KEYS).slice(0, 4);

export default function MapPage() {
  const { t, lang } = useI18n();
  const ws = useWorkspace();
  const projectsQ = useProjects(ws.plan?.id ?? null);
  const projects = projectsQ.data ?? [];
  const [selected, setSelected] = useState<string | null>(null);
  const feature = LAYOUT_FEATURES.find((f) => f.properties.code === selected);
  const inArea = projects.filter((p) => selected && p.spatialUnitCode === selected);
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
          {feature && (
            <Card
              size="small"
              title={lang === 'en' ? feature.properties.nameEn : feature.properties.name}
              style={{ marginBottom: 16 }}
            >
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('map.group')}>
                  {t(groupKey(feature.properties.group))}
                </Descriptions.Item>
                <Descriptions.Item label={t('map.code')}>{feature.properties.code}</Descriptions.Item>
              </Descriptions>
              {inArea.length > 0 && (
                <List
                  size="small"
                  header={t('map.project')}
                  dataSource={inArea}
                  renderItem={(p) => (
                    <List.Item>
                      {p.name}
                      {p.totalInvestment !== null
                        ? ` · ${fmt(p.totalInvestment)} ${p.investmentUnit ?? ''}`
                        : ''}
                    </List.Item>
                  )}
                />
              )}
            </Card>
          )}
          <Card size="small" title={t('map.legendTitle')}>
            {GROUPS.map((g) => (
              <div key={g} style={{ marginBottom: 8 }}>
                <Typography.Text strong>{t(groupKey(g))}</Typography.Text>
                <List
                  size="small"
                  dataSource={LAYOUT_FEATURES.filter((f) => f.properties.group === g)}
                  renderItem={(f) => (
                    <List.Item>
                      <Button type="link" size="small" onClick={() => setSelected(f.properties.code)}>
                        {lang === 'en' ? f.properties.nameEn : f.properties.name}
                      </Button>
                    </List.Item>
                  )}
                />
              </div>
            ))}
            <Typography.Text strong>{t('map.project')}</Typography.Text>
            <List
              size="small"
              dataSource={projects}
              locale={{ emptyText: t('projects.none') }}
              renderItem={(p) => (
                <List.Item>
                  <span>{p.name}</span>
                  <span className="muted">{p.spatialUnitName ?? t('map.unplaced')}</span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
