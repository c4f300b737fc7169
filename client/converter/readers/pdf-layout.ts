/**
 * Positioned text from PDF pages to blocks, in reading order. A PDF holds
 * glyph runs at coordinates, not paragraphs, so this rebuilds them:
 *
 * - runs on one baseline and close together make a fragment;
 * - ruled tables (borders, ruling lines, cell shading: `pdf-tables.ts`) take
 *   the runs inside their cells, so wrapped cells stay whole;
 * - running headers and footers (the same words at the same place in the
 *   top or bottom margin of most pages) and page numbers are dropped;
 * - the page is read region by region (`pdf-reading-order.ts`), columns left
 *   to right;
 * - lines close together at the same size and weight are joined into
 *   paragraphs, text larger than the body (or bold, when the document's body
 *   is not) is a heading, its level ranked by size; bullets (including the
 *   private-use glyphs of Symbol and Wingdings fonts) and numbers open list
 *   items; runs separated by wide gaps on one line are the cells of a table
 *   drawn without rules;
 * - the largest text of the first page is the title.
 */
import { paragraph, plainCell, type Block, type Cell, type ListItem, type TableRow } from '../layout/blocks.js';
import { collapseSpace } from '../layout/inline.js';
import type { PdfRect } from './pdf-paths.js';
import { readingOrder, type Box } from './pdf-reading-order.js';
import { cellAt, findRuledTables, type RuledTable } from './pdf-tables.js';

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
  /** Painted rectangles (borders, rules, shading), for tables. */
  readonly rects?: readonly PdfRect[];
}

interface Fragment extends Box {
  readonly page: number;
  readonly baseline: number;
  readonly size: number;
  readonly bold: boolean;
  readonly text: string;
}

interface TableElement extends Box {
  readonly page: number;
  readonly table: Block;
}

type Element = Fragment | TableElement;

interface Line {
  readonly page: number;
  readonly x: number;
  readonly xEnd: number;
  readonly y: number;
  readonly size: number;
  readonly bold: boolean;
  readonly text: string;
  /** Fragments separated by wide gaps: the cells of a table row drawn without rules. */
  readonly cells: { x: number; end: number; text: string }[];
}

/** Runs further apart than this (in multiples of the font size) are separate fragments. */
const FRAGMENT_GAP = 1.0;
/** A gap that wide between the fragments of one line makes them cells. */
const CELL_GAP = 2.2;

/** Bullet glyphs, including the private-use ones Symbol and Wingdings fonts map them to. */
const BULLET_CHARS = '\u2022\u2023\u2043\u2219\u25aa\u25ab\u25a0\u25a1\u25cf\u25cb\u25e6\u25ba\u25b6\u27a2\u2713\u2714\u2611\u00b7\u2013\u2014\\-*\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf06e\uf0e0\uf0d2\uf0f0';
const BULLET = new RegExp(`^[${BULLET_CHARS}](?:\\s+|(?=\\p{Lu}))`, 'u');
const BULLET_ONLY = new RegExp(`^[${BULLET_CHARS}o]$`, 'u');
const NUMBERED = /^(\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s+/;
const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$/i;

/** Joins two pieces of one line: a space where the page left a gap, none inside a word. */
function join(text: string, next: string, gap: number, size: number): string {
  if (!text) return next;
  const spaced = /\s$/.test(text) || /^\s/.test(next);
  return spaced || gap <= size * 0.12 ? `${text}${next}` : `${text} ${next}`;
}

/** Runs grouped by baseline, each group left to right. */
function baselines(runs: readonly PdfRun[]): PdfRun[][] {
  const sorted = runs.filter((r) => r.text.trim() !== '' || r.text === ' ').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfRun[][] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(g[0]!.y - r.y) <= Math.max(g[0]!.size, r.size) * 0.35) g.push(r);
    else groups.push([r]);
  }
  for (const g of groups) g.sort((a, b) => a.x - b.x);
  return groups.map((g) => g.filter((r) => r.text.trim() !== ''));
}

