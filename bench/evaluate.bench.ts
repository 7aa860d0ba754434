/**
 * Evaluation engine bench, on the path the product calls: `evaluatePlan` (what the API, the CLI, reports,
 * snapshots and the revision report call) over 1,000,000 observations — 2,000 indicators × 100 regions × 5
 * years, one plan evaluation per region, judged for one year.
 * Run: npx tsx bench/evaluate.bench.ts [--runs 7] [--regions 100] [--only verdictsOnly|withExplanations]
 * Reports the median of repeated runs and the ratio to a bare loop over the same observations, measured in the
 * same run (alternated with each variant).
 */
import { evaluatePlan } from '../src/domain/evaluation/summary.ts';
import { makeSpec } from '../src/domain/evaluation/testkit.ts';
import type { EvaluationObservation } from '../src/domain/evaluation/types.ts';
import type { IndicatorSpec } from '../src/domain/indicator.ts';
import { arg, seededRandom } from './kit.ts';

const RUNS = arg('runs', 7);
const REGIONS = arg('regions', 100);
const INDICATORS = 2_000;
const YEARS = 5;
const YEAR = 2024;

const rnd = seededRandom(42);

const TEMPLATES: IndicatorSpec[] = [
  makeSpec({ kind: 'level', baseline: 1837, target: '5000', unit: '家' }),
  makeSpec({ kind: 'share', baseline: 52.3, target: '55', unit: '%' }),
  makeSpec({ kind: 'cagr', baseline: 6.5, target: '6.5', unit: '%' }),
  makeSpec({ kind: 'cumulative', baseline: null, target: '10000', unit: '件' }),
  makeSpec({
    kind: 'ceiling',
    direction: 'decrease',
    baseline: 1.8,
    target: '2',
    unit: '%',
    attribute: 'binding',
  }),
  makeSpec({ kind: 'floor', baseline: 90, target: '92以上' }),
  makeSpec({ kind: 'maintain', baseline: 100, target: '100', unit: '%' }),
  makeSpec({ kind: 'about', baseline: null, target: '7左右', unit: '%' }),
  makeSpec({ kind: 'range', baseline: null, target: '30-32', unit: '件' }),
  makeSpec({ kind: 'reduction', baseline: null, target: '13.5', unit: '%', attribute: 'binding' }),
];

function valueFor(spec: IndicatorSpec, k: number): number {
  const b = spec.baseline?.value ?? 0;
  const t = spec.target?.value ?? 0;
  switch (spec.kind) {
    case 'level':
    case 'share':
    case 'floor':
      return b + (t - b) * (k / YEARS) * (0.6 + rnd() * 0.8);
    case 'cagr':
      return 4 + rnd() * 5;
    case 'cumulative':
      return 1500 + rnd() * 1000;
    case 'ceiling':
      return 1.6 + rnd() * 0.6;
    case 'maintain':
      return rnd() < 0.9 ? 100 : 99;
    case 'about':
      return 6 + rnd() * 2;
    case 'range':
      return 28 + rnd() * 6;
    case 'reduction':
      return 2 + rnd() * 2;
    case 'assigned':
    case 'relational':
      return 4 + rnd() * 4;
  }
}

// Build the inputs once (not timed): INDICATORS indicators (each its own spec, kinds in rotation), observed in
// REGIONS regions for YEARS years; a region's observations keyed by indicator code, as evaluatePlan takes them.
const indicators: IndicatorSpec[] = [];
for (let i = 0; i < INDICATORS; i++) indicators.push({ ...TEMPLATES[i % TEMPLATES.length]!, code: `I-${i}` });
const regions: Map<string, EvaluationObservation[]>[] = [];
for (let g = 0; g < REGIONS; g++) {
  const m = new Map<string, EvaluationObservation[]>();
  for (const spec of indicators) {
    const obs: EvaluationObservation[] = [];
    for (let k = 1; k <= YEARS; k++)
      obs.push({ year: 2020 + k, value: valueFor(spec, k), text: null, kind: 'actual' });
    m.set(spec.code, obs);
  }
  regions.push(m);
}
const total = INDICATORS * REGIONS * YEARS;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Wall time, and the process's CPU time (less disturbed when others load the machine). */
function time(fn: () => number): { ms: number; cpuMs: number; check: number } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const check = fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, check };
}

/** The floor: touch every observation once (look its series up, read year and value), nothing else. */
function bareLoop(): number {
  let sum = 0;
  for (const m of regions) {
    for (const spec of indicators) {
      const obs = m.get(spec.code)!;
      for (let i = 0; i < obs.length; i++) {
        const o = obs[i]!;
        if (o.year <= YEAR && o.value !== null) sum += o.value;
      }
    }
  }
  return sum;
}

/** The product's engine: one evaluatePlan per region (explain: false = verdicts and numbers, no sentences). */
function engine(explain: boolean): number {
  let achieved = 0;
  const options = { periodStart: 2021, periodEnd: 2025, explain };
  for (const observations of regions) {
    const r = evaluatePlan({ indicators, observations, year: YEAR, method: 'time', options });
    achieved += r.summary.counts.achieved;
  }
  return achieved;
}

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const variants = [
  { name: 'verdictsOnly', run: () => engine(false) },
  { name: 'withExplanations', run: () => engine(true) },
].filter((v) => only === null || v.name === only);
// Warm up the JIT, then alternate each variant with the bare loop so both see the same machine state.
bareLoop();
for (const v of variants) v.run();
const out: Record<string, unknown> = {
  observations: total,
  regions: REGIONS,
  indicators: INDICATORS,
  runs: RUNS,
  node: process.version,
  engine: 'evaluatePlan → evaluateIndicator (the product path)',
};
const checks: number[] = [];
const r2 = (x: number) => Math.round(x * 100) / 100;
for (const v of variants) {
  const bare: number[] = [];
  const ms: number[] = [];
  const bareCpu: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const b = time(bareLoop);
    const e = time(v.run);
    bare.push(b.ms);
    ms.push(e.ms);
    bareCpu.push(b.cpuMs);
    cpu.push(e.cpuMs);
    checks.push(e.check);
  }
  out[v.name] = {
    ms: Math.round(median(ms)),
    bareLoopMs: r2(median(bare)),
    ratio: Math.round((median(ms) / median(bare)) * 10) / 10,
    cpuMs: Math.round(median(cpu)),
    bareLoopCpuMs: r2(median(bareCpu)),
    cpuRatio: Math.round((median(cpu) / median(bareCpu)) * 10) / 10,
    nsPerObservation: Math.round((median(ms) * 1e6) / total),
  };
}
if (new Set(checks).size !== 1)
  throw new Error(`verdict counts differ between runs: ${[...new Set(checks)].join(' / ')}`);
out.achievedCount = checks[0];
console.log(JSON.stringify(out, null, 2));
