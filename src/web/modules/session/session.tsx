import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from '../../lib/api.ts';
import type { Session, SessionUser } from '../../lib/types.ts';

interface SessionState {
  user: SessionUser | null;
  loading: boolean;
  /** false when the server has no auth API (older server): the workspace is then read-only. */
  authAvailable: boolean;
  login: (email: string, password: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
}

const Ctx = createContext<SessionState | null>(null);
const ME = ['auth', 'me'] as const;

async function fetchMe(): Promise<{ session: Session | null; available: boolean }> {
  try {
    const s = await api<Session>('/api/auth/me');
    setCsrfToken(s.csrfToken ?? null);
    return { session: s, available: true };
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return { session: null, available: true };
    if (err instanceof ApiError && err.status === 404) return { session: null, available: false };
    throw err;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const me = useQuery({ queryKey: ME, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
  const loginM = useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api<Session>('/api/auth/login', { method: 'POST', body }),
    onSuccess: (s) => {
      setCsrfToken(s.csrfToken);
      qc.setQueryData(ME, { session: s, available: true });
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
    },
  });
  const logoutM = useMutation({
    // ends the local session always; a government sign-on session also ends at the identity service
    mutationFn: () =>
      api<{ redirectTo: string | null }>('/api/auth/oidc/logout', { method: 'POST', body: {} }),
    onSettled: () => {
      setCsrfToken(null);
      qc.setQueryData(ME, { session: null, available: true });
      qc.removeQueries({ predicate: (q) => q.queryKey[0] === 'bo' });
    },
  });
  const value = useMemo<SessionState>(
    () => ({
      user: me.data?.session?.user ?? null,
      loading: me.isLoading,
      authAvailable: me.data?.available ?? true,
      login: async (email, password) => (await loginM.mutateAsync({ email, password })).user,
      logout: async () => {
        const ended = await logoutM.mutateAsync().catch(() => null);
        if (ended?.redirectTo) window.location.assign(ended.redirectTo);
      },
    }),
    [me.data, me.isLoading, loginM, logoutM],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
