import ExcelJS from 'exceljs';
import type { Queryable } from '../../../db/db.types.ts';
import {
  departmentsRepository,
  type DepartmentRow,
} from '../../../db/repositories/departments.repository.ts';
import {
  reportingRepository,
  type CurrentPlan,
  type ReportingIndicator,
} from '../../../db/repositories/reporting.repository.ts';
import { plansRepository } from '../../../db/repositories/plans.repository.ts';
import { LantuError } from '../../../domain/errors.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { takesText } from '../../../domain/value-checks.ts';
import { localDay } from '../../../domain/time.ts';
import { timeZone } from '../../time-zone.ts';
import { notFound } from '../../errors.ts';
import { makeWorkbookSafe } from '../../../reports/spreadsheet-safety.ts';
import { authorize } from '../../policies/policy.ts';

/** The data sheet and the hidden sheet that ties a filled-in template back to its plan and department. */
export const DATA_SHEET = '填报 Data';
export const META_SHEET = '_lantu';
export const HEADER_ROWS = 2;
/** 编码, 指标, 单位: the locked columns left of the periods. */
export const FIXED_COLUMNS = 3;
export const TEMPLATE_FORMAT = 2;
/** The column right of the periods: a new value's note, or why an approved value is corrected. */
export const REASON_HEADER = '说明/更正原因 note / reason';

export interface TemplateContext {
  plan: CurrentPlan;
  department: DepartmentRow;
  indicators: ReportingIndicator[];
  periods: string[];
}

/** The plan a template is for: the one given, else the current master plan (latest version, newest period). */
export async function templatePlan(db: Queryable, planId: string | undefined): Promise<CurrentPlan> {
  const plans = await reportingRepository.currentPlans(db);
  if (planId !== undefined) {
    const plan = plans.find((p) => p.id === planId);
    if (plan) return plan;
    if (await plansRepository.findById(db, planId)) {
      throw new LantuError('conflict', {
        zh: '规划已更新版本，请重新下载模板',
        en: 'This plan has a newer version; download a new template',
      });
    }
    throw notFound('Plan', planId);
  }
  const masters = plans.filter((p) => p.parentId === null).sort((a, b) => b.periodStart - a.periodStart);
  const plan = masters[0] ?? plans[0];
  if (!plan) throw new LantuError('not_found', { zh: '尚无规划', en: 'No plan loaded' });
  return plan;
}

export async function templateContext(
  db: Queryable,
  user: SessionUser,
  departmentCode: string,
  planId: string | undefined,
): Promise<TemplateContext> {
  authorize(user, 'seeWork', 'department', { code: departmentCode });
  const department = await departmentsRepository.findByCode(db, departmentCode);
  if (!department) throw notFound('Department', departmentCode);
  const plan = await templatePlan(db, planId);
  const indicators = await reportingRepository.indicators(db, [plan.id], [department.id]);
  const periods: string[] = [];
  for (let y = plan.periodStart; y <= plan.periodEnd; y++) periods.push(String(y));
  return { plan, department, indicators, periods };
}

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E9EC' } };
const valueFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFBE6' } };

/**
 * That department's indicators × the plan's years, current values filled in (the latest version,
 * whatever its status). Header rows and the code/name/unit columns are locked and frozen; value cells are
 * unlocked and validated as numbers (shares between 0 and 100).
 */
export async function buildTemplate(db: Queryable, ctx: TemplateContext): Promise<Buffer> {
  const latest = new Map(
    (
      await reportingRepository.latestValues(
        db,
        ctx.indicators.map((i) => i.id),
      )
    ).map((v) => [`${v.indicatorId}|${v.period}`, v]),
  );
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lantu 蓝图';
  wb.title = `${ctx.department.name} ${ctx.plan.title}`;
  const ws = wb.addWorksheet(DATA_SHEET, {
    views: [{ state: 'frozen', xSplit: FIXED_COLUMNS, ySplit: HEADER_ROWS }],
  });
  ws.columns = [
    { width: 10 },
    { width: 40 },
    { width: 12 },
    ...ctx.periods.map(() => ({ width: 14 })),
    { width: 36 },
  ];
  const title = ws.getRow(1);
  title.getCell(1).value = `${ctx.department.name}（${ctx.department.code}） ${ctx.plan.title} 指标数据填报`;
  title.font = { bold: true, size: 13 };
  ws.mergeCells(1, 1, 1, FIXED_COLUMNS + ctx.periods.length + 1);
  const head = ws.getRow(2);
  head.values = ['编码 code', '指标 indicator', '单位 unit', ...ctx.periods, REASON_HEADER];
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = headerFill;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });

  ctx.indicators.forEach((ind, k) => {
    const row = ws.getRow(HEADER_ROWS + 1 + k);
    row.getCell(1).value = ind.code;
    row.getCell(2).value = ind.name;
    row.getCell(3).value = ind.unit ?? '';
    const reason = row.getCell(FIXED_COLUMNS + ctx.periods.length + 1);
    reason.protection = { locked: false };
    reason.fill = valueFill;
    ctx.periods.forEach((period, j) => {
      const cell = row.getCell(FIXED_COLUMNS + 1 + j);
      const v = latest.get(`${ind.id}|${period}`);
      cell.value = v ? (v.value ?? v.text) : null;
      cell.protection = { locked: false };
      cell.fill = valueFill;
      // a text value, or an indicator reported as a statement: no number validation
      if ((v?.value === null && v.text !== null) || takesText(ind.kind)) return;
      cell.dataValidation =
        ind.kind === 'share'
          ? {
              type: 'decimal',
              operator: 'between',
              allowBlank: true,
              formulae: [0, 100],
              showErrorMessage: true,
              errorTitle: '数值无效',
              error: '比重应在0至100之间 A share lies between 0 and 100',
            }
          : {
              type: 'decimal',
              operator: 'between',
              allowBlank: true,
              formulae: [-1e15, 1e15],
              showErrorMessage: true,
              errorTitle: '数值无效',
              error: '请填写数值 Enter a number',
            };
    });
  });
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });

  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRow(['format', TEMPLATE_FORMAT]);
  meta.addRow(['planId', ctx.plan.id]);
  meta.addRow(['department', ctx.department.code]);
  await meta.protect('', {});
  makeWorkbookSafe(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The template with the name a user sees in their downloads folder — `园区“十四五”规划纲要-行政审批局-2026-12-01.xlsx`
 * (plan, department, local day) — and an ASCII fallback for old clients.
 */
export async function templateDownload(
  db: Queryable,
  user: SessionUser,
  departmentCode: string,
  planId: string | undefined,
  now: Date,
): Promise<{ bytes: Buffer; fileName: string; asciiName: string }> {
  const ctx = await templateContext(db, user, departmentCode, planId);
  const plan = await plansRepository.findById(db, ctx.plan.id);
  const day = localDay(now, timeZone());
  const clean = (x: string) => x.replace(/[\\/:*?"<>|\r\n]+/g, '').trim();
  return {
    bytes: await buildTemplate(db, ctx),
    fileName: `${clean(plan?.shortTitle ?? ctx.plan.title)}-${clean(ctx.department.name)}-${day}.xlsx`,
    asciiName: `${ctx.plan.key}-${ctx.department.code}-${day}.xlsx`.replace(/[^\w.-]/g, '_'),
  };
}
