import type { Db, Queryable } from '../../../db/db.types.ts';
import { recordAudit } from '../audit/audit.record.ts';
import { reportingRepository } from '../../../db/repositories/reporting.repository.ts';
import {
  observationsRepository,
  type IndicatorAccess,
  type WorkflowObservation,
} from '../../../db/repositories/observations.repository.ts';
import { LantuError } from '../../../domain/errors.ts';
import type { Bilingual } from '../../../domain/evaluation/types.ts';
import type { ObservationKind, ObservationStatus } from '../../../domain/observation.ts';
import { nextStatus, parsePeriod, type WorkflowAction } from '../../../domain/observation-workflow.ts';
import type { TargetKind } from '../../../domain/indicator.ts';
import type { SessionUser } from '../../../domain/user.ts';
import { checkText, checkValue } from '../../../domain/value-checks.ts';
import type { Source } from '../../../domain/provenance.ts';
import { notFound } from '../../errors.ts';
import { verdictWithCandidate } from '../live-evaluation/live-evaluation.service.ts';
import { dataChanged } from '../../cache/data-version.ts';
import { authorize, can } from '../../policies/policy.ts';
import { notifyValueStep } from './observations.notify.ts';

export interface ObservationInput {
  indicatorId: string;
  period: string;
  kind?: ObservationKind;
  value?: number | null;
  text?: string | null;
  note?: string | null;
  /** Required when correcting an approved value (creates a new version). */
  reason?: string | null;
  /** Where the value comes from (a published source, its release date); omitted = entered by the department. */
  source?: SourceInput | null;
}

export interface SourceInput {
  kind?: 'entered' | 'published';
  title?: string | null;
  url?: string | null;
  quote?: string | null;
  releasedOn?: string | null;
  basis?: string | null;
}

export interface ObservationResult {
  observation: WorkflowObservation;
  warnings: Bilingual[];
}

const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** The stored source of a value a user enters: who entered it always; a published source when stated. */
function sourceOf(input: SourceInput | null | undefined, user: SessionUser): Source {
  return {
    kind: input?.kind ?? 'entered',
    title: blankToNull(input?.title),
    url: blankToNull(input?.url),
    quote: blankToNull(input?.quote),
    releasedOn: blankToNull(input?.releasedOn),
    basis: blankToNull(input?.basis),
    enteredBy: user.email,
  };
}

async function indicatorFor(db: Queryable, id: string): Promise<IndicatorAccess> {
  const ind = await observationsRepository.findIndicator(db, id);
  if (!ind) throw notFound('Indicator', id);
  return ind;
}

function checked(
  ind: IndicatorAccess,
  value: number | null,
  text: string | null,
  history: number[],
): Bilingual[] {
  if ((value === null || value === undefined) && !text?.trim()) {
    throw new LantuError('validation_failed', { zh: '请填写数值或文字说明', en: 'Give a value or a text' });
  }
  if (value === null) {
    const errors = checkText(ind.kind as TargetKind, text ?? '');
    if (errors.length > 0) throw new LantuError('validation_failed', errors, errors);
    return [];
  }
  const result = checkValue({ value, unit: ind.unit, kind: ind.kind as TargetKind, history });
  if (result.errors.length > 0) {
    throw new LantuError('validation_failed', result.errors, result.errors);
  }
  return result.warnings;
}

function periodOf(period: string): { year: number } {
  const p = parsePeriod(period);
  if (!p)
    throw new LantuError('validation_failed', {
      zh: `期间应写作 2024、2024Q1 或 2024-03（收到 ${period}）`,
      en: `Period must look like 2024, 2024Q1 or 2024-03 (got ${period})`,
    });
  return p;
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && 'code' in e && e.code === '23505';
}

export async function createObservation(
  db: Db,
  user: SessionUser,
  input: ObservationInput,
): Promise<ObservationResult> {
  const ind = await indicatorFor(db, input.indicatorId);
  authorize(user, 'report', 'indicator', ind);
  const { year } = periodOf(input.period);
  const kind = input.kind ?? 'actual';
  const value = input.value ?? null;
  const text = input.text?.trim() || null;
  const warnings = checked(
    ind,
    value,
    text,
    await observationsRepository.approvedHistory(db, ind.id, kind, year),
  );
  try {
    const created = await db.transaction(async (tx) => {
      const latest = await observationsRepository.latestForUpdate(tx, {
        indicatorId: ind.id,
        period: input.period,
        kind,
      });
      if (latest && latest.status !== 'approved') {
        throw new LantuError(
          'conflict',
          {
            zh: '已有未审核数据',
            en: `A ${latest.status} value for ${input.period} exists; edit or submit it`,
          },
          {
            observationId: latest.id,
          },
        );
      }
      if (latest && !input.reason?.trim()) {
        throw new LantuError('validation_failed', {
          zh: '更正已审核数据需说明理由',
          en: 'Correcting an approved value needs a reason',
        });
      }
      const newId = await observationsRepository.insert(tx, {
        indicatorId: ind.id,
        period: input.period,
        year,
        kind,
        value,
        text,
        version: (latest?.version ?? 0) + 1,
        note: input.note?.trim() || null,
        correctionReason: latest ? (input.reason?.trim() ?? null) : null,
        createdBy: user.id,
        source: sourceOf(input.source, user),
      });
      await recordAudit(tx, user, latest ? 'correct' : 'create', 'observation', newId, {
        before: latest ? { id: latest.id, version: latest.version } : null,
        after: {
          indicator: ind.code,
          period: input.period,
          kind,
          value,
          text,
          version: (latest?.version ?? 0) + 1,
        },
      });
      // Read back inside the transaction: once it commits, the answer is already in hand (a write is never
      // committed yet reported as failed because the database went away between commit and read).
      return (await observationsRepository.find(tx, newId))!;
    });
    return { observation: created, warnings };
  } catch (e) {
    // Two writers raced for the same version number: the second one is told, nothing is half-written.
    if (isUniqueViolation(e))
      throw new LantuError('conflict', {
        zh: '数据已被他人修改',
        en: 'Someone else saved this value at the same moment; reload',
      });
    throw e;
  }
}

