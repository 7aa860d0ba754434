import { z } from 'zod';
import { quantitySchema } from '../domain/dataset.ts';
import { ATTRIBUTES, DIRECTIONS, TARGET_KINDS } from '../domain/indicator.ts';

/**
 * The plan document: what `lantu import FILE --json` prints and what the importer hands to the
 * Dataset conversion. Documented in docs/plan-format.md. Keys are emitted in a fixed order, so the
 * JSON is stable for the same input.
 */

export const PLAN_DOCUMENT_FORMAT = 'lantu.plan-document/1' as const;

export const sourceSchema = z
  .string()
  .describe('Where it came from: "line 554" (.txt/.md) or "paragraph 120" (.docx)');

const nodeBase = {
  /** Stable id within the document: "preamble", "P1", "C3", "C3.S4", "C3.S4.T2". */
  id: z.string(),
  /** As printed: "第一篇", "第17章", "第4节"; null when the heading had no number. */
  number: z.string().nullable(),
  /** The number as an integer (17 for 第十七章 or 第17章); null when unnumbered. */
  ordinal: z.number().int().nullable(),
  title: z.string(),
  /** Paragraphs of the node that are not tasks (the intro paragraph, or every paragraph of a section without lead phrases). */
  paragraphs: z.array(z.string()),
  source: sourceSchema,
};

export const taskSchema = z.object({
  id: z.string(),
  /** The lead phrase, without its full stop: "聚力推动产业集群发展". */
  title: z.string(),
  /** The rest of the lead paragraph. */
  text: z.string(),
  /** Further paragraphs without a lead phrase that follow the task inside the same node. */
  paragraphs: z.array(z.string()),
  source: sourceSchema,
});
export type PlanTask = z.infer<typeof taskSchema>;

export const sectionSchema = z.object({ ...nodeBase, tasks: z.array(taskSchema) });
export type PlanSection = z.infer<typeof sectionSchema>;

export const chapterSchema = z.object({
  ...nodeBase,
  tasks: z.array(taskSchema),
  sections: z.array(sectionSchema),
});
export type PlanChapter = z.infer<typeof chapterSchema>;

export const partSchema = z.object({ ...nodeBase, chapters: z.array(chapterSchema) });
export type PlanPart = z.infer<typeof partSchema>;

export const preambleSchema = z.object({
  id: z.literal('preamble'),
  title: z.string(),
  paragraphs: z.array(z.string()),
  tasks: z.array(taskSchema),
  source: sourceSchema,
});
export type PlanPreamble = z.infer<typeof preambleSchema>;

export const boxItemSchema = z.object({
  label: z.string().nullable(),
  text: z.string(),
  source: sourceSchema,
});
export const boxSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  items: z.array(boxItemSchema),
  nodeId: z.string(),
  source: sourceSchema,
});
export type PlanBox = z.infer<typeof boxSchema>;

export const figureSchema = z.object({
  number: z.number().int(),
  caption: z.string(),
  nodeId: z.string(),
  source: sourceSchema,
});
export type PlanFigure = z.infer<typeof figureSchema>;

export const footnoteSchema = z.object({
  number: z.number().int(),
  text: z.string(),
  /** The node whose text carries the anchor ([footnoteRef:N] / w:footnoteReference). */
  nodeId: z.string(),
  source: sourceSchema,
});
export type PlanFootnote = z.infer<typeof footnoteSchema>;

export const VALUE_ROLES = ['baseline', 'target', 'actual'] as const;
export type ValueRole = (typeof VALUE_ROLES)[number];

export const tableColumnSchema = z.object({
  header: z.string(),
  /**
   * growth: the national layout's 年均/累计 column (a target when the target-year cell is empty);
   * status: 完成情况 text of a previous plan; unit: a separate 单位 column.
   */
  role: z.enum([
    'category',
    'number',
    'name',
    'unit',
    'attribute',
    'baseline',
    'target',
    'growth',
    'actual',
    'status',
    'other',
  ]),
  year: z.number().int().nullable(),
});

export const kindGuessSchema = z.object({
  kind: z.enum(TARGET_KINDS),
  direction: z.enum(DIRECTIONS),
  /** The rule that fired, e.g. "target 左右 → about". */
  rule: z.string(),
});
export type KindGuess = z.infer<typeof kindGuessSchema>;

export const tableRowSchema = z.object({
  category: z.string().nullable(),
  number: z.number().int().nullable(),
  /** The indicator name without its trailing unit. */
  name: z.string(),
  unit: z.string().nullable(),
  baseline: quantitySchema.nullable(),
  target: quantitySchema.nullable(),
  actual: quantitySchema.nullable(),
  attribute: z.enum(ATTRIBUTES).nullable(),
  inferred: kindGuessSchema,
  /** 完成情况 of a previous plan as written (已完成 / 未完成 …); null when the table has none. */
  status: z.string().nullable().optional(),
  /** The table note a * in the row refers to ("带*的为2019年数据"); null when unstarred. */
  note: z.string().nullable().optional(),
  source: sourceSchema,
});
export type PlanTableRow = z.infer<typeof tableRowSchema>;

