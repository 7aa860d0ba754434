/**
 * Fonts for server-side charts. resvg-js re-reads a font file for every text element it shapes
 * (thx/resvg-js#367), which costs ≈ 10–30 ms per label with a 19 MB CJK collection. So charts ask for a small
 * Latin font first (digits and Latin letters come from it) and fall back to one CJK font for Chinese; both are
 * found once per process. Without a CJK font, charts fall back to the system fonts and Chinese labels may be
 * missing — the caller gets a warning, the report is still written.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface ChartFonts {
  /** Font files to load; empty = let resvg load the system fonts. */
  files: string[];
  /** The font-family list charts ask for (Latin first, then CJK). */
  family: string;
  /** Set when no CJK font was found. */
  warning: string | null;
}

/** Preferred CJK fonts, best first: file-name pattern and the family it provides. */
const CANDIDATES: { pattern: RegExp; family: string }[] = [
  { pattern: /^NotoSansCJK(sc)?-Regular\.(ttc|otf)$/i, family: 'Noto Sans CJK SC' },
  { pattern: /^NotoSansSC-Regular\.(otf|ttf)$/i, family: 'Noto Sans SC' },
  { pattern: /^SourceHanSans(SC|CN)?-Regular\.(ttc|otf)$/i, family: 'Source Han Sans SC' },
  { pattern: /^NotoSerifCJK(sc)?-Regular\.(ttc|otf)$/i, family: 'Noto Serif CJK SC' },
  { pattern: /^wqy-microhei\.ttc$/i, family: 'WenQuanYi Micro Hei' },
  { pattern: /^wqy-zenhei\.ttc$/i, family: 'WenQuanYi Zen Hei' },
  { pattern: /^msyh\.(ttc|ttf)$/i, family: 'Microsoft YaHei' },
  { pattern: /^simhei\.ttf$/i, family: 'SimHei' },
  { pattern: /^PingFang\.ttc$/i, family: 'PingFang SC' },
  { pattern: /^DroidSansFallback(Full)?\.ttf$/i, family: 'Droid Sans Fallback' },
];

/** Small Latin fonts, best first. */
const LATIN: { pattern: RegExp; family: string }[] = [
  { pattern: /^DejaVuSans\.ttf$/i, family: 'DejaVu Sans' },
  { pattern: /^LiberationSans-Regular\.ttf$/i, family: 'Liberation Sans' },
  { pattern: /^arial\.ttf$/i, family: 'Arial' },
  { pattern: /^Helvetica\.ttc$/i, family: 'Helvetica' },
];

function fontDirs(): string[] {
  const home = homedir();
  return [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    join(home, '.local/share/fonts'),
    join(home, '.fonts'),
    '/System/Library/Fonts',
    '/Library/Fonts',
    'C:\\Windows\\Fonts',
  ];
}

function walk(dir: string, depth: number, out: string[]): void {
  if (depth < 0 || out.length > 5000) return;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const p = join(dir, name);
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      continue;
    }
    if (isDir) walk(p, depth - 1, out);
    else out.push(p);
  }
}

export function findChartFonts(
  env: NodeJS.ProcessEnv = process.env,
  dirs: string[] = fontDirs(),
): ChartFonts {
  const override = env.LANTU_CHART_FONT;
  if (override !== undefined && override !== '') {
    const files = override.split(delimiter).filter((f) => existsSync(f));
    if (files.length > 0)
      return { files, family: env.LANTU_CHART_FONT_FAMILY ?? 'sans-serif', warning: null };
  }
  const all: string[] = [];
  for (const d of dirs) walk(d, 4, all);
  const find = (list: { pattern: RegExp; family: string }[]) => {
    for (const c of list) {
      const file = all.find((f) => c.pattern.test(f.split(/[\\/]/).pop() ?? ''));
      if (file !== undefined) return { file, family: c.family };
    }
    return null;
  };
  const cjk = find(CANDIDATES);
  const latin = find(LATIN);
  if (cjk !== null) {
    return latin !== null
      ? { files: [latin.file, cjk.file], family: `${latin.family}, ${cjk.family}`, warning: null }
      : { files: [cjk.file], family: cjk.family, warning: null };
  }
  return {
    files: [],
    family: 'sans-serif',
    warning:
      'no CJK font found (install fonts-noto-cjk or set LANTU_CHART_FONT): Chinese text in charts may be missing',
  };
}

let cached: ChartFonts | null = null;

/** findChartFonts, once per process. */
export function chartFonts(): ChartFonts {
  cached ??= findChartFonts();
  return cached;
}
