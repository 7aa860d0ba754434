import { nodeCodes } from '../../../domain/plan-labels.ts';
import { recordAudit } from '../audit/audit.record.ts';
import type { Db, Queryable } from '../../../db/db.types.ts';
import {
  assignmentsRepository,
  type AssignmentRow,
  type AssignmentTarget,
} from '../../../db/repositories/assignments.repository.ts';
import { departmentsRepository } from '../../../db/repositories/departments.repository.ts';
import { indicatorsRepository } from '../../../db/repositories/indicators.repository.ts';
import { plansRepository } from '../../../db/repositories/plans.repository.ts';
import { LantuError, messagePair, type Bilingual } from '../../../domain/errors.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { notFound } from '../../errors.ts';
import { getPlan } from '../plans/plans.service.ts';
import { cellText, readWorkbook } from '../spreadsheets/xlsx.ts';
import { dataChanged } from '../../cache/data-version.ts';
import type { DepartmentRole } from '../../../domain/plan.ts';

interface DepartmentRef {
  code: string;
  name: string;
}

export interface Assignment {
  planId: string;
  nodeId: string | null;
  indicatorId: string | null;
  code: string;
  title: string;
  lead: DepartmentRef | null;
  co: DepartmentRef[];
}

export interface AssignmentInput {
  nodeId?: string;
  indicatorId?: string;
  lead: string;
  co: string[];
}

export interface SheetReportRow {
  row: number;
  code: string;
  status: 'saved' | 'error' | 'unchanged';
  /** "English 中文" in one string, as the error body's `message`. */
  message: string;
  /** The same in each language, so a screen shows its own (absent on rows with nothing to say). */
  messages?: Bilingual;
}

type KnownDepartments = Map<string, { id: string; name: string }>;

/** Lead and co-departments by code → ids, or the reasons they don't make sense. */
function resolveDepartments(
  known: KnownDepartments,
  lead: string,
  co: readonly string[],
):
  { ok: true; value: { departmentId: string; role: DepartmentRole }[] } | { ok: false; errors: Bilingual[] } {
  const errors: Bilingual[] = [];
  const unknown = [lead, ...co].filter((c) => !known.has(c));
  if (unknown.length > 0)
    errors.push({ en: `Unknown department ${[...new Set(unknown)].join(', ')}`, zh: '部门不存在' });
  if (co.includes(lead))
    errors.push({ en: `${lead} cannot be both lead and co-department`, zh: '牵头部门不能同时为配合部门' });
  if (new Set(co).size !== co.length)
    errors.push({ en: 'A co-department is listed twice', zh: '配合部门重复' });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: [
      { departmentId: known.get(lead)!.id, role: 'lead' },
      ...co.map((c) => ({ departmentId: known.get(c)!.id, role: 'co' as const })),
    ],
  };
}

async function knownDepartments(db: Queryable): Promise<KnownDepartments> {
  return new Map((await departmentsRepository.list(db)).map((d) => [d.code, { id: d.id, name: d.name }]));
}

function summary(rows: readonly AssignmentRow[]): { lead: DepartmentRef | null; co: DepartmentRef[] } {
  const lead = rows.find((r) => r.role === 'lead');
  return {
    lead: lead ? { code: lead.code, name: lead.name } : null,
    co: rows.filter((r) => r.role === 'co').map((r) => ({ code: r.code, name: r.name })),
  };
}

const codesOf = (s: { lead: DepartmentRef | null; co: DepartmentRef[] }) => ({
  lead: s.lead?.code ?? null,
  co: s.co.map((d) => d.code),
});

const toTarget = (input: { nodeId?: string; indicatorId?: string }): AssignmentTarget =>
  input.nodeId !== undefined
    ? { nodeId: input.nodeId, indicatorId: null }
    : { nodeId: null, indicatorId: input.indicatorId! };

/**
 * Replaces the departments of one item inside a transaction; returns whether anything changed. An explicit
 * PUT is always audited; sheet rows only when they change something (the upload itself is audited once).
 */
