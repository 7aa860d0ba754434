import { startServe } from './cli.ts';
import { createUsers, type SeedUser } from './seeded-data-dir.ts';

/** A running `lantu serve` as startServe gives it. */
export type Serve = Awaited<ReturnType<typeof startServe>>;

/** The JSON answer of a GET that needs no sign-in, on the server at `base`, as the caller expects it. */
export async function publicJson<T>(base: string, path: string): Promise<T> {
  return (await (await fetch(`${base}${path}`)).json()) as T;
}

/** The seeded SIP 14th plan's id, from the plan list. */
export async function sipPlanId(base: string): Promise<string> {
  const plans = await publicJson<{ items: { id: string; key: string }[] }>(base, '/api/plans');
  return plans.items.find((p) => p.key === 'sip-14th')!.id;
}

/** A plan's indicators as GET /api/plans/{id}/indicators lists them, with the fields the caller reads. */
export async function planIndicators<T extends { code: string }>(base: string, planId: string): Promise<T[]> {
  return (await publicJson<{ items: T[] }>(base, `/api/plans/${planId}/indicators`)).items;
}

/** A plan's tree as GET /api/plans/{id}/tree gives it: its top nodes, typed with the fields the caller walks. */
export async function planTree<N>(base: string, planId: string): Promise<N[]> {
  return (await publicJson<{ nodes: N[] }>(base, `/api/plans/${planId}/tree`)).nodes;
}

/** A plan's projects as GET /api/projects?planId= lists them, with the fields the caller reads. */
export async function planProjects<T>(base: string, planId: string): Promise<T[]> {
  return (await publicJson<{ items: T[] }>(base, `/api/projects?planId=${planId}`)).items;
}

/**
 * Stops `server`, creates `users` (createUsers: the embedded database takes one process at a time) and starts the
 * server again with `env`: for users whose department the test reads from the running server first.
 */
export async function restartWithUsers(
  server: Serve,
  env: NodeJS.ProcessEnv,
  users: readonly SeedUser[],
): Promise<Serve> {
  await server.stop();
  await createUsers(users, env);
  return startServe(env);
}

/** The seeded SIP 14th plan's indicator `code`, with the fields the caller reads. */
export async function sipIndicator<T extends { code: string }>(base: string, code: string): Promise<T> {
  const all = await planIndicators<T>(base, await sipPlanId(base));
  return all.find((i) => i.code === code)!;
}
