import type { Queryable } from '../../../db/db.types.ts';
import type { FeedbackRow } from '../../../db/repositories/feedback.repository.ts';
import { listDepartments } from '../departments/departments.service.ts';
import type { DepartmentReplyStats } from '../feedback/feedback.service.ts';
import type { Lang } from './portal.i18n.ts';

/**
 * Departments as an English page names them (issue 17): the rows carry the Chinese name only, so the English
 * pages look each name up in the departments' own English names (the Chinese one stays when none is given).
 */
export async function departmentNamer(db: Queryable, lang: Lang): Promise<(name: string) => string> {
  if (lang !== 'en') return (name) => name;
  const english = new Map<string, string>();
  for (const d of await listDepartments(db)) if (d.nameEn) english.set(d.name, d.nameEn);
  return (name) => english.get(name) ?? name;
}

/** Comments with their replying department named for the page's language. */
export function namedReplies(rows: FeedbackRow[], name: (zh: string) => string): FeedbackRow[] {
  return rows.map((f) =>
    f.reply ? { ...f, reply: { ...f.reply, departmentName: name(f.reply.departmentName) } } : f,
  );
}

/** Reply statistics with each department named for the page's language. */
export function namedStats(
  stats: DepartmentReplyStats[],
  name: (zh: string) => string,
): DepartmentReplyStats[] {
  return stats.map((s) => ({ ...s, department: name(s.department) }));
}
