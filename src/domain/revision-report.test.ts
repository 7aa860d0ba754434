import { describe, expect, it } from 'vitest';
import { makeSpec } from './evaluation/testkit.ts';
import { numberQuantity } from './quantity.ts';
import { revisionReport, type DatedObservation } from './revision-report.ts';

const spec = makeSpec({ code: 'A', unit: '家', baseline: 100, target: numberQuantity(200) });

const obs = (value: number, revision: number, knownOn: string): DatedObservation => ({
  year: 2022,
  value,
  text: null,
  kind: 'actual',
  revision,
  knownOn,
});

/** The revisions of indicator A's 2022 value, judged in the period 2021–2025. */
const reportOf = (values: DatedObservation[]) =>
  revisionReport({
    indicators: [spec],
    observations: new Map([['A', values]]),
    year: 2022,
    periodStart: 2021,
    periodEnd: 2025,
  });

describe('revisionReport', () => {
  it('lists a revision with its change and the verdict it flipped', () => {
    const events = reportOf([obs(150, 1, '2023-01-10'), obs(120, 2, '2023-06-01')]);
    expect(events).toEqual([
      expect.objectContaining({
        code: 'A',
        year: 2022,
        fromRevision: 1,
        toRevision: 2,
        fromValue: 150,
        toValue: 120,
        change: -30,
        revisedOn: '2023-06-01',
        verdictBefore: 'ahead',
        verdictAfter: 'lagging',
        flipped: true,
      }),
    ]);
  });

  it('reports a revision that changes nothing as not flipped, and nothing for values never revised', () => {
    const events = reportOf([obs(150, 1, '2023-01-10'), obs(151, 2, '2023-06-01')]);
    expect(events.map((e) => [e.change, e.flipped])).toEqual([[1, false]]);
    expect(reportOf([obs(150, 1, '2023-01-10')])).toEqual([]);
  });
});
