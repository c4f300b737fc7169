/**
 * Positioned text from PDF pages to blocks, in reading order. A PDF holds
 * glyph runs at coordinates, not paragraphs, so this rebuilds them: runs on
 * one baseline make a line; a page set in two columns is read column by
 * column; lines repeated at the top or bottom of most pages (running
 * headers, footers) and page numbers are dropped; lines close together at
 * the body size are joined into paragraphs; larger text is a heading, its
 * level ranked by size; bullets and numbers open list items; runs separated
 * by wide gaps are table cells.
 */
import { paragraph, plainCell, type Block, type ListItem, type TableRow } from '../layout/blocks.js';
import { collapseSpace, stripBullet } from '../layout/inline.js';

export interface PdfRun {
  readonly text: string;
  /** Left edge and baseline, in PDF units (origin bottom left). */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
  readonly bold: boolean;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly runs: readonly PdfRun[];
}

interface Line {
  readonly page: number;
  readonly x: number;
  readonly xEnd: number;
  readonly y: number;
  readonly size: number;
  readonly bold: boolean;
  readonly text: string;
  /** Runs separated by wide gaps: the cells of a table row (or the two halves of a line across columns). */
  readonly cells: { x: number; end: number; text: string }[];
}

const CELL_GAP = 2.2; // in multiples of the font size
const BULLET = /^[\u2022\u25aa\u25cf\u25e6\u2013\u2014\-*\u2713\u27a2]\s+/u;
const NUMBERED = /^(\d{1,3})[.)]\s+/;
const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$/i;

function linesOf(page: PdfPage, pageIndex: number): Line[] {
  const runs = page.runs.filter((r) => r.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfRun[][] = [];
  for (const r of runs) {
    const g = groups.find((g) => Math.abs(g[0]!.y - r.y) <= Math.max(g[0]!.size, r.size) * 0.35);
    if (g) g.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    const size = Math.max(...g.map((r) => r.size));
    const cells: { x: number; end: number; text: string }[] = [];
    let text = '';
    let end = -Infinity;
    for (const r of g) {
      const gap = r.x - end;
      if (cells.length === 0 || gap > size * CELL_GAP) cells.push({ x: r.x, end: r.x + r.width, text: r.text });
      else {
        const c = cells[cells.length - 1]!;
        c.text += (gap > size * 0.15 && !/\s$/.test(c.text) ? ' ' : '') + r.text;
        c.end = Math.max(c.end, r.x + r.width);
      }
      text += (text && gap > size * 0.15 && !/\s$/.test(text) ? ' ' : '') + r.text;
      end = Math.max(end, r.x + r.width);
    }
    return {
      page: pageIndex,
      x: g[0]!.x,
      xEnd: end,
      y: g[0]!.y,
      size,
      bold: g.every((r) => r.bold),
      text: collapseSpace(text),
      cells: cells.map((c) => ({ x: c.x, end: c.end, text: collapseSpace(c.text) })),
    };
  });
}

/**
 * Two runs of prose on one baseline, one each side of the page's middle, are
 * a line of each column rather than a table row: text set in columns fills
 * its column, where table cells are short.
 */
function splitColumnPairs(lines: readonly Line[], mid: number): Line[] {
  return lines.flatMap((l) => {
    if (l.cells.length !== 2) return [l];
    const [a, b] = l.cells as [Line['cells'][number], Line['cells'][number]];
    const prose = a.text.length >= 20 && b.text.length >= 20;
    if (!prose || a.end > mid || b.x < mid * 0.96) return [l];
    return [
      { ...l, x: a.x, xEnd: a.end, text: a.text, cells: [a] },
      { ...l, x: b.x, xEnd: b.end, text: b.text, cells: [b] },
    ];
  });
}

/** A page set in two columns is read down the left column, then down the right. */
function readingOrder(pageLines: Line[], page: PdfPage): Line[] {
  const mid = page.width / 2;
  const lines = splitColumnPairs(pageLines, mid);
  const left = lines.filter((l) => l.xEnd <= mid + page.width * 0.02);
  const right = lines.filter((l) => l.x >= mid - page.width * 0.02 && l.xEnd > mid);
  const spanning = lines.filter((l) => !left.includes(l) && !right.includes(l));
  const twoColumns = left.length >= 3 && right.length >= 3 && spanning.every((l) => l.cells.length === 1) && (left.length + right.length) / lines.length >= 0.6;
  if (!twoColumns || lines.some((l) => l.cells.length > 1)) return pageLines;
  const top = Math.max(...left.map((l) => l.y), ...right.map((l) => l.y));
  const above = spanning.filter((l) => l.y > top);
  const below = spanning.filter((l) => l.y <= top);
  return [...above, ...left, ...right, ...below];
}

/** Lines in the top or bottom margin that most pages repeat (digits aside), and page numbers. */
function dropRunningLines(pages: Line[][], heights: number[]): Line[][] {
  const margin = (line: Line): boolean => line.y > heights[line.page]! * 0.9 || line.y < heights[line.page]! * 0.1;
  const key = (line: Line): string => line.text.replace(/\d+/g, '#').toLowerCase();
  const seen = new Map<string, Set<number>>();
  for (const lines of pages) for (const l of lines) if (margin(l)) seen.set(key(l), (seen.get(key(l)) ?? new Set()).add(l.page));
  const threshold = Math.max(2, Math.ceil(pages.length * 0.5));
  return pages.map((lines) => lines.filter((l) => !(margin(l) && (PAGE_NUMBER.test(l.text) || (pages.length > 1 && seen.get(key(l))!.size >= threshold)))));
}

