import { Card, Descriptions, Tag } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';
import { useDepartmentName } from '../../lib/departmentName.ts';
import { Link } from '../../lib/router.tsx';
import type { Indicator } from '../../lib/types.ts';

/** Unit, baseline, target, direction, frequency, source and departments of an indicator. */
export function IndicatorFacts({ indicator }: { indicator: Indicator }) {
  const { t } = useI18n();
  const deptName = useDepartmentName();
  return (
    <Card size="small" title={t('ind.facts')}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('ind.unit')}>{indicator.unit ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('ind.baseline')}>
          {indicator.baseline?.raw ?? '—'}
          {indicator.baselineYear ? `（${indicator.baselineYear}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('ind.target')}>
          {indicator.target?.raw ?? '—'}
          {indicator.targetYear ? `（${indicator.targetYear}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('ind.direction')}>
          {t(`direction.${indicator.direction}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('ind.frequency')}>
          {t(`frequency.${indicator.frequency}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('ind.source')}>{indicator.dataSource ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('plan.departments')}>
          {indicator.departments.map((d) => (
            <Tag key={d.code} color={d.role === 'lead' ? 'blue' : 'default'}>
              {t('common.withNote', { text: deptName(d), note: t(`deptRole.${d.role}`) })}
            </Tag>
          ))}
        </Descriptions.Item>
        {indicator.nodeId && (
          <Descriptions.Item label={t('ind.node')}>
            <Link to={`/plan/${indicator.nodeId}`}>{t('ind.openNode')}</Link>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
