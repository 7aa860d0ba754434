import { Alert, List, Space, Tag, Typography } from 'antd';
import type { MessageKey } from '../../lib/i18n.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import type { ImportReport } from '../../lib/types.ts';

interface Finding {
  kind: MessageKey;
  text: string;
}

/** Every finding of the report, in the order a reader checks them: structure, tables, targets, text. */
function findingsOf(r: ImportReport, tableN: (n: number) => string): Finding[] {
  const table = (n: number | null) => (n === null ? '' : `${tableN(n)} `);
  return [
    ...r.headings.flatMap((h) => h.gaps.map((g) => ({ kind: 'import.reportGap' as const, text: g }))),
    ...r.tablesNotUnderstood.map((x) => ({
      kind: 'import.reportTable' as const,
      text: `${table(x.table)}${x.caption} — ${x.problem} (${x.source})`,
    })),
    ...r.rowsWithoutTarget.map((x) => ({
      kind: 'import.reportNoTarget' as const,
      text: `${table(x.table)}${x.name} (${x.source})`,
    })),
    ...r.targetsWithoutYear.map((x) => ({
      kind: 'import.reportNoYear' as const,
      text: `${x.text} (${x.source})`,
    })),
    ...r.headingLike.map((x) => ({
      kind: 'import.reportHeadingLike' as const,
      text: `${x.text} (${x.source})`,
    })),
  ];
}

/** The import report in the preview: what the importer found and what to check before saving. */
export function ImportReportPanel({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const count = (level: ImportReport['headings'][number]['level']) =>
    report.headings.find((h) => h.level === level)?.count ?? 0;
  const findings = findingsOf(report, (n) => t('import.tableN', { n }));
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="import-report">
      <Typography.Title level={5}>{t('import.report')}</Typography.Title>
      <Typography.Text>
        {t('import.reportHeadings', {
          parts: count('part'),
          chapters: count('chapter'),
          sections: count('section'),
        })}
      </Typography.Text>
      {report.script === 'traditional' && (
        <Alert type="info" showIcon title={t('import.reportTraditional')} />
      )}
      {report.contentsSkipped && (
        <Alert
          type="info"
          showIcon
          title={t('import.reportContents', {
            source: report.contentsSkipped.source,
            n: report.contentsSkipped.entries,
          })}
        />
      )}
      {findings.length === 0 ? (
        <Alert type="success" showIcon title={t('import.reportClean')} />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={t('import.reportCheck', { n: findings.length })}
          description={
            <List
              size="small"
              dataSource={findings}
              renderItem={(f) => (
                <List.Item>
                  <Space wrap>
                    <Tag color="orange">{t(f.kind)}</Tag>
                    <Typography.Text>{f.text}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          }
        />
      )}
    </Space>
  );
}