function fragmentsOf(runs: readonly PdfRun[], page: number): Fragment[] {
  const out: Fragment[] = [];
  for (const g of baselines(runs)) {
    let current: { runs: PdfRun[]; text: string; end: number } | undefined;
    const flush = (): void => {
      if (!current) return;
      const rs = current.runs;
      const size = Math.max(...rs.map((r) => r.size));
      const baseline = rs[0]!.y;
      out.push({
        page,
        x0: rs[0]!.x,
        x1: current.end,
        y0: baseline - size * 0.25,
        y1: baseline + size * 0.8,
        baseline,
        size,
        bold: rs.every((r) => r.bold || r.text.trim().length <= 1),
        text: collapseSpace(current.text),
        chars: current.text.trim().length,
      });
      current = undefined;
    };
    for (const r of g) {
      const gap = current ? r.x - current.end : Infinity;
      const afterBullet = current !== undefined && BULLET_ONLY.test(current.text.trim()) && gap < r.size * 4;
      if (current && (gap <= Math.max(r.size, current.runs[0]!.size) * FRAGMENT_GAP || afterBullet)) {
        current.text = afterBullet ? `${current.text.trim()} ${r.text}` : join(current.text, r.text, gap, r.size);
        current.runs.push(r);
        current.end = Math.max(current.end, r.x + r.width);
      } else {
        flush();
        current = { runs: [r], text: r.text, end: r.x + r.width };
      }
    }
    flush();
  }
  return out;
}

/** Fragments of one region to lines: one baseline, left to right, cells apart where the gap is wide. */
function linesOf(fragments: readonly Fragment[]): Line[] {
  const sorted = [...fragments].sort((a, b) => b.baseline - a.baseline || a.x0 - b.x0);
  const groups: Fragment[][] = [];
  for (const f of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(g[0]!.baseline - f.baseline) <= Math.max(g[0]!.size, f.size) * 0.35) g.push(f);
    else groups.push([f]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x0 - b.x0);
    const size = Math.max(...g.map((f) => f.size));
    const cells: { x: number; end: number; text: string }[] = [];
    let text = '';
    let end = -Infinity;
    for (const f of g) {
      const gap = f.x0 - end;
      if (cells.length === 0 || gap > size * CELL_GAP) cells.push({ x: f.x0, end: f.x1, text: f.text });
      else {
        const c = cells[cells.length - 1]!;
        c.text = join(c.text, f.text, gap, size);
        c.end = Math.max(c.end, f.x1);
      }
      text = join(text, f.text, gap, size);
      end = Math.max(end, f.x1);
    }
    return {
      page: g[0]!.page,
      x: g[0]!.x0,
      xEnd: end,
      y: g[0]!.baseline,
      size,
      bold: g.every((f) => f.bold),
      text: collapseSpace(text),
      cells: cells.map((c) => ({ ...c, text: collapseSpace(c.text) })),
    };
  });
}

// ── page furniture ───────────────────────────────────────────────────────

/**
 * Fragments in the top or bottom margin that most pages repeat at the same
 * place (digits aside: "Page 3"), and page numbers standing alone there.
 * Decided by position, not by words, so a footnote that happens to recur
 * ("Source: ONS") higher on the page is kept.
 */
function runningFragments(pages: readonly Fragment[][], sizes: readonly { width: number; height: number }[]): Set<Fragment> {
  const margin = (f: Fragment): boolean => {
    const h = sizes[f.page]!.height;
    return f.baseline > h * 0.9 || f.baseline < h * 0.1;
  };
  const key = (f: Fragment): string => `${Math.round(f.baseline / 4)}|${f.text.replace(/\d+/g, '#').toLowerCase()}`;
  const seen = new Map<string, Set<number>>();
  for (const fs of pages) for (const f of fs) if (margin(f)) seen.set(key(f), (seen.get(key(f)) ?? new Set()).add(f.page));
  const threshold = Math.max(2, Math.ceil(pages.length * 0.4));
  const out = new Set<Fragment>();
  for (const fs of pages)
    for (const f of fs) {
      if (!margin(f)) continue;
      if (PAGE_NUMBER.test(f.text) || (pages.length > 1 && seen.get(key(f))!.size >= threshold)) out.add(f);
    }
  return out;
}

// ── ruled tables ─────────────────────────────────────────────────────────

