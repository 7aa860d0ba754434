export const ROLES = ['admin', 'department', 'assessor'] as const;
/** admin = the planning office (规划主管部门); department = a 责任部门 user; assessor = 联合考核组 / third party. */
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: string;
  email: string;
  displayName: string | null;
  role: Role;
  locale: string;
  departments: { id: string; code: string; name: string }[];
}

/** The shortest password a user may choose (checked by the users service, shown by the web form). */
export const MIN_PASSWORD_LENGTH = 10;
