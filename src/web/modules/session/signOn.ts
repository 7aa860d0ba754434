import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { MessageKey } from '../../lib/i18n.tsx';

/** How this installation signs people in: government sign-on (统一身份认证) and whether passwords still work. */
export interface SignOnOptions {
  sso: boolean;
  ssoOnly: boolean;
}

export const useSignOnOptions = () =>
  useQuery({
    queryKey: ['auth', 'sign-on'] as const,
    queryFn: ({ signal }) => api<SignOnOptions>('/api/auth/sign-on', { signal }),
    staleTime: 10 * 60_000,
    retry: false,
  });

/** The sentence for each reason the server gives in /login?sso_error=… */
const REFUSALS: Record<string, MessageKey> = {
  state_mismatch: 'auth.sso.error.state',
  provider_error: 'auth.sso.error.provider',
  invalid_response: 'auth.sso.error.provider',
  unavailable: 'auth.sso.error.unavailable',
  no_subject: 'auth.sso.error.provider',
  unknown_user: 'auth.sso.error.unknown',
  awaiting_role: 'auth.sso.error.awaitingRole',
  subject_mismatch: 'auth.sso.error.subjectMismatch',
  disabled: 'auth.sso.error.disabled',
  no_department: 'auth.sso.error.noDepartment',
};

export const refusalMessage = (reason: string): MessageKey => REFUSALS[reason] ?? 'auth.sso.error.provider';

export function signOnUrl(target: string | null): string {
  return `/api/auth/oidc/login${target ? `?returnTo=${encodeURIComponent(target)}` : ''}`;
}
