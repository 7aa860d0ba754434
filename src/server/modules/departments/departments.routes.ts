import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import { authorize } from '../../policies/policy.ts';
import { validationHook } from '../../errors.ts';
import {
  departmentListSchema,
  departmentSchema,
  newDepartmentSchema,
  publicDepartmentListSchema,
} from './departments.schemas.ts';
import { createDepartment, listDepartments } from './departments.service.ts';
import { errorResponse as err, jsonResponse as ok } from '../../openapi-helpers.ts';

export const departmentsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

departmentsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/departments',
    tags: ['departments'],
    summary: 'Departments 责任部门',
    responses: { 200: ok(departmentListSchema, 'By code'), 401: err('Not logged in') },
  }),
  async (c) => {
    requireUser(c);
    return c.json({ items: await listDepartments(c.var.deps.db) }, 200);
  },
);

departmentsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/departments',
    tags: ['public'],
    summary: "Departments' names in Chinese and English, for anyone 责任部门名称",
    description:
      'The names the portal and the workspace show (an English page names a department by nameEn); no ids. ' +
      'The full list with ids stays for signed-in users (GET /api/departments).',
    responses: { 200: ok(publicDepartmentListSchema, 'By code') },
  }),
  async (c) => {
    const items = await listDepartments(c.var.deps.db);
    return c.json({ items: items.map(({ code, name, nameEn }) => ({ code, name, nameEn })) }, 200);
  },
);

departmentsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/departments',
    tags: ['departments'],
    summary: 'Create a department (admin) 新增部门',
    request: { body: { content: { 'application/json': { schema: newDepartmentSchema } }, required: true } },
    responses: {
      201: ok(departmentSchema, 'Created'),
      401: err('Not logged in'),
      403: err('Not an admin, or CSRF token missing'),
      409: err('Code taken'),
      422: err('Invalid input'),
    },
  }),
  async (c) => {
    const admin = authorize(c.var.user, 'createDepartment', 'office');
    return c.json(await createDepartment(c.var.deps.db, admin, c.req.valid('json')), 201);
  },
);
