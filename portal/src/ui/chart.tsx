/**
 * Small hand-made SVG charts. Each is an image with a text alternative summarising every value,
 * and the same figures follow in a table, so nothing is conveyed by the drawing alone.
 */
import { t } from "../i18n";
import { useId } from "./components";

export interface Bar {
  label: string;
  value: number;
  /** A CSS class for the bar's colour. */
  tone?: "info" | "ok" | "bad" | "warn" | "muted";
}

function summary(title: string, bars: Bar[]): string {
  return `${title}: ${bars.map((b) => t("dashboard.chartSummary", { label: b.label, value: b.value })).join("; ")}`;
}

/** Horizontal bars with their labels and values. */
export function HBars({ title, bars }: { title: string; bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 26;
  const labelW = 150;
  const chartW = 170;
  const w = labelW + chartW + 40;
  const h = bars.length * row + 4;
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg role="img" aria-label={summary(title, bars)} viewBox={`0 0 ${w} ${h}`} width="100%" preserveAspectRatio="xMinYMin meet">
        {bars.map((b, i) => {
          const bw = (b.value / max) * chartW;
          const y = i * row + 2;
          return (
            <g key={b.label}>
              <text x={labelW - 6} y={y + row / 2 + 4} text-anchor="end" class="chart-label">
                {b.label}
              </text>
              <rect x={labelW} y={y + 4} width={Math.max(b.value ? 2 : 0, bw)} height={row - 10} class={`bar ${b.tone ?? "info"}`} rx="2" />
              <text x={labelW + bw + 6} y={y + row / 2 + 4} class="chart-value">
                {b.value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Vertical bars of a distribution (days to decision). */
export function Histogram({ title, points, xLabel, yLabel }: { title: string; points: { x: number; y: number }[]; xLabel: string; yLabel: string }) {
  const id = useId("hist");
  const max = Math.max(1, ...points.map((p) => p.y));
  const maxX = Math.max(1, ...points.map((p) => p.x));
  const buckets = Math.min(maxX + 1, 60);
  const w = 340;
  const h = 150;
  const left = 30;
  const bottom = 24;
  const bw = (w - left - 4) / buckets;
  const bars: Bar[] = points.map((p) => ({ label: `${p.x} ${xLabel}`, value: p.y }));
  return (
    <figure class="chart">
      <figcaption id={id}>{title}</figcaption>
      <svg role="img" aria-label={summary(title, bars)} viewBox={`0 0 ${w} ${h}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <line x1={left} y1={h - bottom} x2={w - 2} y2={h - bottom} class="axis" />
        <line x1={left} y1={4} x2={left} y2={h - bottom} class="axis" />
        <text x={left - 4} y={12} text-anchor="end" class="chart-label">
          {max}
        </text>
        <text x={left - 4} y={h - bottom} text-anchor="end" class="chart-label">
          0
        </text>
        {points
          .filter((p) => p.x < buckets)
          .map((p) => {
            const bh = (p.y / max) * (h - bottom - 8);
            return <rect key={p.x} x={left + p.x * bw + 1} y={h - bottom - bh} width={Math.max(1, bw - 2)} height={bh} class="bar info" />;
          })}
        <text x={left} y={h - 6} class="chart-label">
          0
        </text>
        <text x={w - 4} y={h - 6} text-anchor="end" class="chart-label">
          {buckets - 1} {xLabel}
        </text>
        <text x={left + 4} y={h - bottom - 4} class="chart-label" visibility="hidden">
          {yLabel}
        </text>
      </svg>
    </figure>
  );
}

/** The figures of a chart as a table. */
export function FigureTable({ caption, rows }: { caption: string; rows: [string, number | string][] }) {
  return (
    <table class="figures">
      <caption>{caption}</caption>
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
