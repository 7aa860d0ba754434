import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CriterionScore, DepartmentScore } from '../../../domain/assessment.ts';
import { api } from '../../lib/api.ts';

/**
 * 部门考核 (issue 16 §6): the year's scores (the domain's types, as the API answers them), the assessment team's
 * adjustments and their audit entries.
 */
export type { CriterionScore, DepartmentScore };

export interface AdjustmentAudit {
  id: number;
  at: string;
  actor: string;
  action: string;
  after: { planId?: string; year?: number; department?: string; points?: number; reason?: string } | null;
}

export const assessmentKeys = {
  all: ['bo', 'assessment'] as const,
  scores: (planId: string, year: number) => ['bo', 'assessment', planId, year] as const,
  audit: () => ['bo', 'assessment', 'audit'] as const,
};

export const useAssessment = (planId: string | null, year: number | null) =>
  useQuery({
    queryKey: assessmentKeys.scores(planId ?? '', year ?? 0),
    enabled: !!planId && year !== null,
    queryFn: ({ signal }) =>
      api<{ asOf: string; departments: DepartmentScore[] }>(`/api/plans/${planId}/assessment?year=${year}`, {
        signal,
      }),
  });

/** The audit log's adjustment entries (the office and the assessment team may read the log). */
export const useAdjustmentAudit = (enabled: boolean) =>
  useQuery({
    queryKey: assessmentKeys.audit(),
    enabled,
    queryFn: ({ signal }) =>
      api<{ items: AdjustmentAudit[] }>('/api/audit?entity=assessment_adjustment&limit=200', { signal }),
  });

export function useAdjust(planId: string, year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { department: string; points: number; reason: string }) =>
      api<DepartmentScore>(`/api/plans/${planId}/assessment/${year}/adjustments`, {
        method: 'POST',
        body: v,
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: assessmentKeys.all });
    },
  });
}
