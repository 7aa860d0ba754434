import { Button, Card, Col, Descriptions, List, Row, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { LAYOUT_FEATURES, LayoutMap } from '../modules/map/LayoutMap.tsx';

export default function MapPage() {
  const { t, lang } = useI18n();
  const [selected, setSelected] = useState<string | null>(null);
  const feature = LAYOUT_FEATURES.find((f) => f.properties.code === selected);
  const groups = ['一核', '两轴', '三心', '四片', '重大项目'];
  return (
    <div>
      <div className="page-title">
        <h1>{t('map.title')}</h1>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small">
            <LayoutMap height="min(70vh, 640px)" onSelect={setSelected} />
            <div className="schematic-note">{t('map.schematic')}</div>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          {feature && (
            <Card size="small" title={lang === 'en' ? feature.properties.nameEn : feature.properties.name} style={{ marginBottom: 16 }}>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('map.group')}>{feature.properties.group}</Descriptions.Item>
                <Descriptions.Item label={t('map.code')}>{feature.properties.code}</Descriptions.Item>
              </Descriptions>
            </Card>
          )}
          <Card size="small" title={t('map.legendTitle')}>
            {groups.map((g) => (
              <div key={g} style={{ marginBottom: 8 }}>
                <Typography.Text strong>{g}</Typography.Text>
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
          </Card>
        </Col>
      </Row>
    </div>
  );
}
