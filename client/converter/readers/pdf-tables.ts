/**
 * Ruled tables on a PDF page: the grid a table's borders, ruling lines or
 * cell shading draw. Every painted rectangle contributes its edges; edges
 * that touch form a network, and a network with at least two columns and
 * two rows is a table. Column and row boundaries are where its edges lie;
 * a boundary missing inside a row (or a column) is a merged cell. Text is
 * then placed in the cell that holds it, so a cell's wrapped lines stay
 * together and a row's cells stay side by side, however the page's text
 * runs were ordered.
 */
import type { PdfRect } from './pdf-paths.js';

export interface GridCell {
  /** Rows and columns the cell covers: [start, end). */
  readonly row: number;
  readonly rowEnd: number;
  readonly col: number;
  readonly colEnd: number;
}

export interface RuledTable {
  readonly box: PdfRect;
  /** Column boundaries, left to right. */
  readonly xs: readonly number[];
  /** Row boundaries, top to bottom (descending y). */
  readonly ys: readonly number[];
  /** The logical cells, merged cells once. */
  readonly cells: readonly GridCell[];
}

interface Segment {
  readonly horizontal: boolean;
  /** y of a horizontal segment, x of a vertical one. */
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** Thinner than this (in PDF units) a rectangle is a line. */
const THIN = 3;
/** Edges this close meet. */
const TOLERANCE = 2.5;
/** Beyond this many edges on one page the drawing is art, not a table: not searched. */
const MAX_SEGMENTS = 6000;

/**
 * Edges of the rectangles: with `borders`, only what draws a border (stroked
 * outlines, lines drawn as thin fills); else shading too, for tables drawn
 * by their cells' fills alone.
 */
function segmentsOf(rects: readonly PdfRect[], pageArea: number, borders: boolean): Segment[] {
  const out: Segment[] = [];
  for (const r of rects) {
    const w = r.x1 - r.x0;
    const h = r.y1 - r.y0;
    if (w * h > pageArea * 0.6) continue; // a page background
    if (borders && !r.stroked && w > THIN && h > THIN) continue; // shading, often one rectangle per line of text
    if (h <= THIN && w > THIN) out.push({ horizontal: true, at: (r.y0 + r.y1) / 2, from: r.x0, to: r.x1 });
    else if (w <= THIN && h > THIN) out.push({ horizontal: false, at: (r.x0 + r.x1) / 2, from: r.y0, to: r.y1 });
    else if (w > THIN && h > THIN) {
      out.push({ horizontal: true, at: r.y0, from: r.x0, to: r.x1 }, { horizontal: true, at: r.y1, from: r.x0, to: r.x1 });
      out.push({ horizontal: false, at: r.x0, from: r.y0, to: r.y1 }, { horizontal: false, at: r.x1, from: r.y0, to: r.y1 });
    }
  }
  return out;
}

function touches(a: Segment, b: Segment): boolean {
  if (a.horizontal !== b.horizontal) {
    const [h, v] = a.horizontal ? [a, b] : [b, a];
    return v.at >= h.from - TOLERANCE && v.at <= h.to + TOLERANCE && h.at >= v.from - TOLERANCE && h.at <= v.to + TOLERANCE;
  }
  return Math.abs(a.at - b.at) <= TOLERANCE && a.from <= b.to + TOLERANCE && b.from <= a.to + TOLERANCE;
}

function components(segments: readonly Segment[]): Segment[][] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  // Sorted by their left (or bottom) end, so the sweep stops as soon as nothing further can touch.
  const order = segments.map((_, i) => i).sort((i, j) => left(segments[i]!) - left(segments[j]!));
  for (let a = 0; a < order.length; a++) {
    const sa = segments[order[a]!]!;
    const right = sa.horizontal ? sa.to : sa.at;
    for (let b = a + 1; b < order.length; b++) {
      const sb = segments[order[b]!]!;
      if (left(sb) > right + TOLERANCE) break;
      if (touches(sa, sb)) parent[find(order[a]!)] = find(order[b]!);
    }
  }
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), s]);
  });
  return [...groups.values()];
}

function left(s: Segment): number {
  return s.horizontal ? s.from : s.at;
}

/** Positions within TOLERANCE of each other are one boundary. */
function cluster(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= TOLERANCE) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

function covered(segments: readonly Segment[], horizontal: boolean, at: number, point: number): boolean {
  return segments.some((s) => s.horizontal === horizontal && Math.abs(s.at - at) <= TOLERANCE && s.from - TOLERANCE <= point && point <= s.to + TOLERANCE);
}

