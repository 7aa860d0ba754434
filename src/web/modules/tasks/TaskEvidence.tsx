import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { evidenceSizeRefusal, fileSizeLabel, MAX_EVIDENCE_BYTES } from '../../../domain/evidence.ts';
import { ApiError, upload } from '../../lib/api.ts';
import { localTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { qk } from '../../lib/queryKeys.ts';
import { PickFile } from '../../ui/PickFile.tsx';
import type { TaskWork } from '../../lib/types.ts';

type Report = TaskWork['reports'][number];
type Evidence = Report['evidence'][number];

/** Why a file was not stored, kept as what happened (not as text) so the alert follows a language switch. */
type Refusal = { kind: 'too_large' | 'empty'; file: File } | { kind: 'failed'; file: File; err: unknown };

const LIMIT_MB = MAX_EVIDENCE_BYTES / 1024 / 1024;

/**
 * 佐证材料 of one progress report: each file with its name and size, downloaded from GET /api/evidence/{id};
 * the report's departments attach more (POST /api/task-reports/{id}/evidence, multipart field `file`, the CSRF
 * header through `upload`). A file the server would refuse for its size is refused here before a byte is sent:
 * a 20 MB+ body is cut off by the server's limit mid-stream, which the browser reports only as a failed fetch.
 */
export function TaskEvidence({
  nodeId,
  report,
  canUpload,
}: {
  nodeId: string;
  report: Report;
  canUpload: boolean;
}) {
  const { t, lang, said } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const send = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set('file', file, file.name);
      return upload<Evidence>(`/api/task-reports/${report.id}/evidence`, form);
    },
    onSuccess: (e) => {
      setRefusal(null);
      void message.success(t('task.evidence.uploaded', { name: e.filename }));
      void qc.invalidateQueries({ queryKey: qk.task(nodeId) });
    },
    onError: (err, file) => setRefusal({ file, kind: 'failed', err }),
  });

  const tooLarge = (file: File) =>
    t('task.evidence.tooLarge', { name: file.name, size: fileSizeLabel(file.size), max: LIMIT_MB });

  function refusalText(r: Refusal): string {
    const { file } = r;
    if (r.kind !== 'failed')
      return r.kind === 'too_large' ? tooLarge(file) : t('task.evidence.empty', { name: file.name });
    const { err } = r;
    if (err instanceof ApiError) {
      if (err.status === 413) return tooLarge(file);
      if (err.status === 0) return t('task.evidence.interrupted', { name: file.name });
      return t('task.evidence.refused', { name: file.name, reason: said(err) });
    }
    return t('task.evidence.refused', { name: file.name, reason: t('error.unknown') });
  }

  const pick = (file: File) => {
    const why = evidenceSizeRefusal(file.size);
    if (why === null) send.mutate(file);
    else setRefusal({ file, kind: why });
  };

  return (
    <div className="task-evidence" data-testid={`evidence-${report.id}`}>
      {report.evidence.length > 0 && (
        <ul className="evidence-list" aria-label={t('task.evidence.title')}>
          {report.evidence.map((e) => (
            <li key={e.id}>
              <Typography.Link
                href={`/api/evidence/${e.id}`}
                download={e.filename}
                data-testid="evidence-file"
              >
                {e.filename}
              </Typography.Link>{' '}
              <span className="muted">
                {fileSizeLabel(e.size)} · {localTime(e.createdAt, lang)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canUpload && (
        <Space size={8} wrap>
          <PickFile onPick={pick}>
            <Button size="small" loading={send.isPending}>
              {t('task.evidence.add')}
            </Button>
          </PickFile>
          <span className="muted">{t('task.evidence.hint', { max: LIMIT_MB })}</span>
        </Space>
      )}
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          role="alert"
          title={refusalText(refusal)}
          onClose={() => setRefusal(null)}
          style={{ marginTop: 4 }}
          data-testid="evidence-refusal"
        />
      )}
    </div>
  );
}
