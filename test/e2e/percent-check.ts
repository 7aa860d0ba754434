/**
 * Percentages on a page against the API's figures (issue 17, bug 4): the page may round, never rescale.
 */

type Bilingual = { zh: string; en: string };

/** The fields of GET /api/plans/{id}/evaluation that pages turn into percentages. */
export interface Evaluated {
  code: string;
  unit: string | null;
  verdict: string;
  baseline: number | null;
  target: number | null;
  actual: number | null;
  expected: number | null;
  progress: number | null;
  elapsed: number | null;
  ratio: number | null;
  projection: { linear: number | null; cagr: number | null } | null;
  requiredRate: { absolute: number | null; relative: number | null; years: number } | null;
  probability: { value: number } | null;
  growth: {
    annual: { rate: number }[];
    latest: { rate: number } | null;
    twoYearAverage: { rate: number }[];
  } | null;
  explanation: Bilingual;
  judgement: { text: Bilingual };
  notes: Bilingual[];
}

const PERCENT = /(?<![\d.])([-+\u2212]?\d[\d,]*(?:\.\d+)?)\s?%/g;

/** Every "12.3%" / "12.3 %" in a text, as the number and the digits shown after the point. */
export function percentsOfText(text: string): { value: number; digits: number; shown: string }[] {
  return [...text.matchAll(PERCENT)].map((m) => {
    const n = m[1]!.replace(/,/g, '').replace('\u2212', '-');
    return { value: Number(n), digits: n.includes('.') ? n.split('.')[1]!.length : 0, shown: m[0] };
  });
}

/** What the API says in percent for one indicator: rates as given, shares × 100, values whose unit is %. */
export function percentsOfEvaluation(ev: Evaluated): number[] {
  const shares = [ev.progress, ev.elapsed, ev.ratio, ev.probability?.value ?? null];
  const rates = [
    ev.requiredRate?.relative ?? null,
    ...(ev.growth ? [...ev.growth.annual, ...ev.growth.twoYearAverage].map((g) => g.rate) : []),
    ev.growth?.latest?.rate ?? null,
  ];
  const levels =
    ev.unit === '%'
      ? [
          ev.baseline,
          ev.target,
          ev.actual,
          ev.expected,
          ev.projection?.linear ?? null,
          ev.projection?.cagr ?? null,
        ]
      : [];
  const texts = [ev.explanation, ev.judgement.text, ...ev.notes].flatMap((b) => [b.zh, b.en]);
  return [
    ...shares.flatMap((s) => (s === null ? [] : [s * 100])),
    ...[...rates, ...levels].flatMap((v) => (v === null ? [] : [v])),
    ...texts.flatMap((t) => percentsOfText(t).map((p) => p.value)),
  ];
}

/** The percentages in `text` that no API figure rounds to (at the digits shown); [] when all match. */
export function unmatched(text: string, values: readonly number[]): string[] {
  return percentsOfText(text)
    .filter((p) => {
      const tolerance = 0.5 * 10 ** -p.digits + 1e-9;
      return !values.some((v) => Math.abs(v - p.value) <= tolerance);
    })
    .map((p) => p.shown);
}
