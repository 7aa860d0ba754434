/** Number display: at most 2 decimals, thousands separators, em dash for missing. */
export function fmt(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return n.toLocaleString('zh-CN', { maximumFractionDigits: digits });
}

export function pct(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(0)}%`;
}

export function withUnit(n: number | null | undefined, unit: string | null | undefined): string {
  const s = fmt(n);
  return s === '—' || !unit ? s : `${s} ${unit}`;
}
