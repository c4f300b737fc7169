/**
 * Plain text and markdown to blocks. Both come from exports of Word or PDF
 * documents, so they mix markdown (headings, bullets, emphasis, links) with
 * tab-separated tables whose cells hold HTML fragments. A line with a tab is
 * a table row; consecutive rows are one table.
 */
import { paragraph, type Block, type ListItem, type TableRow } from '../layout/blocks.js';
import { cleanInline, parseCell, stripBullet } from '../layout/inline.js';
import { alignedColumnsAsTabs } from './aligned-columns.js';

/** `## Title`, and kramdown's `##Title` (two hashes or more with no space: one `#` and a word is a hashtag). */
const HEADING = /^\s{0,3}(#{1,6})(?:\s+|(?<=##)(?=[^\s#]))(.*?)\s*#*\s*$/;
/** A kramdown attribute list (`{: .class}`): markup, not text. */
const ATTRIBUTE_LIST = /\s*\{:[^{}]*\}/g;
const BULLET = /^(\s*)(?:[-*+\u2022\u25aa\u25cf\u2713\u2714])\s+(.*)$/u;
/** "3. Do this", "3) Do this", and the section-style "1.2 Do this". */
const ORDERED = /^(\s*)(\d{1,4}(?:\.\d{1,3})+\.?|\d{1,3}[.)])\s+(.*)$/;
/** A markdown pipe table row, and the row under its header that only holds dashes. */
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function pipeCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  // A pipe escaped as \| belongs to the cell.
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}
const RULE = /^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/;
/** `**A****B**`: bold runs written back to back are separate lines run together by the export. */
const BOLD_RUNS = /\*\*\*\*(?=\S)/;
const FOOTNOTE = /^\s*<sup>\s*([^<]{1,6}?)\s*<\/sup>\s*(.*)$/i;

interface PendingParagraph {
  parts: string[];
  line: number;
}

interface PendingList {
  ordered: boolean;
  items: { parts: string[]; line: number; number?: string; depth: number }[];
  line: number;
  /** The indentation of each level of nesting so far, outermost first. */
  indents: number[];
}

/** Columns of a line's leading white space (a tab to the next multiple of four). */
function indentOf(space: string): number {
  let n = 0;
  for (const c of space) n = c === '\t' ? n + 4 - (n % 4) : n + 1;
  return n;
}

export function readMarkdown(source: string, options: { alignedColumns?: boolean } = {}): Block[] {
  const raw = source.replace(/\r\n?/g, '\n').split('\n');
  // Plain text sets tables out in aligned columns; markdown does not (its indented lines are code or list bodies).
  const lines = options.alignedColumns ? alignedColumnsAsTabs(raw) : raw;
  const blocks: Block[] = [];
  let para: PendingParagraph | undefined;
  let list: PendingList | undefined;
  let table: { rows: TableRow[]; line: number; pipe?: boolean } | undefined;

  const flushParagraph = (): void => {
    if (!para) return;
    const raw = para.parts.join(' ');
    const line = para.line;
    para = undefined;
    const foot = FOOTNOTE.exec(raw);
    if (foot) {
      const body = cleanInline(foot[2]!);
      if (body.text) blocks.push(paragraph(body.text, line, { footnote: foot[1]!.trim() }));
      return;
    }
    const inline = cleanInline(raw);
    if (inline.text) blocks.push(paragraph(inline.text, line, inline));
  };

  const flushList = (): void => {
    if (!list) return;
    const items: ListItem[] = [];
    for (const item of list.items) {
      const inline = cleanInline(item.parts.join(item.parts.length > 1 && isWhollyBoldPart(item.parts[0]!) ? ': ' : ' '));
      const text = stripBullet(inline.text);
      if (text) items.push({ text, line: item.line, strong: inline.strong, ...(item.number ? { number: item.number } : {}), ...(item.depth > 0 ? { depth: item.depth } : {}) });
    }
    if (items.length > 0) blocks.push({ kind: 'list', ordered: list.ordered, items, line: list.line });
    list = undefined;
  };
  const flushTable = (): void => {
    if (!table) return;
    blocks.push({ kind: 'table', rows: table.rows, line: table.line });
    table = undefined;
  };
  const flushAll = (): void => {
    flushParagraph();
    flushList();
    flushTable();
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const rawLine = lines[i]!;
    const line = rawLine.replace(/\u00a0/g, ' ').replace(ATTRIBUTE_LIST, '').replace(/\s+$/, '');
    if (line.trim() === '' || line.trim() === '&nbsp;') {
      // A line that held only an attribute list leaves nothing, and ends nothing either.
      if (rawLine.trim() !== '' && /\{:[^{}]*\}/.test(rawLine)) continue;
      flushAll();
      continue;
    }
    if (PIPE_ROW.test(line) || (table?.pipe && PIPE_RULE.test(line))) {
      flushParagraph();
      flushList();
      if (PIPE_RULE.test(line)) continue;
      if (!table) table = { rows: [], line: lineNo, pipe: true };
      table.rows.push({ cells: pipeCells(line).map((c) => parseCell(c.replace(/<br\s*\/?>/gi, ' '))), line: lineNo });
      continue;
    }
    if (line.includes('\t') && line.replace(/\t/g, '').trim() !== '') {
      flushParagraph();
      flushList();
      if (!table) table = { rows: [], line: lineNo };
      table.rows.push({ cells: line.split('\t').map((c) => parseCell(c.trim())), line: lineNo });
      continue;
    }
    flushTable();
    if (RULE.test(line)) {
      flushAll();
      blocks.push({ kind: 'break', line: lineNo });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushAll();
      const inline = cleanInline(heading[2]!);
      if (inline.text) blocks.push({ kind: 'heading', level: heading[1]!.length, text: inline.text, line: lineNo, source: 'markup' });
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = bullet ? undefined : ORDERED.exec(line);
    if (bullet || ordered) {
      flushParagraph();
      const isOrdered = Boolean(ordered);
      const indent = indentOf((bullet ?? ordered)![1]!);
      // Indented under an item of the list: nested in it (a list of bullets under a numbered item stays one list).
      const nested = list !== undefined && indent > list.indents[0]!;
      if (list && list.ordered !== isOrdered && !nested) flushList();
      if (!list) list = { ordered: isOrdered, items: [], line: lineNo, indents: [indent] };
      while (list.indents.length > 1 && indent < list.indents[list.indents.length - 1]!) list.indents.pop();
      if (indent > list.indents[list.indents.length - 1]!) list.indents.push(indent);
      const text = bullet ? bullet[2]! : ordered![3]!;
      list.items.push({ parts: [text.trim()], line: lineNo, depth: list.indents.length - 1, ...(ordered ? { number: ordered[2]!.replace(/[.)]$/, '') } : {}) });
      continue;
    }
    const content = line.trim().replace(/\\$/, '');
    if (list) {
      // A line under a list item, with no blank line between, continues it.
      list.items[list.items.length - 1]!.parts.push(content);
      continue;
    }
    if (BOLD_RUNS.test(content)) {
      flushParagraph();
      for (const run of content.split(BOLD_RUNS)) {
        const piece = `${run.startsWith('**') ? '' : '**'}${run}${run.endsWith('**') ? '' : '**'}`;
        para = { parts: [piece], line: lineNo };
        flushParagraph();
      }
      continue;
    }
    if (para) {
      para.parts.push(content);
    } else {
      para = { parts: [content], line: lineNo };
    }
  }
  flushAll();
  return blocks;
}

function isWhollyBoldPart(part: string): boolean {
  return /^\s*\*\*[^*]+\*\*\s*$/.test(part);
}
