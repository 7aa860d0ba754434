import { Button, Card, Descriptions, List, Typography } from 'antd';
import { fmt } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { Project } from '../../lib/types.ts';
import { GROUP_KEYS, groupKey, LAYOUT_FEATURES } from './LayoutMap.tsx';

const GROUPS = Object.keys(GROUP_KEYS).slice(0, 4);

/** The chosen area (its group and projects) and the legend of the layout's areas and projects. */
export function MapSidePanel({
  selected,
  setSelected,
  projects,
}: {
  selected: string | null;
  setSelected: (code: string) => void;
  projects: Project[];
}) {
  const { t, lang } = useI18n();
  const feature = LAYOUT_FEATURES.find((f) => f.properties.code === selected);
  const inArea = projects.filter((p) => selected && p.spatialUnitCode === selected);
  return (
    <>
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
                  {p.totalInvestment !== null ? ` · ${fmt(p.totalInvestment)} ${p.investmentUnit ?? ''}` : ''}
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
    </>
  );
}
