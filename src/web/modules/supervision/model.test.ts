import { describe, expect, it } from 'vitest';
import type { Warning } from './api.ts';
import { groupWarnings } from './model.ts';

const w = (id: string, subjectId: string, kind: string, level: 'red' | 'yellow', active = true): Warning => ({
  id,
  kind,
  kindTitle: { zh: kind, en: kind },
  subjectType: 'indicator',
  subjectId,
  key: '',
  title: `T ${subjectId}`,
  link: `/indicators/${subjectId}`,
  department: { code: 'KJJ', name: 'Science' },
  level,
  reason: { zh: 'r', en: 'r' },
  raisedAt: `2026-12-0${id.length}T00:00:00Z`,
  clearedAt: active ? null : '2026-12-01T00:00:00Z',
  active,
});

describe('groupWarnings', () => {
  it('gives one row per item with its worst level, red items first, cleared ones left out', () => {
    const groups = groupWarnings([
      w('a', 'x', 'indicator_lagging', 'yellow'),
      w('b', 'y', 'value_unreported', 'yellow'),
      w('cc', 'x', 'schedule_gap', 'red'),
      w('d', 'z', 'schedule_gap', 'red', false),
    ]);
    expect(groups.map((g) => [g.subjectId, g.level, g.items.map((i) => i.kind)])).toEqual([
      ['x', 'red', ['schedule_gap', 'indicator_lagging']],
      ['y', 'yellow', ['value_unreported']],
    ]);
  });
});
