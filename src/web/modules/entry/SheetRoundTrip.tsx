import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { upload } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useDepartmentName } from '../../lib/departmentName.ts';
import type { UploadReport } from '../../lib/types.ts';
import { PickFile } from '../../ui/PickFile.tsx';
import { invalidateAfterValueWrite } from '../observations/mutations.ts';

type Row = UploadReport['rows'][number];
const STATUS_COLOR: Record<Row['status'], string> = {
  saved: 'success',
  error: 'error',
  unchanged: 'default',
};

/** The spreadsheet round trip: download the department's template, upload it filled in, read the row report. */
export function SheetRoundTrip({
  planId,
  departments,
}: {
  planId: string;
  departments: { code: string; name: string }[];
}) {
  const { t, said } = useI18n();
  const deptName = useDepartmentName();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<UploadReport | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (f: File, keepValid: boolean) => {
    setBusy(true);
    try {
      const form = new FormData();
      form.set('file', f);
      if (keepValid) form.set('keepValid', 'true');
      const r = await upload<UploadReport>('/api/uploads', form);
      setReport(r);
      if (r.ok || keepValid) invalidateAfterValueWrite(qc, planId, 'all', false);
    } catch (err) {
      setReport(null);
      void message.error(err instanceof Error ? err.message : t('error.unknown'));
    } finally {
      setBusy(false);
    }
  };
  const errors = report?.rows.filter((r) => r.status === 'error') ?? [];
  const saved = report?.rows.filter((r) => r.status === 'saved').length ?? 0;

  return (
    <Card size="small" title={t('sheet.title')} style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('sheet.hint')}
      </Typography.Paragraph>
      <Space wrap>
        {departments.map((d) => (
          <Button
            key={d.code}
            href={`/api/templates/${encodeURIComponent(d.code)}.xlsx?planId=${planId}`}
            download
          >
            {t('sheet.download', { name: deptName(d) })}
          </Button>
        ))}
        <PickFile
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onPick={(f) => {
            setFile(f);
            void send(f, false);
          }}
        >
          <Button type="primary" loading={busy}>
            {t('sheet.upload')}
          </Button>
        </PickFile>
      </Space>
      {report && (
        <div style={{ marginTop: 12 }} data-testid="upload-report">
          {report.ok ? (
            <Alert type="success" showIcon title={t('sheet.ok', { n: saved })} />
          ) : (
            <Alert
              type="error"
              showIcon
              title={t('sheet.errors', { n: errors.length })}
              description={t('sheet.nothingSaved')}
              action={
                file && (
                  <Button size="small" onClick={() => void send(file, true)} loading={busy}>
                    {t('sheet.keepValid')}
                  </Button>
                )
              }
            />
          )}
          {(report.ok ? saved : errors.length) > 0 && (
            <Table<Row>
              size="small"
              style={{ marginTop: 8 }}
              rowKey={(r) => `${r.row}-${r.code}-${r.period}`}
              dataSource={report.ok ? report.rows.filter((r) => r.status !== 'unchanged') : errors}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('sheet.row'), dataIndex: 'row', width: 70 },
                { title: t('col.code'), dataIndex: 'code', width: 80 },
                { title: t('col.period'), dataIndex: 'period', width: 80 },
                {
                  title: t('col.status'),
                  width: 90,
                  render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`sheet.${r.status}`)}</Tag>,
                },
                {
                  title: t('sheet.message'),
                  render: (_, r) => said(r),
                },
              ]}
            />
          )}
        </div>
      )}
    </Card>
  );
}