export const tableSchema = z.object({
  number: z.number().int(),
  caption: z.string(),
  header: z.array(z.string()),
  columns: z.array(tableColumnSchema),
  /** "main": the plan's own indicator table; "previous-results": targets + results of the previous plan. */
  role: z.enum(['main', 'previous-results', 'other']),
  /** The plan period the table's targets belong to. */
  period: z.object({ start: z.number().int(), end: z.number().int() }),
  baselineYear: z.number().int().nullable(),
  targetYear: z.number().int().nullable(),
  actualYear: z.number().int().nullable(),
  rows: z.array(tableRowSchema),
  /** The table's own 注 lines. */
  notes: z.array(z.string()).optional(),
  nodeId: z.string(),
  source: sourceSchema,
});
export type PlanTable = z.infer<typeof tableSchema>;

export const proseTargetSchema = z.object({
  /** The target as written, from the metric to the unit: "生物医药产业规模达2000亿元". */
  text: z.string(),
  /** The whole sentence it was found in. */
  sentence: z.string(),
  metric: z.string(),
  /** The verb or qualifier that sets the comparator: 达, 突破, 累计不少于, 以上 … */
  verb: z.string().nullable(),
  value: quantitySchema,
  unit: z.string().nullable(),
  year: z.number().int(),
  inferred: kindGuessSchema,
  /**
   * Set when the target is a change from the baseline rather than a value to reach: 提高4个百分点
   * (add 4), 再提高1岁 (add 1), 降低30吨 (subtract 30), 翻一番 (multiply by 2); null otherwise.
   */
  change: z.object({ by: z.enum(['add', 'subtract', 'multiply']), amount: z.number() }).nullable(),
  nodeId: z.string(),
  /** Set when the target sits in a box (专栏 N). */
  boxNumber: z.number().int().nullable(),
  source: sourceSchema,
});
export type ProseTarget = z.infer<typeof proseTargetSchema>;

export const warningSchema = z.object({ source: sourceSchema.nullable(), message: z.string() });
export type ImportWarning = z.infer<typeof warningSchema>;

const located = { text: z.string(), source: sourceSchema };
export const importReportSchema = z.object({
  /** The script of the input; traditional script is parsed through a simplified copy, text kept as written. */
  script: z.enum(['simplified', 'traditional']),
  /** The table of contents (目录) that was recognised and skipped, or null. */
  contentsSkipped: z.object({ source: sourceSchema, entries: z.number().int() }).nullable(),
  /** Headings found per level, with numbering gaps ("第三章 missing between 第二章 and 第四章"). */
  headings: z.array(
    z.object({
      level: z.enum(['part', 'chapter', 'section']),
      count: z.number().int(),
      gaps: z.array(z.string()),
    }),
  ),
  /** Tables whose columns were not (fully) understood. */
  tablesNotUnderstood: z.array(
    z.object({
      table: z.number().int().nullable(),
      caption: z.string(),
      problem: z.string(),
      source: sourceSchema,
    }),
  ),
  /** Indicator-table rows that state no target. */
  rowsWithoutTarget: z.array(z.object({ table: z.number().int(), name: z.string(), source: sourceSchema })),
  /** Stated targets (verb + number) with no year in reach: not taken as targets. */
  targetsWithoutYear: z.array(z.object(located)),
  /** Text blocks that look like headings (第…章 at the start, short) but were not taken as headings. */
  headingLike: z.array(z.object(located)),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const planDocumentSchema = z.object({
  format: z.literal(PLAN_DOCUMENT_FORMAT),
  meta: z.object({
    title: z.string(),
    /** Where the title was found: "heading", "preamble", "filename" or "default". */
    titleSource: z.enum(['heading', 'preamble', 'filename', 'default']),
    issuer: z.string().nullable(),
    period: z.object({ start: z.number().int(), end: z.number().int() }),
    visionYear: z.number().int().nullable(),
    /** 14 for the 14th five-year plan; null when not a numbered five-year plan. */
    planNumber: z.number().int().nullable(),
    sourceFormat: z.enum(['txt', 'md', 'docx', 'pdf']),
  }),
  preamble: preambleSchema.nullable(),
  parts: z.array(partSchema),
  /** Chapters that are not inside any part (plans without 篇). */
  chapters: z.array(chapterSchema),
  tables: z.array(tableSchema),
  boxes: z.array(boxSchema),
  figures: z.array(figureSchema),
  footnotes: z.array(footnoteSchema),
  targets: z.array(proseTargetSchema),
  warnings: z.array(warningSchema),
  /** What the user should check before saving: see docs/plan-format.md. */
  report: importReportSchema,
});
export type PlanDocument = z.infer<typeof planDocumentSchema>;
