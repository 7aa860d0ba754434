import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../server/modules/datasets/dataset.service.ts';
import { parsePublishedValues, publishedObservations, PUBLISHED_VALUES_COLUMNS } from './published-values.ts';

const HEADER = PUBLISHED_VALUES_COLUMNS.join(',');
const row = (over: Partial<Record<(typeof PUBLISHED_VALUES_COLUMNS)[number], string>> = {}) => {
  const base = {
    indicator_code: 'T2-01',
    year: '2022',
    value: '2.3',
    unit: '%',
    quoted: '同比增长2.3%',
    source_title: '经济概述',
    source_url: 'https://example.org/a',
    released_on: '2023-04-24',
    revision: '1',
    basis: '初步数',
    entered_by: 'test',
  };
  const r = { ...base, ...over };
  return PUBLISHED_VALUES_COLUMNS.map((c) => r[c]).join(',');
};

describe('parsePublishedValues', () => {
  it('reads a row with its source and revision', () => {
    const r = parsePublishedValues(`${HEADER}\n${row()}\n`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual([
      {
        code: 'T2-01',
        year: 2022,
        value: 2.3,
        unit: '%',
        quoted: '同比增长2.3%',
        sourceTitle: '经济概述',
        sourceUrl: 'https://example.org/a',
        releasedOn: '2023-04-24',
        revision: 1,
        basis: '初步数',
        enteredBy: 'test',
      },
    ]);
    expect(publishedObservations(r.value)[0]).toMatchObject({
      code: 'T2-01',
      revision: 1,
      source: { kind: 'published', releasedOn: '2023-04-24', quote: '同比增长2.3%' },
    });
  });

  it('rejects a wrong header, a bad date, a non-number and an unknown code, naming the lines', () => {
    expect(parsePublishedValues('code,year,value\n').ok).toBe(false);
    const known = new Map([['T2-01', '%']]);
    const r = parsePublishedValues(
      [
        HEADER,
        row({ released_on: '2023-02-30' }),
        row({ value: '约3' }),
        row({ indicator_code: 'T9-99' }),
      ].join('\n'),
      known,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation_failed');
    expect(r.error.message).toContain('line 2: released_on "2023-02-30" is not a date');
    expect(r.error.message).toContain('line 3: "约3" is not a number');
    expect(r.error.message).toContain('line 4: unknown indicator T9-99');
  });

  it('rejects a unit that differs from the indicator and a revision released before the one it revises', () => {
    const known = new Map([['T2-01', '%']]);
    const r = parsePublishedValues(
      [HEADER, row({ unit: '亿元' }), row({ revision: '2', released_on: '2023-01-01' })].join('\n'),
      known,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain('T2-01 is in %, not 亿元');
    expect(r.error.message).toContain('T2-01 2022: revision 2 must be released after revision 1');
  });

  it('accepts an undated first release only when the basis says the page is undated', () => {
    const undated = parsePublishedValues(`${HEADER}\n${row({ released_on: '', basis: '页面未署日期' })}\n`);
    expect(undated.ok && undated.value[0]?.releasedOn).toBe(null);
    const silent = parsePublishedValues(`${HEADER}\n${row({ released_on: '' })}\n`);
    expect(!silent.ok && silent.error.message).toContain('say in basis that the page is undated');
    const revised = parsePublishedValues(
      [HEADER, row(), row({ revision: '2', released_on: '', basis: '页面未署日期' })].join('\n'),
    );
    expect(!revised.ok && revised.error.message).toContain('a revision needs its release date');
  });

  it('accepts a revision released later', () => {
    const r = parsePublishedValues(
      [HEADER, row(), row({ revision: '2', value: '2.5', released_on: '2024-01-10' })].join('\n'),
    );
    expect(r.ok && r.value.map((v) => [v.revision, v.value])).toEqual([
      [1, 2.3],
      [2, 2.5],
    ]);
  });
});

describe('data/sip-14th/published-values.csv', () => {
  const dataset = parseDataset(
    JSON.parse(readFileSync(new URL('../../data/sip-14th/dataset.json', import.meta.url), 'utf8')),
  );
  const plan = dataset.plans.find((p) => p.key === 'sip-14th')!;
  const known = new Map(plan.indicators.map((i) => [i.code, i.unit]));
  const text = readFileSync(new URL('../../data/sip-14th/published-values.csv', import.meta.url), 'utf8');

  it('parses against the plan: every code and unit is the plan’s', () => {
    const r = parsePublishedValues(text, known);
    if (!r.ok) throw r.error;
    expect(r.value.length).toBeGreaterThanOrEqual(25);
    const tableCodes = new Set(r.value.filter((v) => v.code.startsWith('T2-')).map((v) => v.code));
    expect(tableCodes.size).toBe(9);
    expect(r.value.find((v) => v.code === 'T2-01' && v.year === 2023)?.value).toBe(5.9);
  });

  it('is merged into dataset.json as published observations with their sources', () => {
    const published = plan.observations.filter((o) => o.source?.kind === 'published');
    const r = parsePublishedValues(text, known);
    if (!r.ok) throw r.error;
    expect(published.length).toBe(r.value.length);
    expect(published.every((o) => o.source?.title)).toBe(true);
    // A value without a release date comes from an undated page, and says so.
    const undated = published.filter((o) => o.source?.releasedOn === null);
    expect(undated.map((o) => `${o.code} ${o.year}`).sort()).toEqual([
      'T2-01 2021',
      'T2-07 2021',
      'X-001 2021',
      'X-002 2021',
    ]);
    expect(undated.every((o) => o.source?.basis?.includes('页面未署日期'))).toBe(true);
  });
});
