import type { Db } from '../../../db/db.types.ts';
import { recordAudit } from '../audit/audit.record.ts';
import { reportingRepository } from '../../../db/repositories/reporting.repository.ts';
import { nestedDb, withSavepoint } from '../../../db/savepoint.ts';
import { isLantuError, LantuError, messagePair, type Bilingual } from '../../../domain/errors.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { authorize } from '../../policies/policy.ts';
import { createObservation, updateObservation } from '../observations/observations.service.ts';
import { DATA_SHEET, FIXED_COLUMNS, HEADER_ROWS, META_SHEET, templateContext } from './template.service.ts';
import { cellText, cellValue, readWorkbook } from './xlsx.ts';

export interface UploadRow {
  row: number;
  code: string;
  period: string;
  status: 'saved' | 'error' | 'unchanged';
  /** "English 中文" in one string, as the error body's `message`. */
  message: string;
  /** The same in each language, when the row has a message written in both. */
  messages?: Bilingual;
}

export interface UploadReport {
  ok: boolean;
  rows: UploadRow[];
}

interface CellWork {
  line: UploadRow;
  indicatorId: string;
  value: number | null;
  text: string | null;
  /** The row's 说明/更正原因 cell: the note of a new value, the reason of a correction. */
  note: string | null;
  existing: { id: string; status: string } | null;
}

const NEEDS_REASON = {
  zh: '更正已审核数据须在本行“说明/更正原因”列填写理由',
  en: 'Correcting an approved value needs a reason: write it in this row’s column “说明/更正原因 note / reason”',
};

/** Thrown inside the transaction to undo every row when the sheet has errors. */
class Rollback extends Error {}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A cell as an observation value: numbers (also typed as text, with thousands separators) or text. */
function asValue(v: string | number): { value: number | null; text: string | null } {
  if (typeof v === 'number') return { value: v, text: null };
  const compact = v.replace(/[,，\s]/g, '');
  return NUMBER.test(compact) ? { value: Number(compact), text: null } : { value: null, text: v };
}

/**
 * A filled-in template back in: every changed cell becomes a draft through the same service as
 * POST /api/observations (new value) or PATCH (a draft or returned value). All rows run in one
 * transaction, each under a savepoint; when any row fails nothing is kept unless `keepValid`.
 */
