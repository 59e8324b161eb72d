/**
 * An inline SVG bar chart of money flows (no chart library): one bar per row, the allocated amount as the full bar,
 * the released part filled in green, the cancelled part in red. Rows and amounts come from the API; the same
 * figures are in the tables next to it, for readers who cannot see the chart. Drawn twice, wide and narrow, so that
 * on a phone the text stays readable (CSS shows one).
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

/** Where things go on a bar chart of a given width: the label beside the bar (wide) or above it (narrow). */
interface Layout {
  name: "wide" | "narrow";
  width: number;
  /** Where the bars start, and the label's line and the bar's offset within a row. */
  barX: number;
  labelY: number;
  barY: number;
  captionY: number;
  row: number;
  /** Longest label drawn in full. */
  labelChars: number;
}

// The wide chart on a page of 820 px; the narrow one for a phone (about 360 px drawn at 1:1, so its 14 px labels stay
// 14 px, where the wide chart scaled to a phone drew them at 6 px).
const WIDE: Layout = { name: "wide", width: 820, barX: 250, labelY: 16, barY: 2, captionY: 38, row: 48, labelChars: 34 };
const NARROW: Layout = { name: "narrow", width: 360, barX: 0, labelY: 14, barY: 22, captionY: 56, row: 66, labelChars: 42 };

/** Width in px of `part` on a bar of `max` (bigint-safe, at least 1 px for a non-zero part). */
function width(part: bigint, max: bigint, span: number): number {
  if (max === 0n || part === 0n) return 0;
  return Math.max(1, Number((part * BigInt(span * 100)) / max) / 100);
}

export function MoneyChart({ rows, title, description, legend }: { rows: ChartRow[]; title: string; description: string; legend: { allocated: string; released: string; cancelled: string } }) {
  return (
    <figure className="chart" data-testid="money-chart">
      {[WIDE, NARROW].map((layout) => (
        <Bars key={layout.name} layout={layout} rows={rows} title={title} description={description} legend={legend} />
      ))}
    </figure>
  );
}

/** One drawing of the chart; CSS shows the wide one on a page and the narrow one on a phone. */
function Bars({ layout, rows, title, description, legend }: { layout: Layout; rows: ChartRow[]; title: string; description: string; legend: { allocated: string; released: string; cancelled: string } }) {
  const max = rows.reduce((m, r) => (r.allocated > m ? r.allocated : m), 0n);
  const span = layout.width - layout.barX - 10;
  const height = rows.length * layout.row + 36;
  const legendX = layout.barX;
  const step = layout.name === "wide" ? 170 : 120;
  const ids = { title: `chart-title-${layout.name}`, desc: `chart-desc-${layout.name}` };
  return (
    <svg className={`chart-${layout.name}`} viewBox={`0 0 ${layout.width} ${height}`} role="img" aria-labelledby={`${ids.title} ${ids.desc}`} preserveAspectRatio="xMinYMin meet">
      <title id={ids.title}>{title}</title>
      <desc id={ids.desc}>{description}</desc>
      {rows.map((r, i) => {
        const y = i * layout.row + 4;
        const w = width(r.allocated, max, span);
        const released = width(r.released, max, span);
        const cancelled = width(r.cancelled, max, span);
        return (
          <g key={r.key} data-row={r.key}>
            <text x={r.total ? 0 : 14} y={y + layout.labelY} className={r.total ? "chart-label chart-total" : "chart-label"}>
              {r.label.length > layout.labelChars ? `${r.label.slice(0, layout.labelChars - 1)}…` : r.label}
            </text>
            <rect x={layout.barX} y={y + layout.barY} width={Math.max(w, 1)} height={18} className="bar-allocated" rx={3} />
            <rect x={layout.barX} y={y + layout.barY} width={released} height={18} className="bar-released" rx={3} />
            {cancelled > 0 && <rect x={layout.barX + w - cancelled} y={y + layout.barY} width={cancelled} height={18} className="bar-cancelled" rx={3} />}
            <text x={layout.barX} y={y + layout.captionY} className="chart-caption">
              {r.caption}
            </text>
          </g>
        );
      })}
      <g transform={`translate(${legendX}, ${height - 14})`} className="chart-legend">
        <rect x={0} y={-10} width={12} height={12} className="bar-allocated" />
        <text x={18} y={0}>
          {legend.allocated}
        </text>
        <rect x={step} y={-10} width={12} height={12} className="bar-released" />
        <text x={step + 18} y={0}>
          {legend.released}
        </text>
        <rect x={2 * step} y={-10} width={12} height={12} className="bar-cancelled" />
        <text x={2 * step + 18} y={0}>
          {legend.cancelled}
        </text>
      </g>
    </svg>
  );
}