function gridOf(segments: readonly Segment[]): RuledTable | undefined {
  const xs = cluster(segments.filter((s) => !s.horizontal).map((s) => s.at));
  const ys = cluster(segments.filter((s) => s.horizontal).map((s) => s.at)).reverse();
  if (xs.length < 3 || ys.length < 3) return undefined;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // Each grid square's logical cell, found by merging across missing boundaries.
  const owner: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1));
  const cells: { row: number; rowEnd: number; col: number; colEnd: number }[] = [];
  for (let r = 0; r < rows; r++) {
    const yMid = (ys[r]! + ys[r + 1]!) / 2;
    for (let c = 0; c < cols; c++) {
      if (owner[r]![c]! >= 0) continue;
      const xMid = (xs[c]! + xs[c + 1]!) / 2;
      // Merged with the square above when no border runs between them.
      if (r > 0 && !covered(segments, true, ys[r]!, xMid)) {
        const above = owner[r - 1]![c]!;
        const cell = cells[above]!;
        if (cell.col === c) {
          for (let k = cell.col; k < cell.colEnd; k++) owner[r]![k] = above;
          cell.rowEnd = r + 1;
          continue;
        }
      }
      let end = c + 1;
      while (end < cols && !covered(segments, false, xs[end]!, yMid)) end++;
      cells.push({ row: r, rowEnd: r + 1, col: c, colEnd: end });
      for (let k = c; k < end; k++) owner[r]![k] = cells.length - 1;
    }
  }
  return { box: { x0: xs[0]!, y0: ys[ys.length - 1]!, x1: xs[xs.length - 1]!, y1: ys[0]! }, xs, ys, cells };
}

/** The ruled tables of a page, largest first; tables inside tables are not searched for. */
export function findRuledTables(rects: readonly PdfRect[], page: { width: number; height: number }, texts: readonly TextBox[] = []): RuledTable[] {
  const tables: RuledTable[] = [];
  const pageArea = page.width * page.height;
  const search = (segments: Segment[]): void => {
    const free = segments.filter((s) => !tables.some((t) => segmentInside(s, t.box)));
    if (free.length > MAX_SEGMENTS) return;
    for (const group of components(free)) {
      const grid = gridOf(group);
      if (grid) tables.push(grid);
    }
  };
  // Borders first, then rules between rows only, then cell shading: where a table has borders or rules, the shading
  // of its cells (drawn line by line in Word's output) is not its grid.
  search(segmentsOf(rects, pageArea, true));
  tables.push(...findRuleStackTables(rects, texts, page, tables));
  search(segmentsOf(rects, pageArea, false));
  tables.sort((a, b) => area(b.box) - area(a.box));
  return tables.filter((t, i) => !tables.slice(0, i).some((o) => inside(t.box, o.box)));
}

function area(r: PdfRect): number {
  return (r.x1 - r.x0) * (r.y1 - r.y0);
}

export function inside(r: PdfRect, outer: PdfRect, tolerance = TOLERANCE): boolean {
  return r.x0 >= outer.x0 - tolerance && r.x1 <= outer.x1 + tolerance && r.y0 >= outer.y0 - tolerance && r.y1 <= outer.y1 + tolerance;
}

/** The logical cell of `table` holding the point, if any. */
export function cellAt(table: RuledTable, x: number, y: number): number | undefined {
  const { xs, ys } = table;
  if (x < xs[0]! || x > xs[xs.length - 1]! || y > ys[0]! || y < ys[ys.length - 1]!) return undefined;
  let c = 0;
  while (c < xs.length - 2 && x > xs[c + 1]!) c++;
  let r = 0;
  while (r < ys.length - 2 && y < ys[r + 1]!) r++;
  const index = table.cells.findIndex((cell) => cell.row <= r && r < cell.rowEnd && cell.col <= c && c < cell.colEnd);
  return index >= 0 ? index : undefined;
}

function segmentInside(s: Segment, box: PdfRect): boolean {
  return s.horizontal
    ? inside({ x0: s.from, x1: s.to, y0: s.at, y1: s.at }, box)
    : inside({ x0: s.at, x1: s.at, y0: s.from, y1: s.to }, box);
}

/** What the rule-stack search needs of a text run. */
export interface TextBox {
  readonly x: number;
  readonly width: number;
  readonly y: number;
  readonly size: number;
}

