import { describe, expect, it } from 'vitest';
import type { Observation } from '../../lib/types.ts';
import { valueRecords } from './revisions.ts';

const obs = (over: Partial<Observation>): Observation => ({
  id: `id-${over.period ?? '2023'}-${over.version ?? 1}`,
  indicatorId: 'i',
  period: '2023',
  year: 2023,
  kind: 'actual',
  value: 1,
  text: null,
  status: 'approved',
  version: 1,
  note: null,
  correctionReason: null,
  returnReason: null,
  createdByEmail: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  submittedByEmail: null,
  submittedAt: null,
  approvedByEmail: null,
  approvedAt: null,
  provenance: {
    kind: 'entered',
    title: null,
    url: null,
    quote: null,
    releasedOn: null,
    basis: null,
    enteredBy: null,
    revision: 1,
  },
  ...over,
});

describe('valueRecords', () => {
  it('groups versions by period, newest period and newest version first, saying what each correction changed', () => {
    const records = valueRecords([
      obs({ period: '2022', value: 4 }),
      obs({ period: '2023', version: 2, value: 6.1, correctionReason: '统计局更正' }),
      obs({ period: '2023', version: 1, value: 5.9 }),
      obs({ period: '2023', version: 3, value: 6.1, note: 'only the note' }),
    ]);
    expect(records.map((r) => [r.period, r.latest.version])).toEqual([
      ['2023', 3],
      ['2022', 1],
    ]);
    const r2023 = records[0]!.revisions;
    expect(r2023.map((r) => [r.observation.version, r.previous?.value ?? null, r.changed])).toEqual([
      [3, 6.1, false],
      [2, 5.9, true],
      [1, null, false],
    ]);
  });

  it('keeps a period’s actual and assigned values apart and compares text values', () => {
    const records = valueRecords([
      obs({ kind: 'assigned', value: 10 }),
      obs({ value: null, text: '约12' }),
      obs({ version: 2, value: null, text: '约13' }),
    ]);
    expect(records.map((r) => [r.kind, r.revisions.length])).toEqual([
      ['actual', 2],
      ['assigned', 1],
    ]);
    expect(records[0]!.revisions[0]!.changed).toBe(true);
  });
});
