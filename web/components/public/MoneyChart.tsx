/**
 * An inline SVG bar chart of money flows (no chart library): one bar per row, the allocated amount as the full bar,
 * the released part filled in green, the cancelled part in red. Rows and amounts come from the API; the same
 * figures are in the tables next to it, for readers who cannot see the chart.
 */
export interface ChartRow {
  key: string;
  label: string;
  /** A group total (drawn bold) or one of its parts. */
  total: boolean;
  allocated: bigint;
  released: bigint;
  cancelled: bigint;
  /** The amounts as text, e.g. "released 200 of 800 DKZT". */
  caption: string;
}

const WIDTH = 820;
const LABEL = 250;
const ROW = 48;

/** Width in px of `part` on a bar of `max` (bigint-safe, at least 1 px for a non-zero part). */
function width(part: bigint, max: bigint, span: number): number {
  if (max === 0n || part === 0n) return 0;
  return Math.max(1, Number((part * BigInt(span * 100)) / max) / 100);
}

export function MoneyChart({ rows, title, description, legend }: { rows: ChartRow[]; title: string; description: string; legend: { allocated: string; released: string; cancelled: string } }) {
  const max = rows.reduce((m, r) => (r.allocated > m ? r.allocated : m), 0n);
  const span = WIDTH - LABEL - 10;
  const height = rows.length * ROW + 36;
  return (
    <figure className="chart" data-testid="money-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="chart-title chart-desc" preserveAspectRatio="xMinYMin meet">
        <title id="chart-title">{title}</title>
        <desc id="chart-desc">{description}</desc>
        {rows.map((r, i) => {
          const y = i * ROW + 4;
          const w = width(r.allocated, max, span);
          const released = width(r.released, max, span);
          const cancelled = width(r.cancelled, max, span);
          return (
            <g key={r.key} data-row={r.key}>
              <text x={r.total ? 0 : 14} y={y + 16} className={r.total ? "chart-label chart-total" : "chart-label"}>
                {r.label.length > 34 ? `${r.label.slice(0, 33)}…` : r.label}
              </text>
              <rect x={LABEL} y={y + 2} width={Math.max(w, 1)} height={18} className="bar-allocated" rx={3} />
              <rect x={LABEL} y={y + 2} width={released} height={18} className="bar-released" rx={3} />
              {cancelled > 0 && <rect x={LABEL + w - cancelled} y={y + 2} width={cancelled} height={18} className="bar-cancelled" rx={3} />}
              <text x={LABEL} y={y + 38} className="chart-caption">
                {r.caption}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${LABEL}, ${height - 14})`} className="chart-legend">
          <rect x={0} y={-10} width={12} height={12} className="bar-allocated" />
          <text x={18} y={0}>
            {legend.allocated}
          </text>
          <rect x={170} y={-10} width={12} height={12} className="bar-released" />
          <text x={188} y={0}>
            {legend.released}
          </text>
          <rect x={340} y={-10} width={12} height={12} className="bar-cancelled" />
          <text x={358} y={0}>
            {legend.cancelled}
          </text>
        </g>
      </svg>
    </figure>
  );
}