async function replace(
  tx: Queryable,
  user: SessionUser,
  target: AssignmentTarget,
  planId: string,
  departments: { departmentId: string; role: DepartmentRole }[],
  audit: 'always' | 'changes',
): Promise<{ changed: boolean; rows: AssignmentRow[] }> {
  const before = summary(await assignmentsRepository.listForTarget(tx, target));
  await assignmentsRepository.replaceForTarget(tx, planId, target, departments);
  const rows = await assignmentsRepository.listForTarget(tx, target);
  const after = summary(rows);
  const changed = JSON.stringify(codesOf(before)) !== JSON.stringify(codesOf(after));
  // Indicator lists carry their departments and are cached per data version.
  if (changed) await dataChanged(tx);
  if (changed || audit === 'always') {
    await recordAudit(
      tx,
      user,
      'assign',
      target.nodeId === null ? 'indicator' : 'node',
      target.nodeId ?? target.indicatorId,
      { before: codesOf(before), after: codesOf(after) },
    );
  }
  return { changed, rows };
}

/** PUT /api/assignments: the lead and co-departments of one task or indicator, replacing what it had. */
export async function setAssignment(db: Db, user: SessionUser, input: AssignmentInput): Promise<Assignment> {
  const [one] = await setAssignments(db, user, { items: [input], lead: input.lead, co: input.co });
  return one!;
}

export interface BulkAssignmentInput {
  items: readonly { nodeId?: string; indicatorId?: string }[];
  lead: string;
  co: readonly string[];
}

/**
 * The same lead and co-departments for several tasks and indicators at once (批量分配), in one transaction:
 * every item is found and each one's change audited, or nothing is written (an unknown item is a 404).
 */
export async function setAssignments(
  db: Db,
  user: SessionUser,
  input: BulkAssignmentInput,
): Promise<Assignment[]> {
  return db.transaction(async (tx) => {
    const targets = new Map(input.items.map(toTarget).map((t) => [t.nodeId ?? t.indicatorId, t]));
    const locked = [];
    for (const [key, target] of targets) {
      const item = await assignmentsRepository.lockTarget(tx, target);
      if (!item) throw notFound(target.nodeId === null ? 'Indicator' : 'Plan node', key);
      locked.push({ target, item });
    }
    const resolved = resolveDepartments(await knownDepartments(tx), input.lead, [...input.co]);
    if (!resolved.ok) throw new LantuError('validation_failed', resolved.errors);
    const out: Assignment[] = [];
    for (const { target, item } of locked) {
      const { rows } = await replace(tx, user, target, item.planId, resolved.value, 'always');
      out.push({ planId: item.planId, ...target, code: item.code, title: item.title, ...summary(rows) });
    }
    return out;
  });
}

/** Every indicator of the plan (assigned or not) and every task that has departments. */
export async function listPlanAssignments(db: Queryable, planId: string): Promise<Assignment[]> {
  await getPlan(db, planId);
  const [indicators, nodes, rows] = await Promise.all([
    indicatorsRepository.listByPlan(db, planId),
    plansRepository.listNodes(db, planId),
    assignmentsRepository.listByPlan(db, planId),
  ]);
  const byItem = new Map<string, AssignmentRow[]>();
  for (const r of rows) {
    const key = r.nodeId ?? r.indicatorId ?? '';
    byItem.set(key, [...(byItem.get(key) ?? []), r]);
  }
  const codes = nodeCodes(nodes);
  const nodeItems = nodes
    .filter((n) => byItem.has(n.id))
    .map((n) => ({
      planId,
      nodeId: n.id,
      indicatorId: null,
      code: codes.get(n.id) ?? n.title,
      title: n.title,
      ...summary(byItem.get(n.id) ?? []),
    }));
  const indicatorItems = indicators.map((i) => ({
    planId,
    nodeId: null,
    indicatorId: i.id,
    code: i.code,
    title: i.name,
    ...summary(byItem.get(i.id) ?? []),
  }));
  return [...nodeItems, ...indicatorItems];
}

const HEADERS = {
  code: /^(编码|代码|指标编码|code)\b|^(编码|代码)|code$/i,
  lead: /牵头|^lead/i,
  co: /配合|^co\b|^co[-_ ]?dep/i,
} as const;

