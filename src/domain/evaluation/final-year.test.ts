import { describe, expect, it } from 'vitest';
import { evaluateIndicator } from './evaluate.ts';
import { evaluatePlan } from './summary.ts';
import { highTechAt as at, highTechFirms, makeSpec, obs } from './testkit.ts';

// 国家高新技术企业数: 1837 (2020) → 5000 (2025). At 2024: f = 0.8.
const hte = { ...highTechFirms, code: 'X1' };

describe('the final year before its figure is reported (issue 17, bug 5)', () => {
  it('judges the latest figure as the year before does and says the final figure is missing', () => {
    const data = [obs(2022, at(0.5)), obs(2023, at(0.75)), obs(2024, at(0.9))];
    const before = evaluateIndicator(hte, data, 2024);
    const final = evaluateIndicator(hte, data, 2025);
    expect(before.verdict).toBe('ahead');
    expect(final.verdict).toBe('ahead'); // was not_achieved, with both projections above 5000
    expect(final.projection?.linearMeets).toBe(true);
    expect(final.probability?.value).toBeGreaterThan(0.5); // was 0
    expect(final.unreportedYear).toBe(2025);
    expect(final.explanation.zh).toMatch(/^2025年数据尚未报送，按2024年数据判断进度：/);
    expect(final.explanation.zh).toContain('快于预期');
    expect(before.unreportedYear).toBeNull();
  });

  it('keeps achieved / not achieved once the final figure is in', () => {
    const r = evaluateIndicator(hte, [obs(2024, at(0.9)), obs(2025, 4999)], 2025);
    expect(r.verdict).toBe('not_achieved');
    expect(r.unreportedYear).toBeNull();
  });

  it('the final summary counts the indicators awaiting their figure apart from 已完成 and 未完成', () => {
    const done = makeSpec({ ...hte, code: 'X2' });
    const plan = evaluatePlan({
      indicators: [hte, done],
      observations: new Map([
        ['X1', [obs(2024, at(0.9))]],
        ['X2', [obs(2025, 5100)]],
      ]),
      year: 2025,
    });
    expect(plan.summary.final).toBe(true);
    expect(plan.summary.sentence.zh).toBe(
      '2项主要指标中，1项已完成，0项未完成，1项2025年数据尚未报送（按最近一年数据：1项快于预期），0项数据暂缺。',
    );
  });
});
