import { LantuError, type Bilingual } from '../../domain/errors.ts';
import type { Role, SessionUser } from '../../domain/user.ts';

/**
 * The one answer to "may this user do this to this item". Every rule of who may do what lives in RULES below;
 * routes call `authorize` for what depends on the role only, services call it once they have loaded the item.
 *
 * Roles: admin = the planning office, department = a 责任部门 user, assessor = the joint assessment team.
 * An item is owned by departments (an indicator's or a task's assigned departments, a project's lead
 * department, the department a comment was routed to); `memberOf` is the only membership check.
 */

/** What each kind of item must tell the policy about itself. */
export interface Subjects {
  /** The installation's back office as a whole: actions that depend on the role alone. */
  office: undefined;
  indicator: { code: string; departmentIds: readonly string[] };
  task: { title: string; departmentIds: readonly string[] };
  project: { code: string; leadDepartmentId: string | null };
  comment: { departmentId: string | null };
  department: { code: string };
  /** A reply template: a department's own, or the planning office's shared one (departmentId null). */
  replyTemplate: { departmentId: string | null };
  /** A 督办单, addressed to one department. */
  supervision: { departmentId: string };
}
export type SubjectKind = keyof Subjects;

/** true when allowed, else the reason shown to the user, in each language. */
type Decision = true | Bilingual;
type Rule<S> = (user: SessionUser, item: S) => Decision;

/** True when the user is a department user of one of the given departments (by id, or by code). */
export function memberOf(
  user: SessionUser,
  departments: readonly (string | null)[],
  by: 'id' | 'code' = 'id',
): boolean {
  return user.role === 'department' && user.departments.some((d) => departments.includes(d[by]));
}

const roles =
  (...allowed: Role[]) =>
  (user: SessionUser): Decision =>
    allowed.includes(user.role) || { zh: '无此权限', en: `This needs the role ${allowed.join(' or ')}` };

/** Department users act for their own departments only; the planning office and assessors for any. */
const ownDepartmentOrOffice = (user: SessionUser, d: { code: string }): Decision =>
  user.role !== 'department' ||
  memberOf(user, [d.code], 'code') || { zh: '非本部门', en: `You don't belong to department ${d.code}` };

/** Self-assessment by the item's departments, third-party assessment by assessors; admins commission only. */
const assess = (user: SessionUser, item: { departmentIds: readonly string[] }): Decision => {
  switch (user.role) {
    case 'assessor':
      return true;
    case 'department':
      return (
        memberOf(user, item.departmentIds) || {
          zh: '仅可自评本部门事项',
          en: 'Departments assess only their own indicators and tasks',
        }
      );
    case 'admin':
      return {
        zh: '自评或第三方评估',
        en: 'Assessments are made by departments (self) or assessors (third party)',
      };
  }
};