function bodySize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(Math.round(l.size), (weight.get(Math.round(l.size)) ?? 0) + l.text.length);
  let best = 0;
  let most = -1;
  for (const [size, w] of weight) if (w > most) [best, most] = [size, w];
  return best;
}

export function layoutPdf(pages: readonly PdfPage[]): Block[] {
  const perPage = dropRunningLines(
    pages.map((p, i) => readingOrder(linesOf(p, i), p)),
    pages.map((p) => p.height),
  );
  const lines = perPage.flat();
  const body = bodySize(lines);
  const headingSizes = [...new Set(lines.filter((l) => l.size >= body * 1.15).map((l) => Math.round(l.size)))].sort((a, b) => b - a);

  const blocks: Block[] = [];
  let para: { lines: Line[] } | undefined;
  let list: { ordered: boolean; items: (ListItem & { indent: number })[] } | undefined;
  let table: { rows: TableRow[]; columns: number[] } | undefined;

  const flushPara = (): void => {
    if (!para) return;
    let text = '';
    for (const l of para.lines) text = !text ? l.text : /-$/.test(text) && /^\p{Ll}/u.test(l.text) ? `${text}${l.text}` : `${text} ${l.text}`;
    const strong = para.lines.every((l) => l.bold);
    blocks.push(paragraph(collapseSpace(text), undefined, { strong, leadStrong: strong || para.lines[0]!.bold }));
    para = undefined;
  };
  const flushList = (): void => {
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(({ indent: _indent, ...it }) => it) });
    list = undefined;
  };
  const flushTable = (): void => {
    if (table) blocks.push({ kind: 'table', rows: table.rows });
    table = undefined;
  };
  const flush = (): void => {
    flushPara();
    flushList();
    flushTable();
  };

  let previous: Line | undefined;
  for (const l of lines) {
    const gap = previous && previous.page === l.page ? previous.y - l.y : Infinity;
    // Below the previous line and near it: a line moving up the page (the next column) starts afresh.
    const close = gap > 0 && gap <= Math.max(previous?.size ?? 0, l.size) * 1.75;
    const rounded = Math.round(l.size);
    if (rounded >= body * 1.15 && l.cells.length === 1) {
      flush();
      blocks.push({ kind: 'heading', level: Math.min(6, headingSizes.indexOf(rounded) + 1), text: l.text, source: 'markup' });
      previous = l;
      continue;
    }
    if (l.cells.length > 1 || (table && close && l.cells.length >= 1 && l.x > table.columns[0]! + l.size)) {
      flushPara();
      flushList();
      if (!table) table = { rows: [], columns: l.cells.map((c) => c.x) };
      const cells = table.columns.map(() => '');
      for (const c of l.cells) {
        let k = 0;
        for (let j = 0; j < table.columns.length; j++) if (Math.abs(table.columns[j]! - c.x) < Math.abs(table.columns[k]! - c.x)) k = j;
        cells[k] = cells[k] ? `${cells[k]} ${c.text}` : c.text;
      }
      // A line just under a row, at line spacing, is the row's cells wrapping when its first cell is empty or
      // carries on the sentence above (rows stand further apart than the lines of a cell).
      const last = table.rows[table.rows.length - 1];
      const carriesOn = !cells[0] || (/^\p{Ll}/u.test(cells[0]) && !/[.!?]$/.test(last?.cells[0]?.text ?? '.'));
      const wraps = last && carriesOn && gap <= l.size * 1.35 && table.rows.length > 1;
      if (wraps) table.rows[table.rows.length - 1] = { cells: last.cells.map((c, k) => plainCell(cells[k] ? `${c.text} ${cells[k]}`.trim() : c.text, false)) };
      else table.rows.push({ cells: cells.map((c) => plainCell(c, false)) });
      previous = l;
      continue;
    }
    flushTable();
    const bullet = BULLET.exec(l.text);
    const numbered = NUMBERED.exec(l.text);
    if (bullet || numbered) {
      flushPara();
      if (list && list.ordered !== Boolean(numbered)) flushList();
      list ??= { ordered: Boolean(numbered), items: [] };
      const text = numbered ? l.text.slice(numbered[0].length) : stripBullet(l.text);
      list.items.push({ text, strong: l.bold, indent: l.x, ...(numbered ? { number: numbered[1]! } : {}) });
      previous = l;
      continue;
    }
    if (list && close && l.x > list.items[list.items.length - 1]!.indent + l.size * 0.5) {
      const last = list.items[list.items.length - 1]!;
      list.items[list.items.length - 1] = { ...last, text: `${last.text} ${l.text}` };
      previous = l;
      continue;
    }
    flushList();
    const sameStyle = para && para.lines[para.lines.length - 1]!.bold === l.bold && Math.round(para.lines[para.lines.length - 1]!.size) === rounded;
    if (para && close && sameStyle) para.lines.push(l);
    else {
      flushPara();
      para = { lines: [l] };
    }
    previous = l;
  }
  flush();
  return blocks;
}
