import { describe, expect, it } from 'vitest';
import { getJson, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';

interface Result {
  code: string;
  verdict: string;
  dataYear: number | null;
  explanation: { zh: string; en: string };
  probability: { value: number } | null;
  projection: { linear: number | null; cagr: number | null } | null;
  target: number | null;
  unreportedYear: number | null;
}
interface Evaluation {
  year: number;
  indicators: Result[];
  summary: { final: boolean; sentence: { zh: string; en: string } };
}

// Issue 17, bug 5: in the final year the workspace said 未完成 for an indicator with data only to the year
// before (both projections beating the target, probability 0%) while the portal said 快于预期 for it.
describe.each(testDatabases)('final-year judgement on $kind', ({ create }) => {
  const s = seededSuite(create);

  it('the workspace in the final year and the portal judge every indicator alike', async () => {
    const ws = await getJson<Evaluation>(s.app, `/api/plans/${s.planId}/evaluation?year=2025&method=time`);
    const portal = await getJson<Evaluation>(s.app, `/api/public/evaluations/latest?planId=${s.planId}`);
    expect(ws.status).toBe(200);
    expect(portal.status).toBe(200);
    const judged = new Map(portal.body.indicators.map((i) => [i.code, i.verdict]));
    const latest = Math.max(...ws.body.indicators.map((i) => i.dataYear ?? 0));
    expect(latest).toBeLessThan(2025); // the dataset has no 2025 figures yet
    expect(ws.body.indicators.filter((i) => i.dataYear !== null).length).toBeGreaterThan(3);
    for (const i of ws.body.indicators) expect([i.code, i.verdict]).toEqual([i.code, judged.get(i.code)]);
  });

  it('a final-year verdict on last year’s data says the final year’s figure is not reported yet', async () => {
    const { body } = await getJson<Evaluation>(
      s.app,
      `/api/plans/${s.planId}/evaluation?year=2025&method=time`,
    );
    const early = body.indicators.filter(
      (i) =>
        i.dataYear !== null && i.dataYear < 2025 && i.verdict !== 'no_data' && i.verdict !== 'not_assessable',
    );
    expect(early.map((i) => i.code)).toContain('T2-11');
    for (const i of early) {
      expect(i.unreportedYear).toBe(2025);
      expect(i.verdict).not.toBe('not_achieved');
      expect(i.explanation.zh).toContain('2025年数据尚未报送');
      expect(i.explanation.en).toContain('2025 figure is not reported yet');
      // Neither the probability nor the verdict contradicts projections that reach the target.
      if (i.verdict === 'ahead' || i.verdict === 'on_track') expect(i.probability?.value).not.toBe(0);
    }
    expect(body.summary.sentence.zh).toContain('2025年数据尚未报送');
  });
});
