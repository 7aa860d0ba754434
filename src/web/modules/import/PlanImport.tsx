import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  List,
  Progress,
  Select,
  Space,
  Steps,
  Table,
  Tree,
  Typography,
} from 'antd';
import { useState } from 'react';
import { qk } from '../../lib/queryKeys.ts';
import { uploadWithProgress } from '../../lib/api.ts';
import { isMessageKey, useI18n } from '../../lib/i18n.tsx';
import { navigate } from '../../lib/router.tsx';
import type { PlanImportResult } from '../../lib/types.ts';
import { PickFile } from '../../ui/PickFile.tsx';
import { useWorkspace } from '../workspace/workspace.tsx';
import { ImportReportPanel } from './ImportReportPanel.tsx';
import { PublishDraft } from './PublishDraft.tsx';
import { changeText } from './changeText.ts';
import { VersionDiffView } from './VersionDiffView.tsx';

const ACCEPT = '.docx,.pdf,.txt,.md';

/** Upload an outline → preview its import report, tree, tables and the diff against the current version → save it. */
export function PlanImport() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const ws = useWorkspace();
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState<string>('new');
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<PlanImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (f: File, save: boolean) => {
    setBusy(true);
    setError(null);
    setProgress(0);
    const q = new URLSearchParams({ filename: f.name, preview: save ? 'false' : 'true' });
    if (target !== 'new') q.set('planId', target);
    try {
      const r = await uploadWithProgress<PlanImportResult>(
        `/api/plans/import?${q.toString()}`,
        f,
        setProgress,
      );
      if (save && r.planId) {
        void message.success(t('import.saved', { title: r.title, version: r.version ?? 1 }));
        await qc.invalidateQueries({ queryKey: qk.plans() });
        ws.setPlanId(r.planId);
        navigate('/plan');
        return;
      }
      setPreview(r);
    } catch (err) {
      setPreview(null);
      setError(err instanceof Error ? err.message : t('error.unknown'));
    } finally {
      setBusy(false);
    }
  };

  const step = preview ? 2 : file ? 1 : 0;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="plan-import">
      <PublishDraft />
      <Steps
        size="small"
        current={step}
        items={[{ title: t('import.step1') }, { title: t('import.step2') }, { title: t('import.step3') }]}
      />
      <Space wrap>
        <Select
          aria-label={t('import.target')}
          value={target}
          onChange={(v) => {
            setTarget(v);
            setPreview(null);
          }}
          style={{ minWidth: 260 }}
          options={[
            { value: 'new', label: t('import.asNew') },
            ...ws.plans.map((p) => ({
              value: p.id,
              label: t('import.asVersion', { title: p.shortTitle ?? p.title, version: p.version + 1 }),
            })),
          ]}
        />
        <PickFile
          accept={ACCEPT}
          onPick={(f) => {
            setFile(f);
            void send(f, false);
          }}
        >
          <Button type="primary" loading={busy && !preview}>
            {file ? t('import.another') : t('import.choose')}
          </Button>
        </PickFile>
        {file && <Typography.Text>{file.name}</Typography.Text>}
      </Space>
      {progress !== null && busy && (
        <Progress percent={Math.round(progress * 100)} status="active" aria-label={t('import.uploading')} />
      )}
      {error && <Alert type="error" showIcon title={t('import.failed')} description={error} />}
      {preview && (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, md: 4 }} title={preview.title}>
            <Descriptions.Item label={t('import.period')}>
              {preview.periodStart}–{preview.periodEnd}
            </Descriptions.Item>
            <Descriptions.Item label={t('nodeKind.part')}>{preview.counts.parts}</Descriptions.Item>
            <Descriptions.Item label={t('nodeKind.chapter')}>{preview.counts.chapters}</Descriptions.Item>
            <Descriptions.Item label={t('nodeKind.section')}>{preview.counts.sections}</Descriptions.Item>
            <Descriptions.Item label={t('nodeKind.task')}>{preview.counts.tasks}</Descriptions.Item>
            <Descriptions.Item label={t('nodeKind.box')}>{preview.counts.boxes}</Descriptions.Item>
            <Descriptions.Item label={t('import.tableIndicators')}>
              {preview.counts.tableIndicators}
            </Descriptions.Item>
            <Descriptions.Item label={t('import.proseTargets')}>
              {preview.counts.proseTargets}
            </Descriptions.Item>
          </Descriptions>
          <ImportReportPanel report={preview.report} />
          <Typography.Title level={5}>{t('import.tree')}</Typography.Title>
          <Tree
            data-testid="import-tree"
            defaultExpandAll
            treeData={preview.tree.map((p, i) => ({
              key: `p${i}`,
              title: [p.number, p.title].filter(Boolean).join(' '),
              children: p.children.map((c, j) => ({
                key: `p${i}c${j}`,
                title: [c.number, c.title].filter(Boolean).join(' '),
              })),
            }))}
          />
          <Typography.Title level={5}>
            {t('import.indicators', { n: preview.indicators.length })}
          </Typography.Title>
          <Table
            size="small"
            rowKey="code"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={preview.indicators}
            scroll={{ x: 600 }}
            columns={[
              { title: t('col.code'), dataIndex: 'code', width: 80 },
              { title: t('col.name'), dataIndex: 'name' },
              { title: t('ind.baseline'), dataIndex: 'baseline' },
              { title: t('col.target'), dataIndex: 'target' },
              {
                title: t('evaluation.kind'),
                dataIndex: 'kind',
                render: (k: string) => {
                  const key = `kind.${k}`;
                  return isMessageKey(key) ? t(key) : k;
                },
              },
            ]}
          />
          <Typography.Title level={5}>{t('import.changes')}</Typography.Title>
          {preview.versionDiff.changeList.length === 0 ? (
            <Typography.Text type="secondary">
              {target === 'new' ? t('import.newPlan') : t('import.noChanges')}
            </Typography.Text>
          ) : (
            <List
              size="small"
              bordered
              dataSource={preview.versionDiff.changeList}
              renderItem={(c) => <List.Item>{changeText(t, c)}</List.Item>}
            />
          )}
          {target !== 'new' && preview.versionDiff.basePlanId && (
            <VersionDiffView diff={preview.versionDiff} />
          )}
          <Space>
            <Button
              type="primary"
              loading={busy}
              onClick={() => file && void send(file, true)}
              data-testid="import-save"
            >
              {target === 'new' ? t('import.saveNew') : t('import.saveVersion')}
            </Button>
            <Button onClick={() => setPreview(null)}>{t('import.cancel')}</Button>
          </Space>
        </>
      )}
    </Space>
  );
}
