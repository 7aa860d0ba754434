import type { Db, Queryable } from '../../../db/db.types.ts';
import { recordAudit } from '../audit/audit.record.ts';
import {
  departmentsRepository,
  type DepartmentRow,
} from '../../../db/repositories/departments.repository.ts';
import { LantuError } from '../../../domain/errors.ts';
import type { SessionUser } from '../../../domain/user.ts';

export function listDepartments(db: Queryable): Promise<DepartmentRow[]> {
  return departmentsRepository.list(db);
}

export async function createDepartment(
  db: Db,
  user: SessionUser,
  input: { code: string; name: string; nameEn?: string | null },
): Promise<DepartmentRow> {
  return db.transaction(async (tx) => {
    const row = await departmentsRepository.insert(tx, {
      code: input.code,
      name: input.name,
      nameEn: input.nameEn?.trim() || null,
    });
    if (!row)
      throw new LantuError('conflict', {
        zh: '部门编码已存在',
        en: `A department ${input.code} already exists`,
      });
    await recordAudit(tx, user, 'create', 'department', row.id, {
      before: null,
      after: { code: row.code, name: row.name, nameEn: row.nameEn },
    });
    return row;
  });
}