export async function updateObservation(
  db: Db,
  user: SessionUser,
  id: string,
  fields: { value?: number | null; text?: string | null; note?: string | null },
): Promise<ObservationResult> {
  const current = await observationsRepository.find(db, id);
  if (!current) throw notFound('Observation', id);
  const ind = await indicatorFor(db, current.indicatorId);
  authorize(user, 'report', 'indicator', ind);
  const allowed = nextStatus(current.status, 'edit');
  if (!allowed.ok) throw allowed.error;
  const value = fields.value === undefined ? current.value : fields.value;
  const text = fields.text === undefined ? current.text : fields.text?.trim() || null;
  const note = fields.note === undefined ? current.note : fields.note?.trim() || null;
  const warnings = checked(
    ind,
    value,
    text,
    await observationsRepository.approvedHistory(db, ind.id, current.kind, current.year),
  );
  const updated = await db.transaction(async (tx) => {
    if (!(await observationsRepository.updateDraft(tx, id, { value, text, note }))) {
      throw new LantuError('conflict', {
        zh: '状态已变化',
        en: 'This value changed status meanwhile; reload',
      });
    }
    await recordAudit(tx, user, 'update', 'observation', id, {
      before: { value: current.value, text: current.text, note: current.note, status: current.status },
      after: { value, text, note, status: 'draft' },
    });
    return (await observationsRepository.find(tx, id))!;
  });
  return { observation: updated, warnings };
}

/** One workflow step on one value: checked, moved and audited in its own transaction. */
export async function moveObservation(
  db: Db,
  user: SessionUser,
  id: string,
  action: Exclude<WorkflowAction, 'edit'>,
  reason: string | null,
): Promise<WorkflowObservation> {
  const current = await observationsRepository.find(db, id);
  if (!current) throw notFound('Observation', id);
  const ind = await indicatorFor(db, current.indicatorId);
  if (action === 'submit') authorize(user, 'report', 'indicator', ind);
  else authorize(user, 'approveValues', 'office');
  const next = nextStatus(current.status, action);
  if (!next.ok) throw next.error;
  if (action === 'return' && !reason?.trim())
    throw new LantuError('validation_failed', { zh: '请填写退回理由', en: 'Say why the value is returned' });
  if (action === 'submit' && !current.note && current.kind === 'actual') {
    const verdict = await verdictWithCandidate(db, ind.planId, ind.code, current);
    if (verdict === 'lagging' || verdict === 'not_achieved') {
      throw new LantuError(
        'validation_failed',
        {
          zh: '该数值将导致指标滞后，请填写说明',
          en: 'This value makes the indicator lag behind; add a note explaining why before submitting',
        },
        { verdict },
      );
    }
  }
  const from: ObservationStatus[] = action === 'submit' ? ['draft', 'returned'] : ['submitted'];
  return db.transaction(async (tx) => {
    if (
      !(await observationsRepository.transition(tx, id, from, next.value, user.id, reason?.trim() ?? null))
    ) {
      throw new LantuError('conflict', {
        zh: '已被他人处理',
        en: `This value was already ${action === 'submit' ? 'submitted' : 'handled'} by someone else`,
      });
    }
    await recordAudit(tx, user, action, 'observation', id, {
      before: { status: current.status },
      after: { status: next.value, ...(reason ? { reason } : {}) },
    });
    if (next.value === 'approved') await dataChanged(tx);
    if (next.value === 'submitted' || next.value === 'returned')
      await notifyValueStep(tx, user, ind, current, next.value, reason?.trim() ?? null);
    return (await observationsRepository.find(tx, id))!;
  });
}

export const submitObservation = (db: Db, user: SessionUser, id: string) =>
  moveObservation(db, user, id, 'submit', null);
export const approveObservation = (db: Db, user: SessionUser, id: string) =>
  moveObservation(db, user, id, 'approve', null);
export const returnObservation = (db: Db, user: SessionUser, id: string, reason: string) =>
  moveObservation(db, user, id, 'return', reason);

/** Every version of every period; drafts are shown to their departments and to approvers only. */
export async function listObservations(
  db: Db,
  user: SessionUser,
  indicatorId: string,
): Promise<WorkflowObservation[]> {
  const ind = await indicatorFor(db, indicatorId);
  const all = await observationsRepository.listForIndicator(db, ind.id);
  return can(user, 'seeDrafts', 'indicator', ind) ? all : all.filter((o) => o.status === 'approved');
}

/**
 * The values of a whole plan in one read (the entry grid, the approver's lists). Department users see every
 * version of their own indicators and only approved values of the others; `mine` keeps their own only.
 */
export async function listPlanObservations(
  db: Db,
  user: SessionUser,
  planId: string,
  q: { mine: boolean; status: readonly ObservationStatus[] | null },
): Promise<WorkflowObservation[]> {
  const own =
    user.role === 'department'
      ? new Set(
          (
            await reportingRepository.indicators(
              db,
              [planId],
              user.departments.map((d) => d.id),
            )
          ).map((i) => i.id),
        )
      : null;
  const rows = await observationsRepository.listForPlan(db, planId, q.mine && own ? [...own] : null);
  return rows.filter(
    (o) =>
      (own === null || own.has(o.indicatorId) || o.status === 'approved') &&
      (q.status === null || q.status.includes(o.status)),
  );
}
