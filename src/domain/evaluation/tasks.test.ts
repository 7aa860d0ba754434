import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanNodeSpec } from '../plan.ts';
import { rollUp, taskTreeFromPlan } from './tasks.ts';
import type { TaskNodeInput, TaskReport } from './tasks.ts';

const task = (key: string, report: TaskReport | null, weight?: number): TaskNodeInput => ({
  key,
  kind: 'task',
  title: key,
  report,
  weight,
  children: [],
});
const node = (
  key: string,
  kind: TaskNodeInput['kind'],
  children: TaskNodeInput[],
  weight?: number,
): TaskNodeInput => ({ key, kind, title: key, weight, children });

describe('rollUp', () => {
  it('averages children with weights, up to the part', () => {
    const tree = [
      node('p', 'part', [
        node('c1', 'chapter', [
          task('t1', { status: 'completed', percent: 10 }),
          task('t2', { status: 'in_progress', percent: 40 }, 3),
        ]),
        node('c2', 'chapter', [task('t3', { status: 'not_started', percent: 0 })]),
      ]),
    ];
    const [p] = rollUp(tree);
    const [c1, c2] = p?.children ?? [];
    expect(c1?.percent).toBe(55); // (100·1 + 40·3) / 4
    expect(c2?.percent).toBe(0);
    expect(p?.percent).toBe(27.5);
    expect(p?.status).toBe('in_progress');
    expect(p?.counts).toEqual({ not_started: 1, in_progress: 1, completed: 1, delayed: 0, blocked: 0 });
  });

  it('status: blocked beats delayed beats the rest; all completed is completed', () => {
    const s = (...r: TaskReport[]) =>
      rollUp([
        node(
          'x',
          'section',
          r.map((x, i) => task(String(i), x)),
        ),
      ])[0]?.status;
    expect(
      s(
        { status: 'completed', percent: 100 },
        { status: 'delayed', percent: 20 },
        { status: 'blocked', percent: 0 },
      ),
    ).toBe('blocked');
    expect(s({ status: 'completed', percent: 100 }, { status: 'delayed', percent: 20 })).toBe('delayed');
    expect(s({ status: 'completed', percent: 100 }, { status: 'completed', percent: 100 })).toBe('completed');
    expect(s({ status: 'not_started', percent: 0 })).toBe('not_started');
  });

  it('unreported tasks are left out by default, or count as 0%', () => {
    const tree = [node('s', 'section', [task('a', { status: 'in_progress', percent: 60 }), task('b', null)])];
    expect(rollUp(tree)[0]?.percent).toBe(60);
    expect(rollUp(tree)[0]?.unreported).toBe(1);
    expect(rollUp(tree, { unreportedAsZero: true })[0]?.percent).toBe(30);
    expect(rollUp([node('e', 'section', [task('z', null)])])[0]?.percent).toBeNull();
  });

  it('clamps percentages and treats completed as 100', () => {
    const tree = [
      node('s', 'section', [
        task('a', { status: 'in_progress', percent: 140 }),
        task('b', { status: 'completed', percent: 5 }),
      ]),
    ];
    expect(rollUp(tree)[0]?.percent).toBe(100);
  });

  it('property: a parent lies between the smallest and largest child', () => {
    const leaf = fc.record({ p: fc.integer({ min: 0, max: 100 }), w: fc.integer({ min: 1, max: 5 }) });
    fc.assert(
      fc.property(fc.array(leaf, { minLength: 1, maxLength: 10 }), (leaves) => {
        const [s] = rollUp([
          node(
            's',
            'section',
            leaves.map((l, i) => task(String(i), { status: 'in_progress', percent: l.p }, l.w)),
          ),
        ]);
        const ps = leaves.map((l) => l.p);
        expect(s?.percent ?? -1).toBeGreaterThanOrEqual(Math.min(...ps) - 0.01);
        expect(s?.percent ?? 101).toBeLessThanOrEqual(Math.max(...ps) + 0.01);
      }),
    );
  });
});

describe('taskTreeFromPlan', () => {
  it('keys nodes by index path and drops boxes and empty headings', () => {
    const plan: PlanNodeSpec[] = [
      { kind: 'preamble', number: null, title: '序言', body: null, source: null, children: [] },
      {
        kind: 'part',
        number: '第一篇',
        title: 'P',
        body: null,
        source: null,
        children: [
          {
            kind: 'chapter',
            number: '第一章',
            title: 'C',
            body: null,
            source: null,
            children: [
              { kind: 'task', number: null, title: 'T', body: null, source: null, children: [] },
              { kind: 'box', number: '专栏1', title: 'B', body: null, source: null, children: [] },
            ],
          },
        ],
      },
    ];
    const tree = taskTreeFromPlan(plan, new Map([['1.0.0', { status: 'in_progress', percent: 50 }]]));
    expect(tree.map((n) => n.key)).toEqual(['1']);
    const [part] = rollUp(tree);
    expect(part?.percent).toBe(50);
    expect(part?.children[0]?.children.map((c) => c.key)).toEqual(['1.0.0']);
  });
});