export async function uploadValues(
  db: Db,
  user: SessionUser,
  bytes: Uint8Array,
  keepValid: boolean,
): Promise<UploadReport> {
  const wb = await readWorkbook(bytes);
  const meta = wb.getWorksheet(META_SHEET);
  const metaOf = (key: string) => {
    if (!meta) return '';
    for (let r = 1; r <= meta.rowCount; r++) {
      if (cellText(meta.getRow(r).getCell(1)) === key) return cellText(meta.getRow(r).getCell(2));
    }
    return '';
  };
  const planId = metaOf('planId');
  const departmentCode = metaOf('department');
  const ws = wb.getWorksheet(DATA_SHEET);
  if (!ws || !planId || !departmentCode) {
    throw new LantuError('validation_failed', {
      zh: '请使用下载的填报模板',
      en: 'Not a lantu template: download one from /api/templates/{department}.xlsx and fill it in',
    });
  }
  authorize(user, 'uploadValues', 'department', { code: departmentCode });
  const ctx = await templateContext(db, user, departmentCode, planId);
  const byCode = new Map(ctx.indicators.map((i) => [i.code, i]));
  const latest = new Map(
    (
      await reportingRepository.latestValues(
        db,
        ctx.indicators.map((i) => i.id),
      )
    ).map((v) => [`${v.indicatorId}|${v.period}`, v]),
  );

  const periodColumns: { col: number; period: string }[] = [];
  ws.getRow(HEADER_ROWS).eachCell((cell, col) => {
    const period = cellText(cell);
    if (col > FIXED_COLUMNS && ctx.periods.includes(period)) periodColumns.push({ col, period });
  });
  let reasonColumn = 0;
  ws.getRow(HEADER_ROWS).eachCell((cell, col) => {
    if (col > FIXED_COLUMNS && /更正原因|reason/i.test(cellText(cell))) reasonColumn = col;
  });
  if (periodColumns.length === 0) {
    throw new LantuError('validation_failed', {
      zh: `第${HEADER_ROWS}行表头缺少年份列`,
      en: `Row ${HEADER_ROWS} has no period columns`,
    });
  }

  const rows: UploadRow[] = [];
  const work: CellWork[] = [];
  const seen = new Map<string, number>();
  for (let r = HEADER_ROWS + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const code = cellText(row.getCell(1));
    const cells = periodColumns.map((p) => ({ ...p, raw: cellValue(row.getCell(p.col)) }));
    if (!code) {
      if (cells.some((c) => c.raw !== null)) {
        rows.push({
          row: r,
          code: '',
          period: '',
          status: 'error',
          ...messagePair({ zh: '缺少编码', en: 'Values without an indicator code' }),
        });
      }
      continue;
    }
    const ind = byCode.get(code);
    if (!ind) {
      rows.push({
        row: r,
        code,
        period: '',
        status: 'error',
        ...messagePair({
          zh: '非本部门指标',
          en: `${code} is not an indicator of ${ctx.department.code} in this plan`,
        }),
      });
      continue;
    }
    if (seen.has(code)) {
      rows.push({
        row: r,
        code,
        period: '',
        status: 'error',
        ...messagePair({ zh: '编码重复', en: `${code} is already on row ${seen.get(code)}` }),
      });
      continue;
    }
    seen.set(code, r);
    const note = reasonColumn ? cellText(row.getCell(reasonColumn)).trim() || null : null;
    for (const c of cells) {
      if (c.raw === null) continue;
      const { value, text } = asValue(c.raw);
      const existing = latest.get(`${ind.id}|${c.period}`) ?? null;
      const line: UploadRow = { row: r, code, period: c.period, status: 'unchanged', message: '' };
      rows.push(line);
      if (existing && existing.value === value && (existing.text ?? null) === text) continue;
      if (existing?.status === 'approved' && !note) {
        line.status = 'error';
        Object.assign(line, messagePair(NEEDS_REASON));
        continue;
      }
      work.push({ line, indicatorId: ind.id, value, text, note, existing });
    }
  }

  let saved = 0;
  const failedBeforeSave = rows.some((r) => r.status === 'error');
  try {
    await db.transaction(async (tx) => {
      const inner = nestedDb(tx, db.kind);
      for (const w of work) {
        try {
          const result = await withSavepoint(tx, () =>
            w.existing && w.existing.status !== 'approved'
              ? updateObservation(inner, user, w.existing.id, {
                  value: w.value,
                  text: w.text,
                  ...(w.note ? { note: w.note } : {}),
                })
              : createObservation(inner, user, {
                  indicatorId: w.indicatorId,
                  period: w.line.period,
                  value: w.value,
                  text: w.text,
                  note: w.note,
                  ...(w.existing?.status === 'approved' ? { reason: w.note } : {}),
                }),
          );
          w.line.status = 'saved';
          if (result.warnings.length > 0) Object.assign(w.line, messagePair(result.warnings));
          saved++;
        } catch (e) {
          if (!isLantuError(e)) throw e;
          w.line.status = 'error';
          w.line.message = e.message;
          if (e.messages) w.line.messages = e.messages;
        }
      }
      const failed = failedBeforeSave || rows.some((r) => r.status === 'error');
      if (failed && !keepValid) throw new Rollback();
      await recordAudit(tx, user, 'upload', 'observations', ctx.department.code, {
        before: null,
        after: { planId: ctx.plan.id, department: ctx.department.code, rows: rows.length, saved, keepValid },
      });
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    for (const r of rows) {
      if (r.status === 'saved') {
        r.status = 'unchanged';
        Object.assign(
          r,
          messagePair({
            zh: '其他行有误，未保存',
            en: 'Valid, not saved: other rows have errors (send keepValid=true to keep valid rows)',
          }),
        );
      }
    }
    return { ok: false, rows };
  }
  return { ok: !rows.some((r) => r.status === 'error'), rows };
}