/** The runs of one cell as a cell: paragraphs (wrapped lines joined) and list items. */
function cellOf(runs: readonly PdfRun[]): Cell {
  const lines = linesOf(fragmentsOf(runs, 0));
  const paragraphs: string[] = [];
  const items: string[] = [];
  let open: 'paragraph' | 'item' | undefined;
  let previous: Line | undefined;
  let boldLead = false;
  for (const l of lines) {
    const gap = previous ? previous.y - l.y : Infinity;
    const close = gap <= Math.max(previous?.size ?? 0, l.size) * 1.45;
    const bullet = BULLET.exec(l.text);
    const styleChange = previous !== undefined && previous.bold !== l.bold;
    if (bullet) {
      items.push(l.text.slice(bullet[0].length).trim());
      open = 'item';
    } else if (open === 'item' && close && !styleChange) {
      items[items.length - 1] = mend(items[items.length - 1]!, l.text);
    } else if (open === 'paragraph' && close && !styleChange) {
      paragraphs[paragraphs.length - 1] = mend(paragraphs[paragraphs.length - 1]!, l.text);
    } else {
      if (paragraphs.length === 0 && items.length === 0) boldLead = l.bold;
      paragraphs.push(l.text);
      open = 'paragraph';
    }
    previous = l;
  }
  const text = collapseSpace([...paragraphs, ...items].join(' '));
  return { text, paragraphs, items, runTogether: false, strong: boldLead && lines.every((l) => l.bold), leadStrong: boldLead };
}

/** A line joined to the text before it, mending a word the line end hyphenated. */
function mend(text: string, next: string): string {
  if (/\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(next)) return `${text}${next}`;
  return `${text} ${next}`;
}

interface PlacedTable {
  readonly table: RuledTable;
  readonly runs: PdfRun[][];
}

/** A ruled table's text as a table block: one row per grid row, a merged cell's text in its first square. */
function tableBlock(placed: PlacedTable): Block | undefined {
  const { table } = placed;
  const rows = table.ys.length - 1;
  const cols = table.xs.length - 1;
  const grid: Cell[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => plainCell('')));
  const bands = new Set<number>();
  table.cells.forEach((cell, k) => {
    const runs = placed.runs[k]!;
    if (runs.length === 0) return;
    grid[cell.row]![cell.col] = cellOf(runs);
    if (cell.col === 0 && cell.colEnd === cols && cols > 1) bands.add(cell.row);
  });
  // Columns and rows with no text at all (a frame's margins, spacer rows) are not the table's.
  const usedCols = [...Array(cols).keys()].filter((c) => grid.some((r) => r[c]!.text !== ''));
  const out: TableRow[] = [];
  grid.forEach((r, k) => {
    if (r.every((c) => c.text === '')) return;
    out.push({ cells: usedCols.map((c) => r[c]!), ...(bands.has(k) ? { band: true } : {}) });
  });
  // A box around text (a cover's panels, a call-out) is not a table: a table has rows of several cells.
  if (usedCols.length < 2 || out.filter((r) => r.cells.filter((c) => c.text !== '').length >= 2).length < 2) return undefined;
  return { kind: 'table', rows: out };
}

function placeInTables(runs: readonly PdfRun[], tables: readonly RuledTable[]): { placed: PlacedTable[]; rest: PdfRun[] } {
  const placed = tables.map((table) => ({ table, runs: table.cells.map((): PdfRun[] => []) }));
  const rest: PdfRun[] = [];
  for (const r of runs) {
    const cx = r.x + r.width / 2;
    const cy = r.y + r.size * 0.3;
    let home = false;
    for (const p of placed) {
      const k = cellAt(p.table, cx, cy);
      if (k !== undefined) {
        p.runs[k]!.push(r);
        home = true;
        break;
      }
    }
    if (!home) rest.push(r);
  }
  return { placed: placed.filter((p) => p.runs.some((rs) => rs.length > 0)), rest };
}

// ── blocks ───────────────────────────────────────────────────────────────

function bodySize(fragments: readonly Fragment[]): number {
  const weight = new Map<number, number>();
  for (const f of fragments) weight.set(Math.round(f.size), (weight.get(Math.round(f.size)) ?? 0) + f.text.length);
  let best = 0;
  let most = -1;
  for (const [size, w] of weight) if (w > most) [best, most] = [size, w];
  return best;
}

function isTable(e: Element): e is TableElement {
  return 'table' in e;
}

