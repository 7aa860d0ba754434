import { suiteOf, type CreateDb } from './app.ts';
import { writeRouteContext, type Ctx } from './write-routes.ts';

/**
 * writeRouteContext over a fresh database for one describe block (see suiteOf): the seeded app, its database and
 * a client per actor. Kept apart from app.ts because write-routes.ts imports app.ts.
 */
export function writeRouteSuite(create: CreateDb): Readonly<Ctx> {
  return suiteOf(async () => {
    const { db, dispose } = await create();
    return { ...(await writeRouteContext(db)), dispose };
  });
}
