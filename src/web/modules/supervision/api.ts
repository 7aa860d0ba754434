import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SupervisionLight } from '../../../domain/supervision.ts';
import type { WarningLevel } from '../../../domain/warning-rules.ts';
import { api } from '../../lib/api.ts';

/** Early warnings and 督办单 (issue 16 §3, §4): what the screens read, and the writes of the order's steps. */
export const supervisionKeys = {
  all: ['bo', 'supervision'] as const,
  warnings: (planId: string, subject: string) => ['bo', 'supervision', 'warnings', planId, subject] as const,
  orders: (subject: string) => ['bo', 'supervision', 'orders', subject] as const,
  order: (id: string) => ['bo', 'supervision', 'order', id] as const,
  audit: (id: string) => ['bo', 'supervision', 'audit', id] as const,
  bulletin: (planId: string) => ['bo', 'supervision', 'bulletin', planId] as const,
};

export type Bilingual = { zh: string; en: string };
export type Light = SupervisionLight;
export type SubjectType = 'indicator' | 'task' | 'project';
export type StepAction = 'acknowledge' | 'submit_plan' | 'report' | 'close' | 'return';

export interface Warning {
  id: string;
  kind: string;
  kindTitle: Bilingual;
  subjectType: 'indicator' | 'task' | 'project' | 'comment' | 'supervision';
  subjectId: string;
  key: string;
  title: string;
  link: string;
  department: { code: string; name: string } | null;
  level: WarningLevel;
  reason: Bilingual;
  raisedAt: string;
  clearedAt: string | null;
  active: boolean;
}

export interface Measure {
  id: string;
  title: string;
  milestone: string | null;
  dueDate: string;
  doneOn: string | null;
  overdue?: boolean;
}

export interface Order {
  id: string;
  planId: string;
  subjectType: SubjectType;
  subjectId: string;
  subjectTitle: string;
  title: string;
  requirement: string;
  department: { code: string; name: string };
  warningId: string | null;
  status: string;
  statusLabel: Bilingual;
  waitingFor: Bilingual | null;
  stepDue: string | null;
  planDue: string;
  deadline: string;
  light: Light;
  overdue: boolean;
  openedAt: string;
  closedAt: string | null;
  actions: StepAction[];
  measures: Measure[];
}

export interface OrderDetail extends Order {
  steps: { action: string; label: Bilingual; body: string | null; actor: string; at: string }[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface Bulletin {
  today: string;
  units: {
    department: { code: string; name: string };
    count: number;
    orders: {
      id: string;
      title: string;
      subjectTitle: string;
      waitingFor: Bilingual | null;
      stepDue: string | null;
      daysOverdue: number;
    }[];
  }[];
}

const subjectQuery = (subjectType?: string, subjectId?: string) =>
  subjectType && subjectId ? `&subjectType=${subjectType}&subjectId=${subjectId}` : '';

/** A plan's warnings (an item's when subjectType and subjectId are given): standing, or all with history. */
export const useWarnings = (
  planId: string | null,
  opts: { state: 'active' | 'all'; subjectType?: string; subjectId?: string },
) =>
  useQuery({
    queryKey: supervisionKeys.warnings(
      planId ?? '',
      `${opts.state}:${opts.subjectType ?? ''}:${opts.subjectId ?? ''}`,
    ),
    queryFn: ({ signal }) =>
      api<{ counts: { red: number; yellow: number }; items: Warning[] }>(
        `/api/plans/${planId}/warnings?state=${opts.state}${subjectQuery(opts.subjectType, opts.subjectId)}`,
        { signal },
      ),
    enabled: !!planId,
  });

export const useSubjectWarnings = (planId: string | null, subjectType: string, subjectId: string) =>
  useWarnings(planId, { state: 'all', subjectType, subjectId });

/** Orders the caller may see: of one item, or of a plan in a state. */
export const useOrders = (
  q: { planId?: string | null; subjectType?: string; subjectId?: string; state?: 'open' | 'closed' | 'all' },
  enabled = true,
) => {
  const params = new URLSearchParams({ state: q.state ?? 'all' });
  if (q.planId) params.set('planId', q.planId);
  if (q.subjectType && q.subjectId) {
    params.set('subjectType', q.subjectType);
    params.set('subjectId', q.subjectId);
  }
  const qs = params.toString();
  return useQuery({
    queryKey: supervisionKeys.orders(qs),
    queryFn: ({ signal }) => api<{ items: Order[] }>(`/api/supervision?${qs}`, { signal }),
    enabled,
  });
};

export const useSubjectOrders = (subjectType: string, subjectId: string, enabled: boolean) =>
  useOrders({ subjectType, subjectId }, enabled);

export const useOrder = (id: string | null) =>
  useQuery({
    queryKey: supervisionKeys.order(id ?? ''),
    queryFn: ({ signal }) => api<OrderDetail>(`/api/supervision/${id}`, { signal }),
    enabled: !!id,
  });

/** The audit entries of one order (planning office and assessors). */
export const useOrderAudit = (id: string | null, enabled: boolean) =>
  useQuery({
    queryKey: supervisionKeys.audit(id ?? ''),
    queryFn: ({ signal }) =>
      api<{ items: AuditEntry[] }>(`/api/audit?entity=supervision&entityId=${id}`, { signal }),
    enabled: enabled && !!id,
  });

export const useBulletin = (planId: string | null, enabled: boolean) =>
  useQuery({
    queryKey: supervisionKeys.bulletin(planId ?? ''),
    queryFn: ({ signal }) =>
      api<Bulletin>(`/api/supervision/bulletin${planId ? `?planId=${planId}` : ''}`, { signal }),
    enabled,
  });

/** A write on orders: afterwards the orders, warnings and notifications are read again. */
export function useSupervisionWrite<V, R = OrderDetail>(send: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: supervisionKeys.all });
      await qc.invalidateQueries({ queryKey: ['bo', 'notifications'] });
    },
  });
}

const STEP_PATH: Record<StepAction, string> = {
  acknowledge: 'acknowledge',
  submit_plan: 'plan',
  report: 'progress',
  close: 'close',
  return: 'return',
};

export interface StepInput {
  id: string;
  action: StepAction;
  body?: string | null;
  measures?: { title: string; milestone: string | null; dueDate: string }[];
  doneMeasureIds?: string[];
}

export const sendStep = ({ id, action, ...body }: StepInput) =>
  api<OrderDetail>(`/api/supervision/${id}/${STEP_PATH[action]}`, { method: 'POST', body });

export interface OpenOrderInput {
  subjectType?: SubjectType;
  subjectId?: string;
  warningId?: string;
  department?: string;
  title: string;
  requirement: string;
  planDue: string;
  deadline: string;
}

export const openOrder = (body: OpenOrderInput) =>
  api<OrderDetail>('/api/supervision', { method: 'POST', body });
