import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from './api.ts';
import { useI18n } from './i18n.tsx';
import { qk } from './queryKeys.ts';

interface DepartmentNames {
  items: { code: string; name: string; nameEn: string | null }[];
}

/** A department as a screen holds it: at least its Chinese name, often its code. */
export type NamedDepartment = { code?: string | null; name: string } | string;

/**
 * A department's name in the UI's language (issue 17): most API rows carry the Chinese name (and the code), so
 * the English UI looks up the department's English name (GET /api/public/departments, read once, anyone may)
 * by code, else by the Chinese name; the Chinese name stays when a department has no English one.
 */
export function useDepartmentName(): (d: NamedDepartment | null | undefined) => string {
  const { lang } = useI18n();
  const names = useQuery({
    queryKey: qk.departmentNames(),
    queryFn: ({ signal }) => api<DepartmentNames>('/api/public/departments', { signal }),
    enabled: lang === 'en',
    staleTime: 10 * 60_000,
  });
  const items = names.data?.items;
  return useCallback(
    (d) => {
      if (!d) return '';
      const { code, name } = typeof d === 'string' ? { code: d, name: d } : d; // a bare string: a name or a code
      if (lang !== 'en' || !items) return name;
      const hit = (code && items.find((i) => i.code === code)) || items.find((i) => i.name === name);
      return hit?.nameEn ?? name;
    },
    [lang, items],
  );
}
