import { describe, expect, it } from 'vitest';
import { isLantuError } from '../../domain/errors.ts';
import type { Role, SessionUser } from '../../domain/user.ts';
import { authorize, can, departmentScope, memberOf } from './policy.ts';

const KJJ = { id: 'd-kjj', code: 'KJJ', name: '科技局' };
const SWJ = { id: 'd-swj', code: 'SWJ', name: '商务局' };

function user(role: Role, departments: (typeof KJJ)[] = []): SessionUser {
  return {
    id: `u-${role}`,
    email: `${role}@test.example`,
    displayName: null,
    role,
    locale: 'zh',
    departments,
  };
}

const admin = user('admin');
const assessor = user('assessor');
const kjj = user('department', [KJJ]);
const swj = user('department', [SWJ]);
const indicator = { code: 'T2-11', departmentIds: ['d-kjj'] };
const task = { title: '建设创新高地', departmentIds: ['d-kjj', 'd-other'] };

function denial(fn: () => unknown): { code: string; message: string } | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (!isLantuError(e)) throw e;
    return { code: e.code, message: e.message };
  }
}

describe('memberOf', () => {
  it('is true only for a department user of one of the given departments', () => {
    expect(memberOf(kjj, ['d-kjj'])).toBe(true);
    expect(memberOf(kjj, ['d-other', 'd-kjj'])).toBe(true);
    expect(memberOf(swj, ['d-kjj'])).toBe(false);
    expect(memberOf(kjj, [null])).toBe(false);
    expect(memberOf(kjj, [])).toBe(false);
    expect(memberOf(kjj, ['KJJ'], 'code')).toBe(true);
  });

  it('does not make an admin or assessor a member, even with departments attached', () => {
    expect(memberOf({ ...admin, departments: [KJJ] }, ['d-kjj'])).toBe(false);
    expect(memberOf({ ...assessor, departments: [KJJ] }, ['d-kjj'])).toBe(false);
  });
});

describe('policy', () => {
  it('lets only the indicator’s departments report its values', () => {
    expect([admin, assessor, kjj, swj].map((u) => can(u, 'report', 'indicator', indicator))).toEqual([
      false,
      false,
      true,
      false,
    ]);
    expect(denial(() => authorize(swj, 'report', 'indicator', indicator))).toEqual({
      code: 'forbidden',
      message: 'Only the departments responsible for T2-11 may report its values 仅责任部门可填报',
    });
  });

  it('lets the office and the task’s departments report on a task', () => {
    expect([admin, assessor, kjj, swj].map((u) => can(u, 'report', 'task', task))).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it('lets the office and the lead department report on a project, nobody for a project without one', () => {
    const led = { code: 'P1', leadDepartmentId: 'd-kjj' };
    const unled = { code: 'P2', leadDepartmentId: null };
    expect([admin, assessor, kjj, swj].map((u) => can(u, 'report', 'project', led))).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect([admin, kjj].map((u) => can(u, 'report', 'project', unled))).toEqual([true, false]);
  });

  it('shows drafts to everyone but the departments that do not own the indicator', () => {
    expect([admin, assessor, kjj, swj].map((u) => can(u, 'seeDrafts', 'indicator', indicator))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('has assessments made by assessors and the item’s own departments, never by the office', () => {
    expect([admin, assessor, kjj, swj].map((u) => can(u, 'assess', 'indicator', indicator))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(denial(() => authorize(admin, 'assess', 'task', task))?.message).toContain('自评或第三方评估');
  });

  it('lets only the department a comment was routed to reply', () => {
    expect(
      [admin, assessor, kjj, swj].map((u) => can(u, 'reply', 'comment', { departmentId: 'd-kjj' })),
    ).toEqual([false, false, true, false]);
    expect(can(kjj, 'reply', 'comment', { departmentId: null })).toBe(false);
  });

  it('keeps department users to their own departments’ templates and uploads', () => {
    const own = { code: 'KJJ' };
    expect([admin, assessor, kjj, swj].map((u) => can(u, 'seeWork', 'department', own))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect([admin, assessor, kjj, swj].map((u) => can(u, 'uploadValues', 'department', own))).toEqual([
      false,
      false,
      true,
      false,
    ]);
  });

  it('gives the back office to the roles that run it', () => {
    expect([admin, assessor, kjj].map((u) => can(u, 'assign', 'office'))).toEqual([true, false, false]);
    expect([admin, assessor, kjj].map((u) => can(u, 'approveValues', 'office'))).toEqual([true, true, false]);
    expect([admin, assessor, kjj].map((u) => can(u, 'readAudit', 'office'))).toEqual([true, true, false]);
    expect(denial(() => authorize(kjj, 'manageUsers', 'office'))).toEqual({
      code: 'forbidden',
      message: 'This needs the role admin 无此权限',
    });
  });

  it('answers no to the anonymous, and authorize asks them to log in', () => {
    expect(can(null, 'readAudit', 'office')).toBe(false);
    expect(can(null, 'seeDrafts', 'indicator', indicator)).toBe(false);
    expect(denial(() => authorize(null, 'readAudit', 'office'))?.code).toBe('unauthenticated');
  });

  it('returns the user it authorised', () => {
    expect(authorize(admin, 'importPlan', 'office')).toBe(admin);
  });
});

describe('departmentScope', () => {
  it('is every department for the office and assessors, the own ones for a department user', () => {
    expect(departmentScope(admin)).toEqual({ all: true });
    expect(departmentScope(assessor)).toEqual({ all: true });
    expect(departmentScope(user('department', [KJJ, SWJ]))).toEqual({
      all: false,
      departmentIds: ['d-kjj', 'd-swj'],
    });
  });
});
