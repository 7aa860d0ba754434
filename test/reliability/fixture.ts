import type { Db } from '../../src/db/db.types.ts';
import { getJson, seedAndServe } from '../support/app.ts';
import { formChallenge, postFeedback } from '../support/feedback.ts';
import { firstTask, type TreeNode } from '../support/plan-tree.ts';
import { loginAs, type Client } from '../support/session.ts';

export interface Populated {
  planId: string;
  indicatorId: string;
  evidenceId: string;
  evidenceBytes: Uint8Array;
  feedbackId: string;
  admin: Client;
  own: Client;
}

function expectStatus<T>(r: { status: number; body: unknown }, status: number, what: string): T {
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

/**
 * The SIP dataset plus one of everything users write: approved, returned and draft values, a published comment
 * with an official reply, a task report with a binary evidence file (bytea), an evaluation snapshot and
 * the audit entries of all of it.
 */
export async function populate(db: Db): Promise<Populated> {
  const { app, planId } = await seedAndServe(db);
  const inds = await getJson<{ items: { id: string; code: string }[] }>(
    app,
    `/api/plans/${planId}/indicators`,
  );
  const indicatorId = inds.body.items.find((i) => i.code === 'T2-12')!.id; // KJJ's, with no published figure the test values would correct
  const admin = await loginAs(app, db, 'admin');
  const own = await loginAs(app, db, 'department', ['KJJ']);

  const obs = async (period: string, value: number, note: string) =>
    expectStatus<{ observation: { id: string } }>(
      await own.request('POST', '/api/observations', { indicatorId, period, value, note }),
      201,
      'observation',
    ).observation.id;
  const approved = await obs('2023', 3123.5, '经核实 <b>ok</b> "quoted" 换行\n第二行');
  expectStatus(await own.request('POST', `/api/observations/${approved}/submit`), 200, 'submit');
  expectStatus(await admin.request('POST', `/api/observations/${approved}/approve`), 200, 'approve');
  const returned = await obs('2024', 3300, '待复核');
  expectStatus(await own.request('POST', `/api/observations/${returned}/submit`), 200, 'submit');
  expectStatus(
    await admin.request('POST', `/api/observations/${returned}/return`, { reason: '口径不一致' }),
    200,
    'return',
  );
  await obs('2025', 3500.25, '草稿');

  const tree = await getJson<{ nodes: TreeNode[] }>(app, `/api/plans/${planId}/tree`);
  const taskNodeId = firstTask(tree.body.nodes)!.id;
  expectStatus(
    await admin.request('PUT', '/api/assignments', { nodeId: taskNodeId, lead: 'KJJ', co: [] }),
    200,
    'assign',
  );
  const report = expectStatus<{ id: string }>(
    await own.request('POST', `/api/tasks/${taskNodeId}/reports`, {
      year: 2023,
      status: 'in_progress',
      percent: 40,
      text: '进展顺利',
    }),
    201,
    'report',
  );
  const evidenceBytes = new Uint8Array(4096);
  for (let i = 0; i < evidenceBytes.length; i++) evidenceBytes[i] = (i * 7919 + 13) % 256; // every byte value, 0x00 included
  const f = new FormData();
  f.set('file', new File([evidenceBytes], '佐证 材料.pdf', { type: 'application/pdf' }));
  const up = await app.request(`/api/task-reports/${report.id}/evidence`, {
    method: 'POST',
    headers: { cookie: own.cookie, 'x-csrf-token': own.csrf },
    body: f,
  });
  const evidence = expectStatus<{ id: string }>(
    { status: up.status, body: await up.json() },
    201,
    'evidence',
  );

  const fb = await postFeedback(app, {
    targetType: 'indicator',
    targetId: indicatorId,
    body: '建议公开更多数据，电话 13812345678',
    name: '市民',
    challenge: await formChallenge(db),
  });
  const feedback = expectStatus<{ id: string }>(
    { status: fb.status, body: await fb.json() },
    202,
    'feedback',
  );
  expectStatus(await admin.request('POST', `/api/feedback/${feedback.id}/publish`, {}), 200, 'publish');
  expectStatus(
    await own.request('POST', `/api/feedback/${feedback.id}/reply`, { body: '已办理，感谢监督' }),
    200,
    'reply',
  );
  expectStatus(
    await admin.request('POST', '/api/evaluations', { planId, year: 2023, kind: 'annual' }),
    201,
    'snapshot',
  );
  return { planId, indicatorId, evidenceId: evidence.id, evidenceBytes, feedbackId: feedback.id, admin, own };
}
