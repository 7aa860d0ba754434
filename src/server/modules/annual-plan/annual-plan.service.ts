import type { Db, Queryable } from '../../../db/db.types.ts';
import { recordAudit } from '../audit/audit.record.ts';
import { annualTargetsRepository } from '../../../db/repositories/annual-targets.repository.ts';
import { indicatorsRepository, type IndicatorRow } from '../../../db/repositories/indicators.repository.ts';
import {
  listApprovedValues,
  type ApprovedValueRow,
} from '../../../db/repositories/approved-values.repository.ts';
import { plansRepository } from '../../../db/repositories/plans.repository.ts';
import { executionRow, type ExecutionRow } from '../../../domain/annual-plan.ts';
import { LantuError, messagePair, type Bilingual } from '../../../domain/errors.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { dataChanged } from '../../cache/data-version.ts';
import { notFound } from '../../errors.ts';
import { authorize } from '../../policies/policy.ts';
import { cellText, cellValue, readWorkbook } from '../spreadsheets/xlsx.ts';

export interface ExecutionTableRow extends ExecutionRow {
  indicatorId: string;
  code: string;
  name: string;
  unit: string | null;
  attribute: 'expected' | 'binding';
  frequency: 'annual' | 'quarterly' | 'monthly';
}

/** The year's last period of an indicator reported more often than yearly: its 全年 value when no annual one. */
const lastPeriods = (year: number) => [`${year}`, `${year}Q4`, `${year}-12`];

async function planOf(db: Queryable, planId: string) {
  const plan = await plansRepository.findById(db, planId);
  if (!plan) throw notFound('Plan', planId);
  return plan;
}

function checkYear(plan: { periodStart: number; periodEnd: number }, year: number): void {
  if (year < plan.periodStart || year > plan.periodEnd) {
    throw new LantuError('validation_failed', {
      zh: '年份不在规划期内',
      en: `${year} is outside the plan's years ${plan.periodStart}–${plan.periodEnd}`,
    });
  }
}

/**
 * 年度计划执行情况表: for each indicator of the plan, the year's annual target, what was achieved (approved
 * values only), the completion rate and verdict, and the half-year check for monthly and quarterly indicators.
 */
export async function executionTable(
  db: Queryable,
  planId: string,
  year: number,
  /** The plan's indicators and approved values when the caller has loaded them already (a report does). */
  loaded?: {
    plan: { periodStart: number; periodEnd: number };
    indicators: readonly IndicatorRow[];
    values: readonly ApprovedValueRow[];
  },
): Promise<ExecutionTableRow[]> {
  checkYear(loaded?.plan ?? (await planOf(db, planId)), year);
  const [indicators, targets, values] = await Promise.all([
    loaded?.indicators ?? indicatorsRepository.listByPlan(db, planId),
    annualTargetsRepository.listByPlan(db, planId, year),
    loaded?.values ?? listApprovedValues(db, planId),
  ]);
  const targetOf = new Map(targets.map((t) => [t.indicatorId, t]));
  const periodsOf = new Map<string, Map<string, number>>();
  for (const v of values) {
    if (v.kind !== 'actual' || v.value === null || v.year !== year) continue;
    const m = periodsOf.get(v.code) ?? new Map<string, number>();
    m.set(v.period, v.value);
    periodsOf.set(v.code, m);
  }
  return indicators.map((ind) => {
    const periods = periodsOf.get(ind.code) ?? new Map<string, number>();
    const actual =
      lastPeriods(year)
        .map((p) => periods.get(p))
        .find((v) => v !== undefined) ?? null;
    const t = targetOf.get(ind.id);
    return {
      indicatorId: ind.id,
      code: ind.code,
      name: ind.name,
      unit: ind.unit,
      attribute: ind.attribute,
      frequency: ind.frequency,
      ...executionRow(
        {
          kind: ind.kind,
          direction: ind.direction,
          frequency: ind.frequency,
          baselineYear: ind.baselineYear,
          baselineValue: ind.baseline?.value ?? null,
          targetYear: ind.targetYear,
          targetValue: ind.target?.value ?? null,
        },
        year,
        t ? { value: t.value, note: t.note } : null,
        actual,
        periods,
      ),
    };
  });
}

