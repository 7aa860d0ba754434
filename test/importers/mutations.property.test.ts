import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isLantuError } from '../../src/domain/errors.ts';
import { importPlan, importPlanAsync } from '../../src/importers/import-plan.ts';
import { planDocumentSchema } from '../../src/importers/plan-document.ts';
import { parseQuantity } from '../../src/domain/quantity-parser.ts';
import { buildDocxFixture } from '../support/docx-fixtures.ts';
import { buildPdf } from '../support/pdf-fixtures.ts';
import { HAVE_SIP_OUTLINE, NEEDS_SIP_OUTLINE, sipOutlineBytes } from './support.ts';

const outline = new TextDecoder().decode(sipOutlineBytes());
const lines = outline.split('\n');
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/**
 * Imports mutated input: either a valid plan document comes back, or a LantuError that is not
 * "internal" (an internal error would mean the importer itself broke). How long an import takes is
 * measured in bench/import.bench.ts, not asserted here.
 */
function importSafely(bytes: Uint8Array, filename: string): void {
  try {
    const doc = importPlan({ bytes, filename });
    expect(planDocumentSchema.safeParse(doc).success).toBe(true);
  } catch (e) {
    if (!isLantuError(e)) throw new Error(`untyped exception: ${String(e)}`, { cause: e });
    expect(e.code).not.toBe('internal');
  }
}

const lineIndex = fc.integer({ min: 0, max: lines.length - 1 });
const RUNS = { numRuns: 40 };

describe.skipIf(!HAVE_SIP_OUTLINE)(
  `property: mutated copies of the outline never make the importer crash${NEEDS_SIP_OUTLINE}`,
  () => {
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
  },
);

/** What text extracted from a PDF does to an outline (see issue 14), applied at random places. */
const FULL_WIDTH = (s: string): string =>
  s.replace(/[0-9.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const noise = {
  /** The line break after line i is lost: a heading runs into its body, or two paragraphs into one. */
  joinLines: (ls: string[], i: number): string[] =>
    i + 1 < ls.length ? [...ls.slice(0, i), `${ls[i] ?? ''}${ls[i + 1] ?? ''}`, ...ls.slice(i + 2)] : ls,
  /** A heading (or any line) is broken in two at character k. */
  splitLine: (ls: string[], i: number, k: number): string[] => {
    const l = ls[i] ?? '';
    const at = k % Math.max(1, l.length);
    return [...ls.slice(0, i), l.slice(0, at), l.slice(at), ...ls.slice(i + 1)];
  },
  /** Spaces between the digits of numbers and before 年 / %: "2 025 年", "6. 5 %". */
  spaceNumbers: (ls: string[], i: number): string[] =>
    ls.map((l, j) => (j === i ? l.replace(/(\d)(?=[\d.年%])/g, '$1 ') : l)),
  /** Full-width digits and punctuation: ２０２５年，６．５％. */
  fullWidth: (ls: string[], i: number): string[] => ls.map((l, j) => (j === i ? FULL_WIDTH(l) : l)),
  /** Hard wraps every n characters, as a viewer copies a page. */
  hardWrap: (ls: string[], i: number, k: number): string[] => {
    const l = ls[i] ?? '';
    const n = 20 + (k % 40);
    const parts: string[] = [];
    for (let at = 0; at < l.length; at += n) parts.push(l.slice(at, at + n));
    return [...ls.slice(0, i), ...(parts.length > 0 ? parts : ['']), ...ls.slice(i + 1)];
  },
  /** A running title and page number repeated where a page broke. */
  runningTitle: (ls: string[], i: number, k: number): string[] => [
    ...ls.slice(0, i),
    '苏州工业园区“十四五”规划纲要',
    `— ${k % 300} —`,
    ...ls.slice(i),
  ],
} as const;
type Noise = keyof typeof noise;
const noiseKinds = Object.keys(noise) as Noise[];

describe.skipIf(!HAVE_SIP_OUTLINE)(
  `property: PDF-extraction noise never makes the importer throw an untyped error${NEEDS_SIP_OUTLINE}`,
  () => {
    const headingLines = lines.flatMap((l, i) => (/^\s*第.{1,6}[篇章节]/.test(l) ? [i] : []));
    const edit = fc.tuple(fc.constantFrom(...noiseKinds), lineIndex, fc.nat({ max: 10_000 }));

    function apply(edits: [Noise, number, number][]): string {
      let ls = [...lines];
      for (const [kind, i, k] of edits) ls = noise[kind](ls, i % Math.max(1, ls.length), k);
      return ls.join('\n');
    }

    for (const kind of noiseKinds) {
      it(kind, () => {
        fc.assert(
          fc.property(
            fc.array(fc.tuple(lineIndex, fc.nat({ max: 10_000 })), { minLength: 1, maxLength: 80 }),
            (at) => {
              importSafely(enc(apply(at.map(([i, k]) => [kind, i, k]))), 'plan.txt');
            },
          ),
          { numRuns: 25 },
        );
      });
    }

    it('headings split and joined to their neighbours', () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.constantFrom(...headingLines), fc.nat({ max: 30 }), fc.boolean()), {
            minLength: 1,
            maxLength: 40,
          }),
          (at) => {
            const edits: [Noise, number, number][] = at
              .sort((a, b) => b[0] - a[0])
              .map(([i, k, join]) => [join ? 'joinLines' : 'splitLine', i, k]);
            importSafely(enc(apply(edits)), 'plan.txt');
          },
        ),
        { numRuns: 25 },
      );
    });

    it('every kind of noise at once, over the whole text', () => {
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 150 }), fc.boolean(), (edits, everywhere) => {
          const text = apply(edits);
          importSafely(enc(everywhere ? FULL_WIDTH(text.replace(/(\d)(?=\d)/g, '$1 ')) : text), 'plan.txt');
        }),
        { numRuns: 25 },
      );
    });
  },
);

describe.skipIf(!HAVE_SIP_OUTLINE)(`property: corrupted .docx${NEEDS_SIP_OUTLINE}`, () => {
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

describe('property: corrupted .pdf', () => {
  const pdf = buildPdf({
    pages: [
      ['某区国民经济和社会发展第十五个五年规划纲要', '第一章 发展基础', '全区经济稳步增长。'],
      ['第二章 主要目标', '第一节 经济发展', '到2030年，地区生产总值达到3000亿元。'],
    ],
  });

  it('flipped bytes and truncation give a plan or a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: pdf.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          maxLength: 20,
        }),
        fc.option(fc.nat({ max: pdf.length })),
        async (edits, cut) => {
          const copy = pdf.slice();
          for (const [at, byte] of edits) copy[at] = byte;
          const bytes = cut === null ? copy : copy.subarray(0, Math.max(8, cut));
          try {
            const doc = await importPlanAsync({ bytes, filename: 'plan.pdf' });
            expect(planDocumentSchema.safeParse(doc).success).toBe(true);
          } catch (e) {
            if (!isLantuError(e)) throw new Error(`untyped exception: ${String(e)}`, { cause: e });
            expect(e.code, e.message).not.toBe('internal');
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
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
