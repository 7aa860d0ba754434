import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import { authorize } from '../../policies/policy.ts';
import { validationHook } from '../../errors.ts';
import {
  investmentsBodySchema,
  libraryMoveSchema,
  newProjectSchema,
  projectDetailSchema,
  projectIdParams,
  projectListQuery,
  projectProgressBodySchema,
  projectSchema,
  projectUpdateSchema,
  rollingPlanSchema,
  rollingQuery,
  spatialUnitSchema,
} from './projects.schemas.ts';
import {
  addProjectProgress,
  createProject,
  getProject,
  listProjects,
  listSpatialUnits,
  moveInLibrary,
  recordInvestments,
  updateProject,
} from './projects.service.ts';
import { rollingPlan } from './rolling-plan.service.ts';
import { errorResponse as err, jsonBody as body, jsonResponse as ok } from '../../openapi-helpers.ts';

const writeErrors = {
  401: err('Not logged in'),
  403: err('Not allowed for this user, or CSRF token missing'),
  404: err('No such project'),
  409: err('Conflicts with the current state'),
  422: err('Invalid input'),
};

export const projectsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

projectsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/spatial-units',
    tags: ['projects'],
    summary: 'Spatial units 空间单元 (一核两轴三心四片多点)',
    responses: { 200: ok(z.object({ items: z.array(spatialUnitSchema) }), 'All spatial units by code') },
  }),
  async (c) => c.json({ items: await listSpatialUnits(c.var.deps.db) }, 200),
);

projectsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/projects',
    tags: ['projects'],
    summary: 'Major-project library 重大项目库',
    request: { query: projectListQuery },
    responses: {
      200: ok(z.object({ items: z.array(projectSchema) }), 'Projects by rank, then code'),
      422: err('Invalid filter'),
    },
  }),
  async (c) => c.json({ items: await listProjects(c.var.deps.db, c.req.valid('query')) }, 200),
);

projectsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/projects/rolling',
    tags: ['projects'],
    summary: 'Rolling three-year plan 滚动三年计划',
    request: { query: rollingQuery },
    responses: {
      200: ok(rollingPlanSchema, 'Projects active in the three years, with planned investment per year'),
      422: err('Invalid year'),
    },
  }),
  async (c) => c.json(await rollingPlan(c.var.deps.db, c.req.valid('query')), 200),
);

projectsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/projects/{id}',
    tags: ['projects'],
    summary: 'A project with its investment series, library history and progress 项目详情',
    request: { params: projectIdParams },
    responses: {
      200: ok(projectDetailSchema, 'The project'),
      404: err('No such project'),
      422: err('Invalid id'),
    },
  }),
  async (c) => c.json(await getProject(c.var.deps.db, c.req.valid('param').id), 200),
);

projectsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/projects',
    tags: ['projects'],
    summary: 'Add a project (admin) 新增项目',
    request: body(newProjectSchema),
    responses: { 201: ok(projectDetailSchema, 'Created'), ...writeErrors },
  }),
  async (c) =>
    c.json(
      await createProject(
        c.var.deps.db,
        authorize(c.var.user, 'manageProjects', 'office'),
        c.req.valid('json'),
      ),
      201,
    ),
);

projectsRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/projects/{id}',
    tags: ['projects'],
    summary: 'Edit a project (admin) 修改项目',
    request: { params: projectIdParams, ...body(projectUpdateSchema) },
    responses: { 200: ok(projectDetailSchema, 'Updated'), ...writeErrors },
  }),
  async (c) =>
    c.json(
      await updateProject(
        c.var.deps.db,
        authorize(c.var.user, 'manageProjects', 'office'),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
);

projectsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/projects/{id}/investments',
    tags: ['projects'],
    summary: 'Planned and completed investment per year (admin or lead department) 年度投资计划与完成',
    request: { params: projectIdParams, ...body(investmentsBodySchema) },
    responses: { 200: ok(projectDetailSchema, 'Saved; the whole series'), ...writeErrors },
  }),
  async (c) =>
    c.json(
      await recordInvestments(
        c.var.deps.db,
        requireUser(c),
        c.req.valid('param').id,
        c.req.valid('json').items,
      ),
      200,
    ),
);

for (const [action, summary] of [
  ['exit', 'Take a project out of the library (admin) 出库'],
  ['enter', 'Put a project (back) into the library (admin) 入库'],
] as const) {
  projectsRoutes.openapi(
    createRoute({
      method: 'post',
      path: `/projects/{id}/${action}`,
      tags: ['projects'],
      summary,
      request: { params: projectIdParams, ...body(libraryMoveSchema) },
      responses: { 200: ok(projectDetailSchema, 'Moved; history kept'), ...writeErrors },
    }),
    async (c) =>
      c.json(
        await moveInLibrary(
          c.var.deps.db,
          authorize(c.var.user, 'manageProjects', 'office'),
          c.req.valid('param').id,
          action,
          c.req.valid('json'),
        ),
        200,
      ),
  );
}

projectsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/projects/{id}/progress',
    tags: ['projects'],
    summary: 'Quarterly progress report (admin or lead department) 季度进展',
    request: { params: projectIdParams, ...body(projectProgressBodySchema) },
    responses: { 201: ok(projectDetailSchema, 'Saved'), ...writeErrors },
  }),
  async (c) =>
    c.json(
      await addProjectProgress(c.var.deps.db, requireUser(c), c.req.valid('param').id, c.req.valid('json')),
      201,
    ),
);
