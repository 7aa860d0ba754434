import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/importers/import-plan.ts';
import type { PlanDocument } from '../../src/importers/plan-document.ts';
import { sharedFiles } from '../support/shared-files.ts';

/**
 * The national outlines as they come out of a narrow PDF column: the real ../shared texts re-wrapped
 * here, at run time, every N characters regardless of content (so headings, numbers and the title are
 * cut anywhere), with running titles and page numbers between pages, CRLF line ends and spaces inside
 * heading numbers. Each variant must give the tree and the title of the unwrapped text.
 */
const FILES = ['cn-12th-fyp-2011.txt', 'cn-11th-fyp-2006.txt'];

/** Every line cut into pieces of `width` characters (code points), whatever they contain. */
function rewrap(text: string, width: number): string {
  return text
    .split(/\r?\n/)
    .flatMap((line) => {
      const cs = [...line];
      const out: string[] = [];
      for (let i = 0; i < cs.length; i += width) out.push(cs.slice(i, i + width).join(''));
      return out.length === 0 ? [''] : out;
    })
    .join('\n');
}

/** A page break every `every` lines: the page number at the foot, the running title at the head. */
function withPages(text: string, runningTitle: string, every = 40): string {
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(line);
    if ((i + 1) % every === 0) {
      const page = (i + 1) / every;
      out.push('', page % 2 === 0 ? `- ${page} -` : `第 ${page} 页`, runningTitle, '');
    }
  });
  return out.join('\n');
}

/** `第三章` → `第 三 章`, as some viewers space out the characters of a heading number. */
function spacedHeadingNumbers(text: string): string {
  return text.replace(/第([一二三四五六七八九十]{1,3})([篇章节])/g, (_m, n: string, k: string) =>
    ['第', ...n, k].join(' '),
  );
}

interface Shape {
  counts: [number, number, number];
  headings: string[];
  meta: Pick<PlanDocument['meta'], 'title' | 'issuer' | 'period' | 'planNumber'>;
}

function shape(doc: PlanDocument): Shape {
  const chapters = doc.parts.flatMap((p) => p.chapters);
  const sections = chapters.flatMap((c) => c.sections);
  return {
    counts: [doc.parts.length, chapters.length + doc.chapters.length, sections.length],
    headings: doc.parts.flatMap((p) => [
      `${p.number} ${p.title}`,
      ...p.chapters.flatMap((c) => [
        `  ${c.number} ${c.title}`,
        ...c.sections.map((s) => `    ${s.number} ${s.title}`),
      ]),
    ]),
    meta: {
      title: doc.meta.title,
      issuer: doc.meta.issuer,
      period: doc.meta.period,
      planNumber: doc.meta.planNumber,
    },
  };
}

const load = (text: string): PlanDocument =>
  importPlan({ bytes: new TextEncoder().encode(text), filename: 'plan.txt' });

for (const file of FILES) {
  const {
    paths: [path = ''],
    present,
    skipped,
  } = sharedFiles(`plans/${file}`);
  describe.skipIf(!present)(`hard-wrapped copies of ${file}${skipped}`, () => {
    const original = present ? readFileSync(path, 'utf8') : '';
    const base = present ? shape(load(original)) : (null as never);
    const variants: [string, () => string][] = [
      ...[30, 37, 45].map((w): [string, () => string] => [`wrapped at ${w}`, () => rewrap(original, w)]),
      [
        'wrapped at 37, page numbers and running titles',
        () => withPages(rewrap(original, 37), base.meta.title),
      ],
      ['wrapped at 30, pages every 25 lines', () => withPages(rewrap(original, 30), base.meta.title, 25)],
      ['wrapped at 37, CRLF', () => rewrap(original, 37).replace(/\n/g, '\r\n')],
      ['wrapped at 37, spaces inside heading numbers', () => spacedHeadingNumbers(rewrap(original, 37))],
      ['spaces inside heading numbers, not wrapped', () => spacedHeadingNumbers(original)],
      [
        'wrapped at 45, all of it: pages, spaced numbers, CRLF',
        () => withPages(spacedHeadingNumbers(rewrap(original, 45)), base.meta.title).replace(/\n/g, '\r\n'),
      ],
    ];

    it('the unwrapped text gives the counts read from the document', () => {
      expect(base.counts).toEqual(file.includes('12th') ? [16, 62, 167] : [14, 48, 142]);
    });

    for (const [name, make] of variants) {
      it(`${name}: the same 篇/章/节, headings and title as the unwrapped text`, () => {
        const got = shape(load(make()));
        expect(got.counts).toEqual(base.counts);
        expect(got.meta).toEqual(base.meta);
        expect(got.headings).toEqual(base.headings);
      });
    }
  });
}