/** The planning office sets (or, with value null, removes) an indicator's annual target for a year. */
export async function setAnnualTarget(
  db: Db,
  user: SessionUser,
  indicatorId: string,
  year: number,
  input: { value: number; note?: string | null } | null,
): Promise<void> {
  authorize(user, 'setAnnualTargets', 'office');
  const ind = await annualTargetsRepository.indicatorPlan(db, indicatorId);
  if (!ind) throw notFound('Indicator', indicatorId);
  checkYear(await planOf(db, ind.planId), year);
  await db.transaction(async (tx) => {
    const before = await annualTargetsRepository.find(tx, indicatorId, year);
    if (input) {
      await annualTargetsRepository.upsert(tx, {
        indicatorId,
        year,
        value: input.value,
        note: input.note?.trim() || null,
        source: 'manual',
        by: user.id,
      });
    } else if (!(await annualTargetsRepository.delete(tx, indicatorId, year))) {
      throw notFound('Annual target', `${ind.code} ${year}`);
    }
    await recordAudit(tx, user, input ? 'set' : 'delete', 'annual_target', `${indicatorId}:${year}`, {
      before: before ? { value: before.value, note: before.note } : null,
      after: input ? { value: input.value, note: input.note ?? null } : null,
    });
    await dataChanged(tx);
  });
}

export interface TargetSheetRow {
  row: number;
  code: string;
  status: 'saved' | 'error';
  /** "English 中文" in one string (the saved value on a saved row). */
  message: string;
  /** The message in each language, on rows that have one. */
  messages?: Bilingual;
}

const HEADERS = {
  code: /^(编码|指标编码|代码|code)$/i,
  target: /(全年预期目标|年度目标|预期目标|target)/i,
  note: /^(备注|说明|note)/i,
};

/**
 * The annual plan's indicator table as .xlsx: columns 编码/code and 全年预期目标/target (and optionally
 * 备注/note), the header among the first ten rows. All rows are saved, or none when any is invalid.
 */
export async function uploadAnnualTargets(
  db: Db,
  user: SessionUser,
  planId: string,
  year: number,
  bytes: Uint8Array,
): Promise<{ ok: boolean; rows: TargetSheetRow[] }> {
  authorize(user, 'setAnnualTargets', 'office');
  checkYear(await planOf(db, planId), year);
  const wb = await readWorkbook(bytes);
  const ws = wb.worksheets.find((w) => w.state === 'visible') ?? wb.worksheets[0];
  if (!ws) throw new LantuError('validation_failed', { zh: '工作簿为空', en: 'The workbook has no sheet' });
  let headerRow = 0;
  const col = { code: 0, target: 0, note: 0 };
  for (let r = 1; r <= Math.min(10, ws.rowCount) && headerRow === 0; r++) {
    const found = { code: 0, target: 0, note: 0 };
    ws.getRow(r).eachCell((cell, c) => {
      const t = cellText(cell).trim();
      for (const k of ['code', 'target', 'note'] as const) if (!found[k] && HEADERS[k].test(t)) found[k] = c;
    });
    if (found.code && found.target) {
      headerRow = r;
      Object.assign(col, found);
    }
  }
  if (!headerRow) {
    throw new LantuError('validation_failed', {
      zh: '未找到表头（编码、全年预期目标）',
      en: 'No header row with the columns 编码/code and 全年预期目标/target',
    });
  }
  const byCode = new Map((await indicatorsRepository.listByPlan(db, planId)).map((i) => [i.code, i.id]));
  const rows: TargetSheetRow[] = [];
  const parsed: { indicatorId: string; value: number; note: string | null }[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const code = cellText(row.getCell(col.code)).trim();
    const raw = cellValue(row.getCell(col.target));
    if (!code && (raw === null || raw === '')) continue;
    const value = typeof raw === 'number' ? raw : Number(String(raw ?? '').replace(/[,，%\s]/g, ''));
    const indicatorId = byCode.get(code);
    if (!indicatorId)
      rows.push({
        row: r,
        code,
        status: 'error',
        ...messagePair([{ en: `Unknown indicator code ${code}`, zh: '未知指标编码' }]),
      });
    else if (raw === null || raw === '' || !Number.isFinite(value))
      rows.push({
        row: r,
        code,
        status: 'error',
        ...messagePair([{ en: 'The target is not a number', zh: '目标值不是数字' }]),
      });
    else {
      const note = col.note ? cellText(row.getCell(col.note)).trim() || null : null;
      parsed.push({ indicatorId, value, note });
      rows.push({ row: r, code, status: 'saved', message: String(value) });
    }
  }
  const ok = rows.every((r) => r.status === 'saved') && parsed.length > 0;
  if (!ok)
    return {
      ok: false,
      rows: rows.map((r) =>
        r.status === 'saved'
          ? { ...r, message: 'not saved', messages: { zh: '其他行有误，未保存', en: 'not saved' } }
          : r,
      ),
    };
  await db.transaction(async (tx) => {
    for (const p of parsed)
      await annualTargetsRepository.upsert(tx, { ...p, year, source: 'upload', by: user.id });
    await recordAudit(tx, user, 'upload', 'annual_target', `${planId}:${year}`, {
      before: null,
      after: { rows: parsed.length },
    });
    await dataChanged(tx);
  });
  return { ok: true, rows };
}
