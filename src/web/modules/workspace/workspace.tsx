import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Method, PlanSummary } from '../../lib/types.ts';
import { usePlans } from '../evaluation/queries.ts';

/** The plan, year and method every screen looks at; the plan is remembered in this browser. */
interface Workspace {
  plans: PlanSummary[];
  plan: PlanSummary | null;
  setPlanId: (id: string) => void;
  year: number | null;
  setYear: (y: number) => void;
  years: number[];
  method: Method;
  setMethod: (m: Method) => void;
  loading: boolean;
  error: unknown;
}

const Ctx = createContext<Workspace | null>(null);
const PLAN_KEY = 'lantu.plan';

function stored(): string | null {
  try {
    return window.localStorage.getItem(PLAN_KEY);
  } catch {
    return null;
  }
}

/** The last full year, clamped to the plan period. */
export function defaultYear(p: PlanSummary, now = new Date()): number {
  return Math.min(p.periodEnd, Math.max(p.periodStart, now.getFullYear() - 1));
}

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const plansQ = usePlans();
  const [planId, setPlanIdState] = useState<string | null>(stored);
  const [yearByPlan, setYearByPlan] = useState<Record<string, number>>({});
  const [method, setMethod] = useState<Method>('time');
  const plans = useMemo(() => plansQ.data?.items ?? [], [plansQ.data]);
  const plan = plans.find((p) => p.id === planId) ?? plans[0] ?? null;

  useEffect(() => {
    if (plan && plan.id !== planId) setPlanIdState(plan.id);
  }, [plan, planId]);

  const value = useMemo<Workspace>(() => {
    const years = plan
      ? Array.from({ length: plan.periodEnd - plan.periodStart + 1 }, (_, i) => plan.periodStart + i)
      : [];
    return {
      plans,
      plan,
      setPlanId: (id) => {
        setPlanIdState(id);
        try {
          window.localStorage.setItem(PLAN_KEY, id);
        } catch {
          /* ignore */
        }
      },
      year: plan ? (yearByPlan[plan.id] ?? defaultYear(plan)) : null,
      setYear: (y) => {
        if (plan) setYearByPlan((m) => ({ ...m, [plan.id]: y }));
      },
      years,
      method,
      setMethod,
      loading: plansQ.isLoading,
      error: plansQ.error,
    };
  }, [plans, plan, yearByPlan, method, plansQ.isLoading, plansQ.error]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useWorkspace(): Workspace {
  const v = useContext(Ctx);
  if (!v) throw new Error('useWorkspace outside WorkspaceProvider');
  return v;
}