const RULES = {
  office: {
    manageUsers: roles('admin'),
    /** The outgoing mail queue and its delivery records (issue 16). */
    readMailQueue: roles('admin'),
    /** 全年预期目标 are set by the planning office (issue 16 §2). */
    setAnnualTargets: roles('admin'),
    /** Warning rules per plan, and recomputing warnings now (issue 16 §3). */
    manageWarnings: roles('admin'),
    /** The weights of the department assessment's criteria (issue 16 §6). */
    manageAssessment: roles('admin'),
    /** The joint assessment team (联合考核组) adjusts a department's score, with a reason. */
    adjustAssessment: roles('assessor'),
    /** 督办单 are opened by the planning office (issue 16 §4). */
    openSupervision: roles('admin'),
    /** The 通报 of units with overdue 督办 steps. */
    readSupervisionBulletin: roles('admin', 'assessor'),
    createDepartment: roles('admin'),
    assign: roles('admin'),
    importPlan: roles('admin'),
    /** Draft versions and superseded ones are the planning office's (issue 15 §5). */
    publishPlan: roles('admin'),
    seePlanDrafts: roles('admin'),
    manageProjects: roles('admin'),
    moderateComments: roles('admin'),
    /** Commenters' contact details are for the moderators only. */
    seeCommentContacts: roles('admin'),
    readOverdueComments: roles('admin', 'assessor'),
    readAudit: roles('admin', 'assessor'),
    /** A report with every department's assessment score (部门考核) in it. */
    reportAssessment: roles('admin', 'assessor'),
    createEvaluation: roles('admin', 'assessor'),
    /** 提交全部草稿: department users submit the drafts of their own indicators at once. */
    submitDrafts: roles('department'),
    approveValues: (user) =>
      user.role === 'admin' ||
      user.role === 'assessor' || {
        zh: '仅规划主管部门或考核组可审核',
        en: 'Only the planning office or assessors approve values',
      },
  },
  indicator: {
    /** Only users of one of the indicator's departments write its values. */
    report: (user, i) =>
      memberOf(user, i.departmentIds) || {
        zh: '仅责任部门可填报',
        en: `Only the departments responsible for ${i.code} may report its values`,
      },
    /** Drafts are shown to the indicator's departments and to approvers; others see approved values. */
    seeDrafts: (user, i) =>
      user.role !== 'department' ||
      memberOf(user, i.departmentIds) || { zh: '非本部门指标', en: 'Not your indicator' },
    assess,
  },
  task: {
    /** The node's lead and co departments, and the planning office, write its work plans and reports. */
    report: (user, t) =>
      user.role === 'admin' ||
      memberOf(user, t.departmentIds) || {
        zh: '仅责任部门可填报',
        en: `Only the departments responsible for “${t.title}” may report on it`,
      },
    assess,
  },
  project: {
    /** Admins, and the users of the project's lead department, report its investment and progress. */
    report: (user, p) =>
      user.role === 'admin' ||
      memberOf(user, [p.leadDepartmentId]) || {
        zh: '仅牵头部门可填报',
        en: `Only the planning office or the lead department of ${p.code} may report on it`,
      },
  },
  comment: {
    /** The department a comment was routed to answers it. */
    reply: (user, f) =>
      memberOf(user, [f.departmentId]) || {
        zh: '仅责任部门可答复',
        en: 'Only the department this comment was routed to may reply',
      },
  },
  replyTemplate: {
    /** Departments keep their own templates; the planning office keeps the shared ones. */
    edit: (user, t) =>
      t.departmentId === null
        ? user.role === 'admin' || {
            zh: '通用模板由规划主管部门维护',
            en: 'Shared templates are kept by the planning office',
          }
        : memberOf(user, [t.departmentId]) || { zh: '非本部门模板', en: 'Not a template of your department' },
  },
  supervision: {
    /** The order's department acknowledges it, submits the corrective plan and reports progress. */
    respond: (user, o) =>
      memberOf(user, [o.departmentId]) || {
        zh: '仅被督办部门可办理',
        en: 'Only the department the order was assigned to responds to it',
      },
    /** The planning office verifies: closes (销号) or returns the order. */
    verify: (user) =>
      user.role === 'admin' || {
        zh: '核查由规划主管部门办理',
        en: 'Only the planning office verifies a supervision order',
      },
    /** The order's department, the planning office and assessors see it. */
    read: (user, o) =>
      user.role !== 'department' ||
      memberOf(user, [o.departmentId]) || { zh: '非本部门督办单', en: 'Not an order of your department' },
  },
  department: {
    /** Templates and overdue milestones: department users see their own departments only. */
    seeWork: ownDepartmentOrOffice,
    /** Values come in from the departments themselves, each for its own department. */
    uploadValues: (user, d) =>
      user.role !== 'department'
        ? { zh: '仅责任部门可填报', en: 'Only department users upload values' }
        : ownDepartmentOrOffice(user, d),
  },
} satisfies { [K in SubjectKind]: Record<string, Rule<Subjects[K]>> };

type Rules = typeof RULES;
export type Action<K extends SubjectKind> = keyof Rules[K] & string;
type ItemArg<K extends SubjectKind> = Subjects[K] extends undefined ? [] : [item: Subjects[K]];

function decide<K extends SubjectKind>(
  user: SessionUser,
  kind: K,
  action: Action<K>,
  item: Subjects[K] | undefined,
): Decision {
  const rule = RULES[kind][action] as Rule<Subjects[K] | undefined>;
  return rule(user, item);
}

/** The user, or `unauthenticated` for the anonymous. */
export function signedIn(user: SessionUser | null): SessionUser {
  if (!user) throw new LantuError('unauthenticated', { zh: '请先登录', en: 'Log in first' });
  return user;
}

/** May this user do this? Anonymous callers may do nothing the policy knows of. */
export function can<K extends SubjectKind>(
  user: SessionUser | null,
  action: Action<K>,
  kind: K,
  ...item: ItemArg<K>
): boolean {
  return user !== null && decide(user, kind, action, item[0]) === true;
}

/**
 * Throws `unauthenticated` for the anonymous and `forbidden` (with the rule's reason) when the user may not;
 * returns the user, so a route can write `const admin = authorize(c.var.user, 'assign', 'office')`.
 */
export function authorize<K extends SubjectKind>(
  user: SessionUser | null,
  action: Action<K>,
  kind: K,
  ...item: ItemArg<K>
): SessionUser {
  const who = signedIn(user);
  const decision = decide(who, kind, action, item[0]);
  if (decision !== true) throw new LantuError('forbidden', decision);
  return who;
}

/**
 * Which departments' items a user works on: the planning office and assessors all of them, department users
 * their own (for lists such as the inbox and the comments routed to a department).
 */
export function departmentScope(user: SessionUser): { all: true } | { all: false; departmentIds: string[] } {
  return user.role === 'department'
    ? { all: false, departmentIds: user.departments.map((d) => d.id) }
    : { all: true };
}
