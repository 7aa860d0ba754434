import { z } from '@hono/zod-openapi';

export const departmentSchema = z
  .object({
    id: z.uuid(),
    code: z.string().openapi({ example: 'JFJ' }),
    name: z.string().openapi({ example: '经济发展委员会' }),
    nameEn: z.string().nullable().openapi({ example: 'Economic Development Commission' }),
  })
  .openapi('Department');

export const departmentListSchema = z.object({ items: z.array(departmentSchema) }).openapi('DepartmentList');

export const publicDepartmentListSchema = z
  .object({ items: z.array(departmentSchema.omit({ id: true }).openapi('PublicDepartment')) })
  .openapi('PublicDepartmentList');

export const DEPARTMENT_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/;

export const newDepartmentSchema = z
  .object({
    code: z
      .string()
      .regex(DEPARTMENT_CODE, 'letters, digits, _ or -, at most 20')
      .openapi({ example: 'SJJ', description: 'Stable short code, used in sheets and URLs' }),
    name: z.string().trim().min(1).max(100).openapi({ example: '审计局' }),
    nameEn: z.string().trim().max(200).nullable().optional(),
  })
  .openapi('NewDepartment');
