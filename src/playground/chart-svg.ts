/**
 * Draws a line chart as an SVG string: the playground's stand-in for an Excel line
 * chart. Pure (no DOM), so it is unit-tested; the grid places the SVG over the cells
 * the chart covers. Missing values (null) break a line, as in Excel's default.
 */
import { formatValue } from "./number-format";

export interface SvgSeries {
  name: string;
  values: (number | null)[];
  emphasised?: boolean;
  /** a projection: drawn dashed and darker, as the Office port draws it */
  dashed?: boolean;
}

/** Colour of dashed series (the retention projection), as in the Office port. */
const DASHED_COLOUR = "#7E57C2";

export interface SvgChart {
  title: string;
  xAxisTitle?: string;
  yAxisTitle?: string;
  categories: string[];
  series: SvgSeries[];
  width: number;
  height: number;
  valueFormat?: string;
}

const PALETTE = ["#4e79a7", "#f28e2b", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#e15759", "#bab0ac"];

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string);
}

/** Round axis steps: 1, 2 or 5 times a power of ten. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    max = min + 1;
    min = Math.min(0, min);
  }
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const start = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= max + step * 1e-9; v += step) ticks.push(+v.toPrecision(12));
  if (ticks[ticks.length - 1] < max) ticks.push(+(ticks[ticks.length - 1] + step).toPrecision(12));
  return ticks;
}

export function lineChartSvg(chart: SvgChart): string {
  const { width, height } = chart;
  const legendWidth = Math.min(140, width * 0.28);
  const left = 48;
  const top = 30;
  const right = width - legendWidth - 10;
  const bottom = height - (chart.xAxisTitle ? 42 : 28);
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const ticks = niceTicks(Math.min(0, ...values), values.length ? Math.max(...values) : 1);
  const yMin = ticks[0];
  const yMax = ticks[ticks.length - 1];
  const n = Math.max(chart.categories.length, ...chart.series.map((s) => s.values.length), 1);
  const x = (i: number) => (n === 1 ? (left + right) / 2 : left + ((right - left) * i) / (n - 1));
  const y = (v: number) => bottom - ((bottom - top) * (v - yMin)) / (yMax - yMin || 1);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(chart.title)}">`);
  parts.push(`<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="#fff" stroke="#c8c8c8"/>`);
  parts.push(`<text x="${width / 2}" y="19" text-anchor="middle" font-size="13" font-weight="600" fill="#333">${escapeXml(chart.title)}</text>`);
  for (const t of ticks) {
    parts.push(`<line x1="${left}" x2="${right}" y1="${y(t)}" y2="${y(t)}" stroke="#e6e6e6"/>`);
    parts.push(`<text x="${left - 5}" y="${y(t) + 4}" text-anchor="end" font-size="10" fill="#666">${escapeXml(formatValue(t, chart.valueFormat))}</text>`);
  }
  const labelEvery = Math.max(1, Math.ceil(n / Math.max(1, Math.floor((right - left) / 40))));
  chart.categories.forEach((c, i) => {
    if (i % labelEvery === 0) parts.push(`<text x="${x(i)}" y="${bottom + 14}" text-anchor="middle" font-size="10" fill="#666">${escapeXml(c)}</text>`);
  });
  parts.push(`<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="#999"/>`);
  if (chart.xAxisTitle) parts.push(`<text x="${(left + right) / 2}" y="${height - 8}" text-anchor="middle" font-size="11" fill="#444">${escapeXml(chart.xAxisTitle)}</text>`);
  if (chart.yAxisTitle) parts.push(`<text transform="translate(12 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="11" fill="#444">${escapeXml(chart.yAxisTitle)}</text>`);
  const ordered = chart.series.map((s, i) => ({ s, i })).sort((a, b) => Number(a.s.emphasised ?? false) - Number(b.s.emphasised ?? false));
  for (const { s, i } of ordered) {
    const colour = s.emphasised ? "#1f1f1f" : s.dashed ? DASHED_COLOUR : PALETTE[i % PALETTE.length];
    const segments: string[] = [];
    let current = "";
    s.values.forEach((v, j) => {
      if (typeof v !== "number" || !Number.isFinite(v)) {
        if (current) segments.push(current);
        current = "";
        return;
      }
      current += `${current ? "L" : "M"}${x(j).toFixed(1)},${y(v).toFixed(1)}`;
    });
    if (current) segments.push(current);
    const attrs = s.emphasised ? `stroke-width="3.5"` : s.dashed ? `stroke-width="2.25" stroke-dasharray="6 4"` : `stroke-width="1.4" stroke-opacity="0.75"`;
    parts.push(`<path class="series${s.emphasised ? " emphasised" : ""}" data-name="${escapeXml(s.name)}" d="${segments.join("")}" fill="none" stroke="${colour}" ${attrs}/>`);
  }
  const shown = chart.series.slice(0, Math.floor((height - top) / 14));
  shown.forEach((s, i) => {
    const ly = top + 6 + i * 14;
    const colour = s.emphasised ? "#1f1f1f" : s.dashed ? DASHED_COLOUR : PALETTE[chart.series.indexOf(s) % PALETTE.length];
    parts.push(`<line x1="${right + 10}" x2="${right + 26}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="${s.emphasised ? 3.5 : 2}"${s.dashed ? ' stroke-dasharray="4 3"' : ""}/>`);
    parts.push(`<text x="${right + 30}" y="${ly + 4}" font-size="10" fill="#333"${s.emphasised ? ' font-weight="600"' : ""}>${escapeXml(s.name.length > 18 ? s.name.slice(0, 17) + "…" : s.name)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("");
}