/**
 * Tables ruled across only (a line between rows, none between columns), as
 * Word and report templates often draw them: three or more rules of one
 * width stacked on the page make rows; the columns are the strips no text
 * crosses in the rows that have several cells. A row whose text crosses a
 * strip (a title across the table) is a merged cell there.
 */
function findRuleStackTables(rects: readonly PdfRect[], texts: readonly TextBox[], page: { width: number; height: number }, found: readonly RuledTable[]): RuledTable[] {
  const pieces = segmentsOf(rects, page.width * page.height, true).filter((s) => s.horizontal && !found.some((t) => segmentInside(s, t.box)));
  const rules = joinCollinear(pieces).filter((s) => s.to - s.from >= page.width * 0.3);
  // Rules of one width, top to bottom.
  const stacks: Segment[][] = [];
  for (const r of [...rules].sort((a, b) => b.at - a.at)) {
    const stack = stacks.find((st) => Math.abs(st[0]!.from - r.from) <= 6 && Math.abs(st[0]!.to - r.to) <= 6);
    if (stack) {
      if (Math.abs(stack[stack.length - 1]!.at - r.at) > TOLERANCE) stack.push(r);
    } else stacks.push([r]);
  }
  const out: RuledTable[] = [];
  for (const stack of stacks) {
    if (stack.length < 3) continue;
    const x0 = Math.min(...stack.map((s) => s.from));
    const x1 = Math.max(...stack.map((s) => s.to));
    const ys = stack.map((s) => s.at);
    const rows = ys.slice(1).map((bottom, k) => texts.filter((t) => t.y + t.size * 0.3 < ys[k]! && t.y + t.size * 0.3 > bottom && t.x >= x0 - 2 && t.x + t.width <= x1 + 2));
    if (rows.filter((r) => r.length > 0).length < 2) continue;
    // Columns: strips empty in two rows or more and crossed by fewer rows than leave them empty.
    const strips: { span: [number, number]; rows: number }[] = [];
    for (const row of rows)
      for (const g of gapsOf(row, x0, x1)) {
        const strip = strips.find((st) => Math.min(st.span[1], g[1]) > Math.max(st.span[0], g[0]));
        if (strip) {
          strip.span = [Math.max(strip.span[0], g[0]), Math.min(strip.span[1], g[1])];
          strip.rows++;
        } else strips.push({ span: g, rows: 1 });
      }
    const crossing = (x: number): number => rows.filter((row) => row.some((t) => t.x < x && t.x + t.width > x)).length;
    const columns = strips
      .filter((st) => st.rows >= 2 && st.span[1] - st.span[0] >= 6 && crossing((st.span[0] + st.span[1]) / 2) < st.rows)
      .map((st) => st.span)
      .sort((a, b) => a[0] - b[0]);
    if (columns.length === 0) continue;
    const xs = [x0, ...columns.map(([a, b]) => (a + b) / 2), x1];
    const segments: Segment[] = stack.map((s) => ({ ...s, from: x0, to: x1 }));
    // Outer edges, and each column edge in the rows no text crosses it.
    segments.push({ horizontal: false, at: x0, from: ys[ys.length - 1]!, to: ys[0]! }, { horizontal: false, at: x1, from: ys[ys.length - 1]!, to: ys[0]! });
    rows.forEach((row, k) => {
      for (const x of xs.slice(1, -1)) {
        if (!row.some((t) => t.x < x && t.x + t.width > x)) segments.push({ horizontal: false, at: x, from: ys[k + 1]!, to: ys[k]! });
      }
    });
    const grid = gridOf(segments);
    if (grid) out.push(grid);
  }
  return out;
}

/** The strips between x0 and x1 that no text of the row covers, text to text (not the margins). */
function gapsOf(row: readonly TextBox[], x0: number, x1: number): [number, number][] {
  if (row.length === 0) return [];
  const spans = row.map((t) => [Math.max(x0, t.x), Math.min(x1, t.x + t.width)] as [number, number]).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  let end = spans[0]![1];
  for (const [a, b] of spans.slice(1)) {
    if (a - end >= 6) out.push([end, a]);
    end = Math.max(end, b);
  }
  return out;
}


/** Horizontal pieces of one rule (Word draws a row's rule cell by cell) joined into one. */
function joinCollinear(pieces: readonly Segment[]): Segment[] {
  const sorted = [...pieces].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Segment[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.at - s.at) <= 1 && s.from <= last.to + 3) out[out.length - 1] = { ...last, to: Math.max(last.to, s.to) };
    else out.push(s);
  }
  return out;
}
