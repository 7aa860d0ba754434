/**
 * Evaluation engine bench: 1,000,000 observations (2,000 indicators × 100 regions × 5 years) judged for one year.
 * Run: npx tsx bench/evaluate.bench.ts [--runs 7] [--series 200000]
 * Reports the median of repeated runs and the ratio to a bare loop over the same arrays.
 */
import { evaluateColumns } from '../src/domain/evaluation/columnar.ts';
import { evaluateIndicator } from '../src/domain/evaluation/evaluate.ts';
import { makeSpec } from '../src/domain/evaluation/testkit.ts';
import type { EvaluationObservation } from '../src/domain/evaluation/types.ts';
import type { IndicatorSpec } from '../src/domain/indicator.ts';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = arg('runs', 7);
const SERIES = arg('series', 200_000);
const YEARS = 5;
const YEAR = 2024;

// Deterministic pseudo-random numbers (mulberry32).
let seed = 42;
const rnd = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

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

// Build the inputs once (not timed): SERIES / REGIONS indicators (each its own spec object, kinds in rotation),
// each observed in REGIONS regions for YEARS years, stored indicator-major (an indicator's regions together).
const REGIONS = 100;
const indicators: IndicatorSpec[] = [];
for (let i = 0; i < Math.ceil(SERIES / REGIONS); i++)
  indicators.push({ ...TEMPLATES[i % TEMPLATES.length]!, code: `I-${i}` });
const specs: IndicatorSpec[] = [];
const series: EvaluationObservation[][] = [];
for (let s = 0; s < SERIES; s++) {
  const spec = indicators[Math.floor(s / REGIONS)]!;
  specs.push(spec);
  const obs: EvaluationObservation[] = [];
  for (let k = 1; k <= YEARS; k++)
    obs.push({ year: 2020 + k, value: valueFor(spec, k), text: null, kind: 'actual' });
  series.push(obs);
}
const total = SERIES * YEARS;

// The same data in columns (built once, not timed): what a region×indicator dashboard would hold.
const colOffsets = new Int32Array(SERIES + 1);
const colYears = new Int16Array(total);
const colValues = new Float64Array(total);
{
  let k = 0;
  for (let s = 0; s < SERIES; s++) {
    colOffsets[s] = k;
    for (const o of series[s]!) {
      colYears[k] = o.year;
      colValues[k] = o.value ?? NaN;
      k++;
    }
  }
  colOffsets[SERIES] = k;
}

/** The floor for the columnar variant: the same pass over the typed arrays. */
function bareColumns(): number {
  let sum = 0;
  for (let s = 0; s < SERIES; s++) {
    const to = colOffsets[s + 1]!;
    for (let i = colOffsets[s]!; i < to; i++) if (colYears[i]! <= YEAR) sum += colValues[i]!;
  }
  return sum;
}

function columnar(): number {
  const out = evaluateColumns({ specs, offsets: colOffsets, years: colYears, values: colValues, year: YEAR });
  let achieved = 0;
  for (let s = 0; s < SERIES; s++) if (out.verdicts[s] === 0) achieved++;
  return achieved;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => number): { ms: number; check: number } {
  const t0 = process.hrtime.bigint();
  const check = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, check };
}

/** The floor: touch every observation once (read year and value), nothing else. */
function bareLoop(): number {
  let sum = 0;
  for (let s = 0; s < series.length; s++) {
    const obs = series[s]!;
    for (let i = 0; i < obs.length; i++) {
      const o = obs[i]!;
      if (o.year <= YEAR && o.value !== null) sum += o.value;
    }
  }
  return sum;
}

function engine(explain: boolean): number {
  let achieved = 0;
  const options = { explain };
  for (let s = 0; s < series.length; s++) {
    const r = evaluateIndicator(specs[s]!, series[s]!, YEAR, 'time', options);
    if (r.verdict === 'achieved') achieved++;
  }
  return achieved;
}

const bare: number[] = [];
const full: number[] = [];
const quick: number[] = [];
const bareCol: number[] = [];
const cols: number[] = [];
let checkFull = 0;
let checkQuick = 0;
let checkCols = 0;
// Warm up the JIT, then alternate so every variant sees the same machine state.
bareLoop();
// The columnar kernel first, alternating with its own bare loop, before the allocation-heavy variants run.
bareColumns();
columnar();
for (let r = 0; r < RUNS * 3; r++) {
  bareCol.push(time(bareColumns).ms);
  const c = time(columnar);
  cols.push(c.ms);
  checkCols = c.check;
}
engine(true);
engine(false);
for (let r = 0; r < RUNS; r++) {
  bare.push(time(bareLoop).ms);
  const e = time(() => engine(true));
  full.push(e.ms);
  checkFull = e.check;
  const q = time(() => engine(false));
  quick.push(q.ms);
  checkQuick = q.check;
}
if (checkFull !== checkQuick || checkFull !== checkCols)
  throw new Error(`verdict counts differ: ${checkFull} / ${checkQuick} / ${checkCols}`);
const mbc = median(bareCol);
const mc = median(cols);
const mb = median(bare);
const me = median(full);
const mq = median(quick);
const r2 = (x: number) => Math.round(x * 100) / 100;
console.log(
  JSON.stringify(
    {
      observations: total,
      series: SERIES,
      runs: RUNS,
      node: process.version,
      bareLoopMs: r2(mb),
      withExplanations: {
        ms: Math.round(me),
        ratio: Math.round(me / mb),
        nsPerObservation: Math.round((me * 1e6) / total),
      },
      verdictsOnly: {
        ms: Math.round(mq),
        ratio: Math.round(mq / mb),
        nsPerObservation: Math.round((mq * 1e6) / total),
      },
      columnar: {
        ms: r2(mc),
        bareLoopMs: r2(mbc),
        ratio: Math.round((mc / mbc) * 10) / 10,
        nsPerObservation: Math.round((mc * 1e6) / total),
      },
      achievedCount: checkFull,
    },
    null,
    2,
  ),
);
