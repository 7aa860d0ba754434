/**
 * Golden hash of the evaluation engine's output, to show a change to the engine keeps its behaviour byte for
 * byte: evaluatePlan and evaluateIndicator over the SIP dataset's plans (their own observations) and over
 * synthetic plans built from the same specs with seeded random observations (revisions, texts, spans, assigned
 * values, missing and non-finite numbers), every year 2019–2027, both methods, explain on and off, both
 * annual-rate settings. Each result is serialised as JSON (field order included) and hashed.
 * Run: npx tsx bench/evaluate-golden.ts   (prints the number of documents and the SHA-256)
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Dataset } from '../src/domain/dataset.ts';
import { datasetObservations } from '../src/domain/evaluation/dataset-input.ts';
import { evaluateIndicator } from '../src/domain/evaluation/evaluate.ts';
import { evaluatePlan } from '../src/domain/evaluation/summary.ts';
import { makeSpec } from '../src/domain/evaluation/testkit.ts';
import type { EvaluationObservation, EvaluationOptions, Method } from '../src/domain/evaluation/types.ts';
import type { IndicatorSpec } from '../src/domain/indicator.ts';
import { seededRandom } from './kit.ts';

const dataset = JSON.parse(
  readFileSync(new URL('../data/sip-14th/dataset.json', import.meta.url), 'utf8'),
) as Dataset;

const rnd = seededRandom(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

const TEXTS = ['完成', '未完成', '已完成', '基本完成', '', '  ', '待统计', '达到'];

/** Seeded observations around a spec's baseline and target, with the awkward cases mixed in. */
function randomObservations(spec: IndicatorSpec): EvaluationObservation[] {
  const b = spec.baseline?.value ?? 1 + rnd() * 50;
  const t = spec.target?.value ?? b * (0.5 + rnd());
  const out: EvaluationObservation[] = [];
  const style = Math.floor(rnd() * 6);
  const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
  for (const year of years) {
    if (rnd() < 0.2) continue;
    const k = (year - 2020) / 5;
    let value: number | null = b + (t - b) * k * (0.4 + rnd() * 1.2) + (rnd() - 0.5) * Math.abs(b) * 0.1;
    if (spec.kind === 'cagr' || spec.kind === 'reduction') value = (rnd() - 0.2) * 10;
    if (rnd() < 0.05) value = null;
    if (rnd() < 0.02) value = Number.NaN;
    const text = value === null || rnd() < 0.05 ? pick(TEXTS) : null;
    const o: EvaluationObservation = { year, value, text, kind: 'actual' };
    if (style === 1 && rnd() < 0.4) o.revision = Math.floor(rnd() * 3);
    if (style === 2 && rnd() < 0.3) o.span = pick([1, 2, 3, 5, 0, 2.5]);
    out.push(o);
    if (style === 3 && rnd() < 0.3) out.push({ year, value: (value ?? 0) + 1, text: null, kind: 'actual' });
    if (style === 4) out.push({ year, value: t * (0.8 + rnd() * 0.4), text: null, kind: 'assigned' });
  }
  if (style === 5) out.reverse();
  return out;
}

const h = createHash('sha256');
let documents = 0;
const add = (o: unknown): void => {
  h.update(JSON.stringify(o));
  h.update('\n');
  documents += 1;
};

const YEARS = [2019, 2021, 2022, 2023, 2024, 2025, 2027];
const METHODS: Method[] = ['time', 'trend'];
const SETTINGS: EvaluationOptions[] = [
  { explain: true },
  { explain: false },
  { explain: true, annualRates: 'latest', delta: 0.1 },
];

function evaluateAll(
  indicators: readonly IndicatorSpec[],
  observations: Map<string, EvaluationObservation[]>,
  periodStart: number,
  periodEnd: number,
): void {
  for (const year of YEARS)
    for (const method of METHODS)
      for (const s of SETTINGS) {
        const options = { ...s, periodStart, periodEnd };
        add(evaluatePlan({ indicators, observations, year, method, options }));
      }
}

// The dataset's plans on their own observations, with and without the prose targets.
for (const plan of dataset.plans) {
  const observations = datasetObservations(plan, plan.indicators);
  evaluateAll(plan.indicators, observations, plan.periodStart, plan.periodEnd);
  const tables = plan.indicators.filter((i) => i.origin === 'table');
  evaluateAll(tables, datasetObservations(plan, tables), plan.periodStart, plan.periodEnd);
}

// Synthetic plans: the dataset's specs (and the bench's kinds) with random observations.
const specs: IndicatorSpec[] = dataset.plans.flatMap((p) => p.indicators);
const extra: IndicatorSpec[] = [
  makeSpec({ code: 'S-1', kind: 'level', baseline: 1837, target: '5000', unit: '家' }),
  makeSpec({ code: 'S-2', kind: 'cumulative', baseline: null, target: '10000', unit: '件' }),
  makeSpec({ code: 'S-3', kind: 'ceiling', direction: 'decrease', baseline: 1.8, target: '2', unit: '%' }),
  makeSpec({ code: 'S-4', kind: 'about', baseline: null, target: '7左右', unit: '%' }),
  makeSpec({ code: 'S-5', kind: 'range', baseline: null, target: '30-32', unit: '件' }),
  makeSpec({ code: 'S-6', kind: 'reduction', baseline: null, target: '13.5', unit: '%' }),
  makeSpec({ code: 'S-7', kind: 'level', direction: 'none', baseline: null, target: '翻一番' }),
  makeSpec({ code: 'S-8', kind: 'share', baseline: 52.3, target: '再提高4个百分点', unit: '%' }),
  makeSpec({ code: 'S-9', kind: 'maintain', baseline: 100, target: '100', unit: '%', tolerance: 0.5 }),
  makeSpec({ code: 'S-10', kind: 'floor', baseline: null, target: '92以上', targetYear: null }),
];
for (let plan = 0; plan < 6; plan++) {
  const indicators = [...specs, ...extra].filter(() => rnd() < 0.7);
  const observations = new Map<string, EvaluationObservation[]>();
  for (const spec of indicators) observations.set(spec.code, randomObservations(spec));
  evaluateAll(indicators, observations, 2021, 2025);
}

// Single indicators with no plan period, related observations and the cagr bases.
for (const spec of [...specs, ...extra]) {
  const o = randomObservations(spec);
  const related = rnd() < 0.5 ? randomObservations(spec) : null;
  for (const year of [2022, 2025])
    for (const method of METHODS) {
      add(evaluateIndicator(spec, o, year, method, { related, relatedName: '对比', explain: rnd() < 0.5 }));
      add(
        evaluateIndicator(spec, o, year, method, { cagrBasis: 'levels', periodStart: 2021, periodEnd: 2025 }),
      );
    }
}

console.log(JSON.stringify({ documents, sha256: h.digest('hex') }));