const splitCodes = (s: string): string[] =>
  s
    .split(/[,，、;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Bulk assignment from a sheet with the columns 编码/code (an indicator code, or a task's node id),
 * 牵头部门/lead and 配合部门/co (codes separated by commas or 、). All rows or none.
 */
export async function uploadAssignments(
  db: Db,
  user: SessionUser,
  planId: string,
  bytes: Uint8Array,
): Promise<{ ok: boolean; rows: SheetReportRow[] }> {
  await getPlan(db, planId);
  const wb = await readWorkbook(bytes);
  const ws = wb.worksheets.find((w) => w.state === 'visible') ?? wb.worksheets[0];
  if (!ws) throw new LantuError('validation_failed', { zh: '工作簿为空', en: 'The workbook has no sheet' });

  let headerRow = 0;
  const col = { code: 0, lead: 0, co: 0 };
  for (let r = 1; r <= Math.min(10, ws.rowCount) && headerRow === 0; r++) {
    const found = { code: 0, lead: 0, co: 0 };
    ws.getRow(r).eachCell((cell, c) => {
      const t = cellText(cell);
      for (const k of ['code', 'lead', 'co'] as const) if (found[k] === 0 && HEADERS[k].test(t)) found[k] = c;
    });
    if (found.code && found.lead) {
      headerRow = r;
      Object.assign(col, found);
    }
  }
  if (headerRow === 0) {
    throw new LantuError('validation_failed', {
      zh: '未找到表头',
      en: 'No header row with the columns 编码/code and 牵头部门/lead (and optionally 配合部门/co)',
    });
  }

  const [known, indicators, nodes] = await Promise.all([
    knownDepartments(db),
    indicatorsRepository.listByPlan(db, planId),
    plansRepository.listNodes(db, planId),
  ]);
  const indicatorByCode = new Map(indicators.map((i) => [i.code, i.id]));
  const nodeIds = new Set(nodes.map((n) => n.id));
  const seen = new Map<string, number>();
  const parsed: {
    row: number;
    code: string;
    target: AssignmentTarget;
    departments: { departmentId: string; role: DepartmentRole }[];
  }[] = [];
  const report: SheetReportRow[] = [];

  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const code = cellText(row.getCell(col.code));
    const lead = cellText(row.getCell(col.lead));
    const co = col.co ? splitCodes(cellText(row.getCell(col.co))) : [];
    if (!code && !lead && co.length === 0) continue;
    const errors: Bilingual[] = [];
    let target: AssignmentTarget | null = null;
    if (!code) errors.push({ en: 'No code', zh: '缺少编码' });
    else if (indicatorByCode.has(code)) target = { nodeId: null, indicatorId: indicatorByCode.get(code)! };
    else if (UUID.test(code) && nodeIds.has(code.toLowerCase()))
      target = { nodeId: code.toLowerCase(), indicatorId: null };
    else errors.push({ en: `No indicator or task ${code} in this plan`, zh: '编码不存在' });
    if (code && seen.has(code))
      errors.push({ en: `${code} is already on row ${seen.get(code)}`, zh: '编码重复' });
    if (code) seen.set(code, r);
    if (!lead) errors.push({ en: 'No lead department', zh: '缺少牵头部门' });
    const resolved = lead ? resolveDepartments(known, lead, co) : null;
    if (resolved && !resolved.ok) errors.push(...resolved.errors);
    if (errors.length > 0 || !target || !resolved?.ok) {
      report.push({ row: r, code, status: 'error', ...messagePair(errors) });
    } else {
      parsed.push({ row: r, code, target, departments: resolved.value });
      report.push({ row: r, code, status: 'unchanged', message: '' });
    }
  }
  if (report.length === 0)
    throw new LantuError('validation_failed', { zh: '表格无数据', en: 'The sheet has no rows' });
  if (report.some((r) => r.status === 'error')) {
    for (const r of report)
      if (r.status !== 'error')
        Object.assign(
          r,
          messagePair([{ en: 'Valid, not saved: other rows have errors', zh: '其他行有误，未保存' }]),
        );
    return { ok: false, rows: report };
  }

  await db.transaction(async (tx) => {
    let saved = 0;
    for (const p of parsed) {
      const item = await assignmentsRepository.lockTarget(tx, p.target);
      if (!item) throw notFound('Item', p.code);
      const { changed } = await replace(tx, user, p.target, planId, p.departments, 'changes');
      const line = report.find((r) => r.row === p.row)!;
      line.status = changed ? 'saved' : 'unchanged';
      if (changed) saved++;
    }
    await recordAudit(tx, user, 'upload', 'assignments', planId, {
      before: null,
      after: { rows: parsed.length, saved },
    });
  });
  return { ok: true, rows: report };
}
