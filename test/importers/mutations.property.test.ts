import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isLantuError } from '../../src/domain/errors.ts';
import { importPlan } from '../../src/importers/import-plan.ts';
import { planDocumentSchema } from '../../src/importers/plan-document.ts';
import { parseQuantity } from '../../src/domain/quantity-parser.ts';
import { buildDocxFixture } from '../support/docx-fixtures.ts';
import { sipOutlineBytes } from './support.ts';

const outline = new TextDecoder().decode(sipOutlineBytes());
const lines = outline.split('\n');
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/**
 * Imports mutated input: either a valid plan document comes back, or a LantuError that is not
 * "internal" (an internal error would mean the importer itself broke). Each import stays under 1 s.
 */
function importSafely(bytes: Uint8Array, filename: string): void {
  const t0 = performance.now();
  try {
    const doc = importPlan({ bytes, filename });
    expect(planDocumentSchema.safeParse(doc).success).toBe(true);
  } catch (e) {
    if (!isLantuError(e)) throw new Error(`untyped exception: ${String(e)}`, { cause: e });
    expect(e.code).not.toBe('internal');
  }
  expect(performance.now() - t0).toBeLessThan(1000);
}

const lineIndex = fc.integer({ min: 0, max: lines.length - 1 });
const RUNS = { numRuns: 40 };

describe('property: mutated copies of the outline never make the importer crash', () => {
  it('dropped lines', () => {
    fc.assert(
      fc.property(fc.uniqueArray(lineIndex, { maxLength: 200 }), (drop) => {
        const gone = new Set(drop);
        importSafely(enc(lines.filter((_, i) => !gone.has(i)).join('\n')), 'plan.txt');
      }),
      RUNS,
    );
  });

  it('duplicated lines', () => {
    fc.assert(
      fc.property(fc.array(lineIndex, { maxLength: 100 }), (dups) => {
        const copy = [...lines];
        for (const i of dups.sort((a, b) => b - a)) copy.splice(i, 0, lines[i] ?? '');
        importSafely(enc(copy.join('\n')), 'plan.txt');
      }),
      RUNS,
    );
  });

  it('shuffled lines', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(lineIndex, lineIndex), { maxLength: 300 }), (swaps) => {
        const copy = [...lines];
        for (const [a, b] of swaps) [copy[a], copy[b]] = [copy[b] ?? '', copy[a] ?? ''];
        importSafely(enc(copy.join('\n')), 'plan.txt');
      }),
      RUNS,
    );
  });

  it('random bytes written over the text', () => {
    const base = sipOutlineBytes();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 50,
        }),
        (edits) => {
          const copy = base.slice();
          for (const [at, byte] of edits) copy[at] = byte;
          importSafely(copy, 'plan.txt');
        },
      ),
      RUNS,
    );
  });

  it('random characters inserted (brackets, tabs, headings, numbers)', () => {
    const junk = fc.constantFrom(
      '[',
      ']',
      '\t',
      '\n',
      '\n\n',
      '第三章 ',
      '表3 ',
      '专栏9 ',
      '图4 ',
      '[footnoteRef:9]',
      '[7: ',
      '[image: ',
      '。',
      '：',
      '100%',
      '到2025年，',
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: outline.length }), junk), { minLength: 1, maxLength: 60 }),
        (inserts) => {
          let s = outline;
          for (const [at, j] of inserts.sort((a, b) => b[0] - a[0])) s = s.slice(0, at) + j + s.slice(at);
          importSafely(enc(s), 'plan.txt');
        },
      ),
      RUNS,
    );
  });

  it('truncation anywhere', () => {
    const base = sipOutlineBytes();
    fc.assert(
      fc.property(fc.nat({ max: base.length }), (n) => {
        importSafely(base.subarray(0, n), 'plan.txt');
      }),
      RUNS,
    );
  });

  it('arbitrary bytes as .txt, .md and .docx', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 4096 }),
        fc.constantFrom('x.txt', 'x.md', 'x.docx', 'x'),
        (bytes, name) => {
          importSafely(bytes, name);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('property: corrupted .docx', () => {
  let docx: Uint8Array;
  beforeAll(async () => {
    docx = await buildDocxFixture(importPlan({ bytes: sipOutlineBytes(), filename: 'p.txt' }), 'styled');
  });

  it('flipped bytes and truncation give a plan or a typed error', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 1_000_000 }), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
        fc.option(fc.nat({ max: 1_000_000 })),
        (edits, cut) => {
          const copy = docx.slice();
          for (const [at, byte] of edits) copy[at % copy.length] = byte;
          importSafely(cut === null ? copy : copy.subarray(0, cut % copy.length), 'plan.docx');
        },
      ),
      RUNS,
    );
  });
});

describe('property: value parser', () => {
  it('never throws and keeps raw verbatim (trimmed)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const q = parseQuantity(s);
        expect(q.raw).toBe(s.trim());
        if (q.comparator === 'text' || q.comparator === 'none') expect(q.value).toBeNull();
        else expect(Number.isFinite(q.value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('reads plain numbers, ranges and bounds exactly', () => {
    const n = fc.double({ min: 0, max: 1e6, noNaN: true }).map((x) => Math.round(x * 100) / 100);
    fc.assert(
      fc.property(n, n, (a, b) => {
        expect(parseQuantity(String(a))).toMatchObject({ comparator: 'eq', value: a });
        expect(parseQuantity(`${a}以上`)).toMatchObject({ comparator: 'gte', low: a });
        expect(parseQuantity(`<${a}`)).toMatchObject({ comparator: 'lt', high: a });
        expect(parseQuantity(`${a}-${b}`)).toMatchObject({
          comparator: 'range',
          low: Math.min(a, b),
          high: Math.max(a, b),
        });
      }),
      { numRuns: 300 },
    );
  });
});
