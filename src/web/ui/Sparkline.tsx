/** A tiny SVG line: actual values (solid) and the expected path from baseline to target (dashed). */
export interface SparkPoint {
  x: number;
  y: number | null;
}

export function Sparkline({
  points,
  path,
  target,
  color = '#1664ff',
  width = 160,
  height = 40,
  label,
}: {
  points: SparkPoint[];
  path?: [SparkPoint, SparkPoint] | null;
  target?: number | null;
  color?: string;
  width?: number;
  height?: number;
  label: string;
}) {
  const all = [...points, ...(path ?? [])];
  const xs = all.map((p) => p.x);
  const ys = [...all.map((p) => p.y), target ?? null].filter(
    (y): y is number => y !== null && Number.isFinite(y),
  );
  if (xs.length === 0 || ys.length === 0) {
    return (
      <svg width={width} height={height} role="img" aria-label={label}>
        <line x1={0} x2={width} y1={height / 2} y2={height / 2} stroke="#d0d3d9" strokeDasharray="3 3" />
      </svg>
    );
  }
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  let y0 = Math.min(...ys);
  let y1 = Math.max(...ys);
  if (y0 === y1) {
    y0 -= 1;
    y1 += 1;
  }
  const pad = 4;
  const sx = (x: number) => pad + ((x - x0) / (x1 - x0 || 1)) * (width - 2 * pad);
  const sy = (y: number) => height - pad - ((y - y0) / (y1 - y0)) * (height - 2 * pad);
  const known = points.filter((p): p is { x: number; y: number } => p.y !== null && Number.isFinite(p.y));
  const d = known.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join('');
  return (
    <svg width={width} height={height} role="img" aria-label={label}>
      {target !== null && target !== undefined && Number.isFinite(target) && (
        <line
          x1={pad}
          x2={width - pad}
          y1={sy(target)}
          y2={sy(target)}
          stroke="#d54941"
          strokeWidth={1}
          strokeOpacity={0.5}
        />
      )}
      {path && path[0].y !== null && path[1].y !== null && (
        <line
          x1={sx(path[0].x)}
          y1={sy(path[0].y)}
          x2={sx(path[1].x)}
          y2={sy(path[1].y)}
          stroke="#8b949e"
          strokeDasharray="4 3"
        />
      )}
      {d && <path d={d} fill="none" stroke={color} strokeWidth={2} />}
      {known.map((p) => (
        <circle key={p.x} cx={sx(p.x)} cy={sy(p.y)} r={2.5} fill={color} />
      ))}
    </svg>
  );
}
