/**
 * The timeline chart: one row per dated commitment, its span drawn against
 * the document's period. Timings outside the period are hatched and flagged
 * with "!" (shape, not only colour); open-ended ones end in an arrow. Vague
 * and missing timings have no span to draw: the table beside the chart (its
 * text alternative) lists them. Pure SVG with presentation attributes only,
 * so it needs no style sheet and passes a strict content security policy.
 */
import { esc } from './html.js';
import type { Timeline, TimelineItem } from './report-model.js';

const WIDTH = 760;
const LABEL_WIDTH = 190;
const ROW = 18;
const TOP = 34;
const RIGHT = 16;

/** A `YYYY-MM-DD` day as a fractional year, for placing it on the axis. */
const years = new Map<string, number>();

export function yearOf(day: string, dayAfter = false): number {
  const key = dayAfter ? `${day}+` : day;
  let year = years.get(key);
  if (year === undefined) {
    year = computeYear(day, dayAfter);
    // Documents share few distinct dates; the bound keeps a long-running server's cache small.
    if (years.size > 10_000) years.clear();
    years.set(key, year);
  }
  return year;
}

function computeYear(day: string, dayAfter: boolean): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d + (dayAfter ? 1 : 0)));
  const year = at.getUTCFullYear();
  const start = Date.UTC(year, 0, 1);
  return year + (at.getTime() - start) / (Date.UTC(year + 1, 0, 1) - start);
}

/** A coordinate to a tenth, without a trailing `.0`. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function short(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

export function drawable(items: readonly TimelineItem[]): TimelineItem[] {
  return items.filter((i) => (i.state === 'dated' || i.state === 'outside') && (i.start !== null || i.end !== null));
}

/** The chart, or undefined when nothing has a date to draw. `idBase` keeps ids unique within the page. */
export function timelineSvg(timeline: Timeline, idBase: string): string | undefined {
  const rows = drawable(timeline.items);
  if (rows.length === 0) return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  const extend = (day: string | null, end: boolean): void => {
    if (day === null) return;
    const y = yearOf(day, end);
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  };
  if (timeline.period) {
    extend(timeline.period.first, false);
    extend(timeline.period.last, true);
  }
  for (const r of rows) {
    extend(r.start, false);
    extend(r.end, true);
  }
  const from = Math.floor(lo);
  const to = Math.max(Math.ceil(hi), from + 1);
  const chartWidth = WIDTH - LABEL_WIDTH - RIGHT;
  const x = (year: number): number => LABEL_WIDTH + ((year - from) / (to - from)) * chartWidth;
  const height = TOP + rows.length * ROW + 12;
  const parts: string[] = [];
  const titleId = `${idBase}-title`;
  const descId = `${idBase}-desc`;
  const outside = rows.filter((r) => r.state === 'outside').length;
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${titleId} ${descId}" font-family="system-ui, Arial, sans-serif" font-size="11">`,
    `<title id="${titleId}">Timeline of ${rows.length} dated timings${timeline.period ? ` against the period ${esc(timeline.period.text)}` : ''}</title>`,
    `<desc id="${descId}">${outside} of them fall outside the period. The table after the chart lists every timing, including vague and missing ones.</desc>`,
    outside === 0 ? '' : `<defs><pattern id="${idBase}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="#a4000f"/></pattern></defs>`,
  );
  if (timeline.period) {
    const px = x(yearOf(timeline.period.first));
    const pw = x(yearOf(timeline.period.last, true)) - px;
    parts.push(`<rect x="${px.toFixed(1)}" y="${TOP - 6}" width="${pw.toFixed(1)}" height="${rows.length * ROW + 8}" fill="#e3edf5"/>`);
    parts.push(`<text x="${(px + 3).toFixed(1)}" y="${TOP - 9}" fill="#1d4e6b">Period ${esc(timeline.period.text)}</text>`);
  }
  const step = to - from > 24 ? 5 : to - from > 12 ? 2 : 1;
  // Shared presentation attributes on groups, coordinates to a tenth of a unit: a national report draws a thousand of these.
  const grid: string[] = [];
  const years: string[] = [];
  for (let year = from; year <= to; year += step) {
    const tx = n(x(year));
    grid.push(`M${tx} ${TOP - 4}V${height - 10}`);
    years.push(`<text x="${tx}" y="12">${year}</text>`);
  }
  parts.push(`<path d="${grid.join('')}" stroke="#8a8a8a" stroke-width="0.5"/>`, `<g text-anchor="middle" fill="#1b1b1b">${years.join('')}</g>`);
  // Each grown by `+=` rather than gathered and joined: one string per group, for a thousand charts.
  let labels = '';
  let dated = '';
  let late = '';
  let arrows = '';
  let marks = '';
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const y = TOP + i * ROW;
    const start = r.start !== null ? yearOf(r.start) : from;
    const end = r.end !== null ? yearOf(r.end, true) : to;
    const x1 = x(start);
    const w = Math.max(3, x(end) - x1);
    labels += `<text y="${y + 9}">${esc(short(r.label, 32))}</text>`;
    const bar = `<rect x="${n(x1)}" y="${y}" width="${n(w)}" height="12"/>`;
    if (r.state === 'outside') late += bar;
    else dated += bar;
    if (r.openEnded || r.start === null) {
      const ax = r.start === null ? x1 : x1 + w;
      const dir = r.start === null ? -1 : 1;
      arrows += `M${n(ax)} ${y - 1}l${6 * dir} 7l${-6 * dir} 7z`;
    }
    if (r.state === 'outside') marks += `<text x="${n(Math.min(x1 + w + 10, WIDTH - 6))}" y="${y + 10}" font-weight="bold">!</text>`;
  }
  parts.push(`<g text-anchor="end" fill="#1b1b1b" transform="translate(${LABEL_WIDTH - 6} 0)">${labels}</g>`);
  if (dated.length > 0) parts.push(`<g fill="#1d4e6b" stroke="#1d4e6b">${dated}</g>`);
  if (late.length > 0) parts.push(`<g fill="url(#${idBase}-hatch)" stroke="#a4000f">${late}</g>`);
  if (arrows.length > 0) parts.push(`<path d="${arrows}" fill="#1b1b1b"/>`);
  if (marks.length > 0) parts.push(`<g fill="#a4000f">${marks}</g>`);
  parts.push('</svg>');
  return parts.join('');
}
