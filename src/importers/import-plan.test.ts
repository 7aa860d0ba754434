import { describe, expect, it } from 'vitest';
import { isLantuError, type LantuError } from '../domain/errors.ts';
import { importPlan, MAX_BLOCKS, MAX_LINES, MAX_NODES } from './import-plan.ts';
import { planDocumentToDataset } from './to-dataset.ts';

const TITLE = '某区国民经济和社会发展第十五个五年规划纲要（2026—2030年）';

function outline(chapters: number, body = true): Uint8Array {
  const lines = [TITLE, ''];
  for (let i = 1; i <= chapters; i++) {
    lines.push(`第${i}章 第${i}项工作`);
    if (body) lines.push(`推进第${i}项工作。`);
  }
  return new TextEncoder().encode(lines.join('\n'));
}

function refusal(f: () => unknown): LantuError {
  try {
    f();
  } catch (e) {
    if (isLantuError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

// Issue 12, break 3: a 130,000-chapter outline answered 500 (Maximum call stack size exceeded in
// to-dataset.ts). Both tests failed before the fix: the import went through to the stack overflow.
describe('outlines far past any plan', () => {
  it('refuses a 130,000-chapter outline with payload_too_large naming the cap', () => {
    const lines = refusal(() => importPlan({ bytes: outline(130_000), filename: 'huge.txt' }));
    expect(lines.code).toBe('payload_too_large');
    expect(lines.details).toEqual({ limit: 'lines', max: MAX_LINES });
    expect(lines.message).toContain(String(MAX_LINES));
    const headings = refusal(() => importPlan({ bytes: outline(130_000, false), filename: 'huge.txt' }));
    expect(headings.code).toBe('payload_too_large');
    expect(headings.details).toEqual({ limit: 'paragraphs', max: MAX_BLOCKS });
    expect(headings.message).toContain(String(MAX_BLOCKS));
  });

  it('refuses more headings than the node cap', () => {
    const e = refusal(() => importPlan({ bytes: outline(MAX_NODES + 1, false), filename: 'many.txt' }));
    expect(e.code).toBe('payload_too_large');
    expect(e.details).toEqual({ limit: 'nodes', max: MAX_NODES });
  });

  it('builds the dataset of a document with 130,000 chapters without recursion over them', () => {
    const doc = importPlan({ bytes: outline(2), filename: 'two.txt' });
    const [first] = doc.chapters;
    if (!first) throw new Error('no chapter read');
    const chapters = Array.from({ length: 130_000 }, (_, i) => ({
      ...first,
      id: `C${i + 1}`,
      number: `第${i + 1}章`,
      source: `line ${i + 3}`,
      sections: [],
      tasks: [],
    }));
    const dataset = planDocumentToDataset({ ...doc, chapters });
    expect(dataset.plans[0]?.nodes).toHaveLength(130_000);
    expect(dataset.plans[0]?.nodes[129_999]?.number).toBe('第130000章');
  });
});
