import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import type { Db } from '../db/db.types.ts';

/**
 * Prometheus metrics in the text exposition format, kept in process (each app node exposes its own; Prometheus
 * sums them). Routes are labelled by their pattern (`/api/plans/:id`), never by the raw path, so the label set
 * stays bounded.
 */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10];

class Histogram {
  private readonly series = new Map<
    string,
    { labels: Record<string, string>; counts: number[]; sum: number; count: number }
  >();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: number[] = BUCKETS,
  ) {}

  observe(labels: Record<string, string>, seconds: number): void {
    const key = JSON.stringify(labels);
    let s = this.series.get(key);
    if (!s) {
      if (this.series.size >= 2_000) return; // a hard cap: metrics must never grow without bound
      s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    for (let i = 0; i < this.buckets.length; i++) if (seconds <= this.buckets[i]!) s.counts[i]!++;
    s.sum += seconds;
    s.count++;
  }

  render(): string {
    const out = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      const l = Object.entries(s.labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
      this.buckets.forEach((b, i) =>
        out.push(`${this.name}_bucket{${[...l, `le="${b}"`].join(',')}} ${s.counts[i]}`),
      );
      out.push(`${this.name}_bucket{${[...l, 'le="+Inf"'].join(',')}} ${s.count}`);
      out.push(`${this.name}_sum{${l.join(',')}} ${s.sum}`);
      out.push(`${this.name}_count{${l.join(',')}} ${s.count}`);
    }
    return out.join('\n');
  }
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

const httpDuration = new Histogram(
  'lantu_http_request_duration_seconds',
  'HTTP request latency by route pattern, method and status class',
);
const evaluationDuration = new Histogram(
  'lantu_evaluation_duration_seconds',
  'Plan evaluation time (load inputs + judge every indicator)',
);
let dbUnavailable = 0;

/** Records the time of one plan evaluation. */
export function observeEvaluation(scope: string, seconds: number): void {
  evaluationDuration.observe({ scope }, seconds);
}

/** Counts answers 503 db_unavailable (the database was down or restarting). */
export function countDbUnavailable(): void {
  dbUnavailable++;
}

/** Times every request; mount first so it sees the final status. */
export const metricsMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  await next();
  const route =
    c.req.routePath && c.req.routePath !== '*' && c.req.routePath !== '/*' ? c.req.routePath : 'unmatched';
  httpDuration.observe(
    { method: c.req.method, route, status: `${Math.floor(c.res.status / 100)}xx` },
    (performance.now() - started) / 1000,
  );
  if (c.res.status === 503) countDbUnavailable();
};

/** The text exposition of every metric. */
export function renderMetrics(db: Db): string {
  const mem = process.memoryUsage();
  const lines = [
    httpDuration.render(),
    evaluationDuration.render(),
    '# HELP lantu_db_unavailable_responses_total Responses 503 because the database was unavailable',
    '# TYPE lantu_db_unavailable_responses_total counter',
    `lantu_db_unavailable_responses_total ${dbUnavailable}`,
    '# HELP process_resident_memory_bytes Resident memory size in bytes',
    '# TYPE process_resident_memory_bytes gauge',
    `process_resident_memory_bytes ${mem.rss}`,
    '# HELP nodejs_heap_used_bytes V8 heap in use',
    '# TYPE nodejs_heap_used_bytes gauge',
    `nodejs_heap_used_bytes ${mem.heapUsed}`,
    '# HELP process_uptime_seconds Seconds since the process started',
    '# TYPE process_uptime_seconds gauge',
    `process_uptime_seconds ${process.uptime()}`,
  ];
  const pool = db.poolStats?.();
  if (pool) {
    for (const [k, help] of [
      ['total', 'Connections open in the pool'],
      ['idle', 'Idle connections in the pool'],
      ['waiting', 'Queries waiting for a connection'],
      ['max', 'Pool size limit'],
    ] as const) {
      lines.push(
        `# HELP lantu_db_pool_${k} ${help}`,
        `# TYPE lantu_db_pool_${k} gauge`,
        `lantu_db_pool_${k} ${pool[k]}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
