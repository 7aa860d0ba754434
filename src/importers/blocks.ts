/**
 * The reader-neutral form every input is turned into before the plan structure is recognised:
 * .txt, .md and .docx readers each produce a list of blocks; `buildPlanDocument` reads them.
 */
export type Block = ParaBlock | TableBlock | BreakBlock;

export interface ParaBlock {
  type: 'para';
  /** Whitespace-trimmed text with conversion artefacts removed; lines broken mid-sentence joined. */
  text: string;
  source: string;
  /** Heading level from the paragraph style (Heading 1-3 / 标题 1-3 / Markdown #); null if none. */
  styleLevel: number | null;
  /** A hint only (e.g. the `_WPSOffice_LevelN` bookmark of a .txt conversion); never trusted alone. */
  levelHint: number | null;
  /** The style says Title (文档标题). */
  isTitle: boolean;
  footnoteRefs: number[];
}

export interface TableBlock {
  type: 'table';
  rows: string[][];
  rowSources: string[];
  source: string;
}

/** An explicit end of a run of paragraphs (blank lines after a box in .txt). */
export interface BreakBlock {
  type: 'break';
  source: string;
}

export interface RawFootnote {
  number: number;
  text: string;
  source: string;
}

export interface ReadResult {
  blocks: Block[];
  footnotes: RawFootnote[];
  /** Unit of `source` strings: "line" (.txt/.md), "paragraph" (.docx) or "page" (.pdf: "page 3"). */
  sourceUnit: 'line' | 'paragraph' | 'page';
  warnings: { source: string | null; message: string }[];
  /** Contents (目录) pages a reader recognised by their layout and left out (.pdf). */
  contentsSkipped?: { source: string; entries: number } | null;
}

export function para(
  text: string,
  source: string,
  extra: Partial<Omit<ParaBlock, 'type' | 'text' | 'source'>> = {},
): ParaBlock {
  return {
    type: 'para',
    text,
    source,
    styleLevel: extra.styleLevel ?? null,
    levelHint: extra.levelHint ?? null,
    isTitle: extra.isTitle ?? false,
    footnoteRefs: extra.footnoteRefs ?? [],
  };
}