export function layoutPdf(pages: readonly PdfPage[]): Block[] {
  // Per page: runs in ruled tables go to their cells, the rest become fragments.
  const perPage = pages.map((p, i) => {
    const tables = p.rects ? findRuledTables(p.rects, p, p.runs.filter((r) => r.text.trim() !== '')) : [];
    const { placed, rest } = placeInTables(p.runs, tables);
    const tableElements: TableElement[] = [];
    const loose: PdfRun[] = [...rest];
    for (const t of placed) {
      const block = tableBlock(t);
      if (block) tableElements.push({ page: i, table: block, x0: t.table.box.x0, x1: t.table.box.x1, y0: t.table.box.y0, y1: t.table.box.y1 });
      else loose.push(...t.runs.flat());
    }
    return { fragments: fragmentsOf(loose, i), tables: tableElements };
  });
  const running = runningFragments(
    perPage.map((p) => p.fragments),
    pages,
  );
  const allFragments = perPage.flatMap((p) => p.fragments.filter((f) => !running.has(f)));
  const body = bodySize(allFragments);
  const headingSizes = [...new Set(allFragments.filter((f) => f.size >= body * 1.15).map((f) => Math.round(f.size)))].sort((a, b) => b - a);
  // The title: the largest text on the first page that has text.
  const firstPage = allFragments.length ? allFragments[0]!.page : 0;
  const coverSizes = allFragments.filter((f) => f.page === firstPage).map((f) => Math.round(f.size));
  const titleSize = coverSizes.length ? Math.max(...coverSizes) : 0;

  const blocks: Block[] = [];
  let titleBlock: Block | undefined;
  let para: { lines: Line[] } | undefined;
  let list: { ordered: boolean; items: (ListItem & { indent: number })[] } | undefined;
  let table: { rows: TableRow[]; columns: number[] } | undefined;
  let heading: { lines: Line[] } | undefined;
  const isTitleGroup = (lines: readonly Line[]): boolean => !titleBlock && lines.some((x) => isTitleLine(x));
  const isTitleLine = (l: Line): boolean => l.page === firstPage && Math.round(l.size) === titleSize && titleSize >= body * 1.15;
  const levelOf = (l: Line): number => Math.max(1, Math.min(6, headingSizes.indexOf(Math.round(l.size)) + 1));

  const flushPara = (): void => {
    if (!para) return;
    let text = '';
    for (const l of para.lines) text = text ? mend(text, l.text) : l.text;
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
  const flushHeading = (): void => {
    if (!heading) return;
    const lines = heading.lines;
    heading = undefined;
    const text = collapseSpace(joinHeadingLines(lines));
    // Large text that reads as a sentence (a lead paragraph, a pull quote) is a paragraph, in its own size.
    if (!headingLike(text)) {
      blocks.push(paragraph(text, undefined, { strong: lines.every((l) => l.bold), leadStrong: lines[0]!.bold }));
      return;
    }
    const titleLine = isTitleGroup(lines);
    const block: Block = { kind: 'heading', level: titleLine ? 1 : levelOf(lines[0]!), text, source: 'markup' };
    if (titleLine) titleBlock = block;
    else blocks.push(block);
  };
  let footnote: { marker: string; lines: Line[] } | undefined;
  const flushFootnote = (): void => {
    if (footnote && footnote.lines.length) {
      blocks.push(paragraph(collapseSpace(footnote.lines.reduce((t, l) => (t ? mend(t, l.text) : l.text), '')), undefined, { footnote: footnote.marker }));
    }
    footnote = undefined;
  };
  const flush = (): void => {
    flushFootnote();
    flushHeading();
    flushPara();
    flushList();
    flushTable();
  };

  let previous: Line | undefined;
  const minGutter = Math.max(6, body * 0.9);
  for (let pageIndex = 0; pageIndex < pages.length; pageIndex++) {
    const elements: Element[] = [...perPage[pageIndex]!.fragments.filter((f) => !running.has(f)), ...perPage[pageIndex]!.tables];
    for (const region of readingOrder(elements, { minGutter })) {
      const tablesHere = region.filter(isTable);
      const fragmentsHere = region.filter((e): e is Fragment => !isTable(e));
      for (const t of tablesHere) {
        flush();
        blocks.push(t.table);
        previous = undefined;
      }
      for (const l of linesOf(fragmentsHere)) {
        previous = addLine(l, previous);
      }
    }
    // A page ends a heading; paragraphs and lists may carry on over the page.
    flushHeading();
  }
  flush();
  return titleBlock ? [titleBlock, ...blocks] : blocks;

  function addLine(l: Line, prev: Line | undefined): Line {
    const gap = prev && prev.page === l.page ? prev.y - l.y : Infinity;
    // Below the previous line and near it: a line moving up the page (the next column) starts afresh.
    const close = gap > 0 && gap <= Math.max(prev?.size ?? 0, l.size) * 1.75;
    // Footnotes: a small number standing alone low on the page, then smaller text beside and below it. The
    // paragraph they interrupt stays open, so a sentence the page broke is joined again.
    const low = l.y < pages[l.page]!.height * 0.3;
    if (low && /^\d{1,3}$/.test(l.text) && l.size <= body * 0.8) {
      flushFootnote();
      footnote = { marker: l.text, lines: [] };
      return l;
    }
    if (footnote) {
      if (l.size <= body * 0.95 && (footnote.lines.length === 0 || close)) {
        footnote.lines.push(l);
        return l;
      }
      flushFootnote();
    }
    const rounded = Math.round(l.size);
    const isTitle = isTitleLine(l) && !titleBlock;
    if ((rounded >= body * 1.15 || isTitle) && l.cells.length === 1 && /\p{L}{2}/u.test(l.text)) {
      // The lines of one heading (or of one lead paragraph set large): the same size, at line spacing. A label line
      // ("Commitment one") over a heading in another weight belongs to it too.
      const first = heading?.lines[0];
      const last = heading?.lines[heading.lines.length - 1];
      // The title may mix sizes ("West Sussex Early Years Needs Assessment" over "SUMMARY AND RECOMMENDATIONS").
      const titleGroup =
        first !== undefined && !titleBlock && (isTitleGroup(heading!.lines) || isTitleLine(l)) && [...heading!.lines, l].every((x) => x.page === firstPage && x.size >= titleSize * 0.75);
      const sameSize = last !== undefined && ((Math.abs(last.size - l.size) <= 0.5 && last.bold === l.bold) || titleGroup);
      const labelOver = first !== undefined && heading!.lines.length === 1 && isLabelLine(first.text) && Math.abs(first.size - l.size) <= first.size * 0.35;
      if (heading && close && (sameSize || labelOver) && heading.lines.length < 12) heading.lines.push(l);
      else {
        flush();
        heading = { lines: [l] };
      }
      return l;
    }
    flushHeading();
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
      return l;
    }
    flushTable();
    const bullet = BULLET.exec(l.text);
    const numbered = NUMBERED.exec(l.text);
    if (bullet || numbered) {
      flushPara();
      if (list && list.ordered !== Boolean(numbered)) flushList();
      list ??= { ordered: Boolean(numbered), items: [] };
      const text = numbered ? l.text.slice(numbered[0].length) : l.text.slice(bullet![0].length).trim();
      list.items.push({ text, strong: l.bold, indent: l.x, ...(numbered ? { number: numbered[1]! } : {}) });
      return l;
    }
    if (list && close && l.x > list.items[list.items.length - 1]!.indent + l.size * 0.5 && list.items[list.items.length - 1]!.strong === l.bold) {
      const last = list.items[list.items.length - 1]!;
      list.items[list.items.length - 1] = { ...last, text: mend(last.text, l.text) };
      return l;
    }
    flushList();
    const sameStyle = para && para.lines[para.lines.length - 1]!.bold === l.bold && Math.round(para.lines[para.lines.length - 1]!.size) === rounded;
    if (para && close && sameStyle) para.lines.push(l);
    else {
      flushPara();
      para = { lines: [l] };
    }
    return l;
  }
}

/** "Commitment one", "Chapter 3", "Priority 2", "Section A": a construct's name and number, standing over its title. */
function isLabelLine(text: string): boolean {
  return /^\p{L}+\s+(?:\d{1,3}|[A-H]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[:.]?$/iu.test(text.trim());
}

/** Heading lines as one text: a label line ("Commitment one") and its title are joined with a colon. */
function joinHeadingLines(lines: readonly Line[]): string {
  if (lines.length > 1 && isLabelLine(lines[0]!.text) && lines[0]!.bold !== lines[1]!.bold) {
    return `${lines[0]!.text.replace(/[:.]$/, '')}: ${lines.slice(1).map((l) => l.text).join(' ')}`;
  }
  return lines.map((l) => l.text).join(' ');
}

/** Short and not a finished sentence: a heading. Long text, or text with a sentence inside it, is prose. */
function headingLike(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length > 16) return false;
  if (/[.;,]$/.test(text) && words.length > 3) return false;
  return !/\p{Ll}[.!?]\s+\p{Lu}/u.test(text);
}
