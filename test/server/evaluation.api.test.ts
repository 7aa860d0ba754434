import { describe, expect, it } from 'vitest';
import { getJson, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';

interface Evaluation {
  year: number;
  indicators: { code: string; name: string; verdict: string; explanation: { zh: string; en: string } }[];
  summary: { total: number; counts: Record<string, number>; sentence: { zh: string } };
  ids: Record<string, string>;
}

describe.each(testDatabases)('evaluation API on $kind', ({ create }) => {
  const suite = seededSuite(create);

  it('judges the 13th plan in 2020 from its approved results', async () => {
    const { status, body } = await getJson<Evaluation>(
      suite.app,
      `/api/plans/${suite.planIds.get('sip-13th')}/evaluation?year=2020`,
    );
    expect(status).toBe(200);
    expect(body.summary.total).toBe(22);
    const byName = new Map(body.indicators.map((i) => [i.name, i]));
    expect(byName.get('文化产业增加值占地区生产总值比重')?.verdict).toBe('not_achieved');
    expect(byName.get('城镇登记失业率')?.verdict).toBe('achieved');
    expect(byName.get('区域常住人口')?.verdict).toBe('no_data');
    expect(Object.keys(body.ids)).toHaveLength(22);
    expect(body.summary.sentence.zh).toContain('22项');
  });

  it('judges a year only by the figures published for it and says data is missing for the rest', async () => {
    const { body } = await getJson<Evaluation>(
      suite.app,
      `/api/plans/${suite.planIds.get('sip-14th')}/evaluation?year=2021`,
    );
    expect(body.summary.total).toBe(36);
    // 2021: nobody has reported; the dataset's published figures for that year are GDP growth and 进出口.
    expect(body.indicators.filter((i) => i.verdict !== 'no_data').map((i) => i.code)).toEqual([
      'T2-01',
      'T2-07',
    ]);
  });

  it('gives both parts of the judgement per indicator and counts them in the summary', async () => {
    const { body } = await getJson<{
      indicators: {
        code: string;
        verdict: string;
        judgement: { schedule: string | null; trend: string | null };
      }[];
      summary: { judgement: { schedule: Record<string, number>; sentence: { zh: string } } };
    }>(suite.app, `/api/plans/${suite.planIds.get('sip-13th')}/evaluation?year=2020`);
    const jobless = body.indicators.find((i) => i.verdict === 'achieved')!;
    // The final year: met or missed, no outlook.
    expect(jobless.judgement).toMatchObject({ schedule: 'met', trend: null });
    const s = body.summary.judgement.schedule;
    expect(s.met).toBe(body.indicators.filter((i) => i.verdict === 'achieved').length);
    expect(s.missed).toBe(body.indicators.filter((i) => i.verdict === 'not_achieved').length);
    expect(body.summary.judgement.sentence.zh).toMatch(/^按时间进度，\d+项达到或快于进度/);
  });

  it('refuses a year that is not a number', async () => {
    const { status, body } = await getJson<{ error: { code: string } }>(
      suite.app,
      `/api/plans/${suite.planIds.get('sip-14th')}/evaluation?year=soon`,
    );
    expect(status).toBe(422);
    expect(body.error.code).toBe('validation_failed');
  });
});
