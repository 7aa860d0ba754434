import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Queryable } from '../db/db.types.ts';
import { responseCacheFor } from './cache/response-cache.ts';

/** Public API reads whose whole answer depends only on the URL and the data version. */
const REPLAYABLE =
  /^\/api\/public\/(indicators|projects|evaluations\/latest|feedback|feedback\/stats|feeds\/.+|indicators\/[0-9a-f-]{36}\/values)(\.csv|\.atom)?(\?planId=[0-9a-f-]{36})?$/;
const DROP = new Set([
  'date',
  'set-cookie',
  'x-request-id',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
]);
const MAX_ENTRIES = 500;

interface Recorded {
  version: string;
  etag: string;
  headers: [string, string][];
  body: Buffer;
}

/**
 * The last step of "a public read is a lookup": once the app has answered a public GET, the same bytes and
 * headers are replayed straight from node:http for that URL until the data version changes, skipping the
 * framework. Anything else — and any replayable URL not yet recorded or possibly stale — goes to the app.
 */
export class PublicReplay {
  private readonly recorded = new Map<string, Recorded>();

  constructor(private readonly db: Queryable) {}

  /** Answers from the recording if it is current; returns false to let the app answer. */
  tryServe(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' || !req.url || !REPLAYABLE.test(req.url)) return false;
    const hit = this.recorded.get(req.url);
    if (!hit || hit.version !== responseCacheFor(this.db).freshVersion()) return false;
    if (req.headers['if-none-match'] === hit.etag) {
      res.writeHead(304, hit.headers);
      res.end();
    } else {
      res.writeHead(200, [...hit.headers, ['content-length', String(hit.body.length)]]);
      res.end(hit.body);
    }
    return true;
  }

  /** Wraps the app's fetch: records replayable 200 answers built on a version that is still current. */
  record<Env>(
    fetch: (req: Request, env: Env) => Response | Promise<Response>,
  ): (req: Request, env: Env) => Promise<Response> {
    // `env` carries the node:http request and socket: dropping it loses the client's address (getConnInfo).
    return async (req, env) => {
      const url = new URL(req.url);
      const path = url.pathname + url.search;
      const before =
        req.method === 'GET' && REPLAYABLE.test(path) ? responseCacheFor(this.db).freshVersion() : null;
      const res = await fetch(req, env);
      const etag = res.headers.get('etag');
      if (
        before === null ||
        res.status !== 200 ||
        !etag ||
        responseCacheFor(this.db).freshVersion() !== before
      )
        return res;
      const body = Buffer.from(await res.clone().arrayBuffer());
      if (this.recorded.size >= MAX_ENTRIES) this.recorded.clear();
      this.recorded.set(path, {
        version: before,
        etag,
        headers: [...res.headers.entries()].filter(([k]) => !DROP.has(k)),
        body,
      });
      return res;
    };
  }
}
