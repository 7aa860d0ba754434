import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { evaluationYear } from '../../../domain/evaluation-year.ts';
import { METHODS } from '../../../domain/evaluation/types.ts';
import { timeZoneNow } from '../../lib/format.ts';
import { navigate, useLocation } from '../../lib/router.tsx';
import type { Method, PlanSummary } from '../../lib/types.ts';
import { usePlans } from '../evaluation/queries.ts';

/**
 * The plan, year and method every screen looks at. They live in the address (?plan=…&year=…&method=…), so a
 * reload or a shared link opens the same view; the plan is also remembered in this browser.
 */
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

/** What the address says, when it says something valid. */
function fromAddress(): { plan: string | null; year: number | null; method: Method | null } {
  const q = new URLSearchParams(window.location.search);
  const year = Number(q.get('year'));
  const method = METHODS.find((m) => m === q.get('method')) ?? null;
  return { plan: q.get('plan'), year: Number.isInteger(year) && year > 1900 ? year : null, method };
}

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const plansQ = usePlans();
  const [initial] = useState(fromAddress);
  const [planId, setPlanIdState] = useState<string | null>(() => initial.plan ?? stored());
  const [yearByPlan, setYearByPlan] = useState<Record<string, number>>(() =>
    initial.plan && initial.year ? { [initial.plan]: initial.year } : {},
  );
  const [method, setMethod] = useState<Method>(initial.method ?? 'time');
  const plans = useMemo(() => plansQ.data?.items ?? [], [plansQ.data]);
  const plan =
    plans.find((p) => p.id === planId) ?? plans.find((p) => p.status === 'published') ?? plans[0] ?? null;

  useEffect(() => {
    if (plan && plan.id !== planId) setPlanIdState(plan.id);
  }, [plan, planId]);

  // Keep the address in step with the view (after every navigation too), without a history entry.
  const { path, search } = useLocation();
  const year = plan ? (yearByPlan[plan.id] ?? evaluationYear(plan, new Date(), timeZoneNow())) : null;
  useEffect(() => {
    if (!plan || year === null) return;
    const want = { plan: plan.id, year: String(year), method };
    if (Object.entries(want).every(([k, v]) => search.get(k) === v)) return;
    const q = new URLSearchParams(search);
    for (const [k, v] of Object.entries(want)) q.set(k, v);
    navigate(`${path}?${q.toString()}${window.location.hash}`, { replace: true });
  }, [plan, year, method, path, search]);

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
      year,
      setYear: (y) => {
        if (plan) setYearByPlan((m) => ({ ...m, [plan.id]: y }));
      },
      years,
      method,
      setMethod,
      loading: plansQ.isLoading,
      error: plansQ.error,
    };
  }, [plans, plan, year, method, plansQ.isLoading, plansQ.error]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useWorkspace(): Workspace {
  const v = useContext(Ctx);
  if (!v) throw new Error('useWorkspace outside WorkspaceProvider');
  return v;
}
