import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/** Early warnings and 督办单 (issue 16 §3, §4), read for the pages that show them. */
export const supervisionKeys = {
  all: ['bo', 'supervision'] as const,
  warnings: (planId: string, subject: string) => ['bo', 'supervision', 'warnings', planId, subject] as const,
  orders: (subject: string) => ['bo', 'supervision', 'orders', subject] as const,
};

type Bilingual = { zh: string; en: string };

export interface Warning {
  id: string;
  kind: string;
  kindTitle: Bilingual;
  title: string;
  level: 'yellow' | 'red';
  reason: Bilingual;
  raisedAt: string;
  clearedAt: string | null;
  active: boolean;
}

export interface Order {
  id: string;
  title: string;
  requirement: string;
  department: { code: string; name: string };
  status: string;
  statusLabel: Bilingual;
  stepDue: string | null;
  deadline: string;
  light: 'green' | 'yellow' | 'red' | 'done';
  measures: { id: string; title: string; milestone: string | null; dueDate: string; doneOn: string | null }[];
}

export const useSubjectWarnings = (planId: string | null, subjectType: string, subjectId: string) =>
  useQuery({
    queryKey: supervisionKeys.warnings(planId ?? '', `${subjectType}:${subjectId}`),
    queryFn: ({ signal }) =>
      api<{ items: Warning[] }>(
        `/api/plans/${planId}/warnings?state=all&subjectType=${subjectType}&subjectId=${subjectId}`,
        { signal },
      ),
    enabled: !!planId,
  });

export const useSubjectOrders = (subjectType: string, subjectId: string, enabled: boolean) =>
  useQuery({
    queryKey: supervisionKeys.orders(`${subjectType}:${subjectId}`),
    queryFn: ({ signal }) =>
      api<{ items: Order[] }>(`/api/supervision?subjectType=${subjectType}&subjectId=${subjectId}`, {
        signal,
      }),
    enabled,
  });
