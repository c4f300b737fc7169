/**
 * HTML to blocks: headings, paragraphs, lists, tables and definition lists
 * (a glossary's usual form). Word documents come here too, through mammoth.
 * Table cells keep their inner HTML for the cell reader, so a cell's
 * paragraphs and list items survive. A paragraph with a class containing
 * "note" (how a Word style mapped to notes arrives) is an editorial note.
 */
import { Parser } from 'htmlparser2';
import { paragraph, type Block, type ListItem, type TableRow } from '../layout/blocks.js';
import { collapseSpace, parseCell, stripBullet, supText } from '../layout/inline.js';
import { flattenDeepHtml, markupDepth } from './markup-depth.js';

// Page chrome and code, not the document: navigation menus, scripts, styles.
const SKIPPED = new Set(['head', 'script', 'style', 'title', 'noscript', 'template', 'svg', 'nav', 'button', 'form']);
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const PARAGRAPH_LIKE = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'blockquote', 'body', 'aside', 'figure', 'figcaption', 'caption', 'pre', 'address']);
const STRONG = new Set(['b', 'strong']);

interface TextRun {
  text: string;
  strongChars: number;
  allChars: number;
  leadStrong: boolean | undefined;
  line: number;
  note: boolean;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

interface SpanCell {
  readonly raw: string;
  readonly rowspan: number;
  readonly colspan: number;
}

function span(value: string | undefined): number {
  const n = Number(value ?? '1');
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 1;
}

/**
 * A row's cells in their columns: a cell spanning rows above leaves an empty
 * cell in each row it covers (as an export without spans would), and a cell
 * spanning columns is followed by empty ones. `covered` counts, per column,
 * the rows still covered from above; it is updated for the next row.
 */
function unspan(cells: readonly SpanCell[], covered: number[]): string[] {
  const out: string[] = [];
  let col = 0;
  const skipCovered = (): void => {
    while ((covered[col] ?? 0) > 0) {
      covered[col]!--;
      out.push('');
      col++;
    }
  };
  for (const c of cells) {
    skipCovered();
    for (let k = 0; k < c.colspan; k++) {
      out.push(k === 0 ? c.raw : '');
      covered[col] = c.rowspan - 1;
      col++;
    }
  }
  // Columns past the row's last cell that a cell above still covers.
  const last = covered.reduce((m, v, i) => (v > 0 && i >= col ? i : m), -1);
  for (; col <= last; col++) {
    if ((covered[col] ?? 0) > 0) covered[col]!--;
    out.push('');
  }
  return out;
}

/** An ordered list's number as its `type` writes it: 3 as "c" for `type="a"`, "iii" for `type="i"`. */
function listNumber(n: number, type: string | undefined): string {
  if ((type === 'a' || type === 'A') && n >= 1 && n <= 26) return String.fromCharCode((type === 'a' ? 96 : 64) + n);
  if ((type === 'i' || type === 'I') && n >= 1 && n < 40) {
    const roman = ['x', 'ix', 'v', 'iv', 'i'];
    const values = [10, 9, 5, 4, 1];
    let out = '';
    let rest = n;
    values.forEach((v, k) => {
      for (; rest >= v; rest -= v) out += roman[k];
    });
    return type === 'I' ? out.toUpperCase() : out;
  }
  return String(n);
}

/** Deeper than this, HTML is flattened before it is read: no document needs more, and the parse would be quadratic. */
export const MAX_HTML_DEPTH = 256;

export function readHtml(source: string): Block[] {
  const html = markupDepth(source, true) > MAX_HTML_DEPTH ? flattenDeepHtml(source, MAX_HTML_DEPTH) : source;
  const blocks: Block[] = [];
  const starts = lineStarts(html);
  let skipDepth = 0;
  let strongDepth = 0;
  let supDepth = 0;
  let supBuffer = '';
  let run: TextRun | undefined;
  let headingLevel: number | undefined;
  const lists: { ordered: boolean; items: ListItem[]; line: number; counter: number; type?: string }[] = [];
  let item: { run: TextRun; number?: string } | undefined;
  let table: { rows: TableRow[]; line: number; covered: number[] } | undefined;
  let row: { cells: SpanCell[]; line: number } | undefined;
  let cell: { start: number; depth: number; tag: string; rowspan: number; colspan: number } | undefined;
  let definition: { term?: string } | undefined;

  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        if (cell) {
          if (name === cell.tag) cell.depth++;
          return;
        }
        if (SKIPPED.has(name)) skipDepth++;
        if (skipDepth > 0) return;
        const line = lineAt(starts, parser.startIndex);
        const note = /\bnote\b/i.test(attribs.class ?? '');
        if (name in HEADINGS) {
          flushRun();
          headingLevel = HEADINGS[name];
          run = newRun(line, false);
        } else if (name === 'ul' || name === 'ol') {
          flushItem();
          flushRun();
          lists.push({ ordered: name === 'ol', items: [], line, counter: Number(attribs.start ?? '1') || 1, ...(attribs.type ? { type: attribs.type } : {}) });
        } else if (name === 'li') {
          flushItem();
          const list = lists[lists.length - 1];
          item = { run: newRun(line, false), ...(list?.ordered ? { number: listNumber(list.counter++, list.type) } : {}) };
        } else if (name === 'table') {
          flushRun();
          table = { rows: [], line, covered: [] };
        } else if (name === 'tr') {
          row = { cells: [], line };
        } else if ((name === 'td' || name === 'th') && row) {
          cell = { start: parser.endIndex + 1, depth: 1, tag: name, rowspan: span(attribs.rowspan), colspan: span(attribs.colspan) };
        } else if (name === 'dl') {
          flushRun();
          table = { rows: [], line, covered: [] };
          definition = {};
        } else if (name === 'dt' || name === 'dd') {
          flushRun();
          run = newRun(line, false);
        } else if (PARAGRAPH_LIKE.has(name)) {
          if (!item) {
            flushRun();
            run = newRun(line, note);
          } else item.run.text += ' ';
        } else if (name === 'br') {
          append(' ');
        } else if (STRONG.has(name)) {
          strongDepth++;
        } else if (name === 'sup') {
          supDepth++;
          supBuffer = '';
        }
      },
      ontext(text) {
        if (cell || skipDepth > 0) return;
        if (supDepth > 0) supBuffer += text;
        else append(text);
      },
      onclosetag(name) {
        if (cell) {
          if (name === cell.tag && --cell.depth === 0) {
            row!.cells.push({ raw: html.slice(cell.start, parser.startIndex), rowspan: cell.rowspan, colspan: cell.colspan });
            cell = undefined;
          }
          return;
        }
        if (SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name in HEADINGS) {
          const r = run;
          run = undefined;
          const text = r ? collapseSpace(r.text) : '';
          if (text) blocks.push({ kind: 'heading', level: headingLevel ?? 1, text, line: r!.line, source: 'markup' });
          headingLevel = undefined;
        } else if (name === 'li') {
          flushItem();
        } else if (name === 'ul' || name === 'ol') {
          flushItem();
          const list = lists.pop();
          if (list && list.items.length > 0) {
            // A nested list's items follow their parent item in the enclosing list.
            const outer = lists[lists.length - 1];
            if (outer) outer.items.push(...list.items.map((it) => ({ ...it, depth: (it.depth ?? 0) + 1 })));
            else blocks.push({ kind: 'list', ordered: list.ordered, items: list.items, line: list.line });
          }
        } else if (name === 'tr') {
          if (row && table && row.cells.length > 0) {
            // One cell spanning the row (`colspan`, or a Word cell merged across): a band, as in a PDF table.
            const band = row.cells.length === 1 && row.cells[0]!.colspan > 1;
            table.rows.push({ cells: unspan(row.cells, table.covered).map((c) => parseCell(c.trim())), line: row.line, ...(band ? { band: true } : {}) });
          }
          row = undefined;
        } else if (name === 'table' || name === 'dl') {
          if (name === 'dl') flushDefinition();
          if (table && table.rows.length > 0) blocks.push({ kind: 'table', rows: table.rows, line: table.line });
          table = undefined;
          definition = undefined;
        } else if (name === 'dt' || name === 'dd') {
          const text = run ? collapseSpace(run.text) : '';
          run = undefined;
          if (definition && name === 'dt') {
            flushDefinition();
            definition.term = text;
          } else if (definition && table) {
            table.rows.push({ cells: [parseCell(definition.term ?? ''), parseCell(text)], line: table.line });
            definition.term = undefined;
          }
        } else if (PARAGRAPH_LIKE.has(name)) {
          if (!item) flushRun();
        } else if (STRONG.has(name)) {
          strongDepth = Math.max(0, strongDepth - 1);
        } else if (name === 'sup') {
          supDepth = Math.max(0, supDepth - 1);
          if (supDepth === 0 && supBuffer.trim()) append(supText(supBuffer));
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );

  function newRun(line: number, note: boolean): TextRun {
    return { text: '', strongChars: 0, allChars: 0, leadStrong: undefined, line, note };
  }
  function append(text: string): void {
    const target = item ? item.run : (run ??= newRun(lineAt(starts, parser.startIndex), false));
    const letters = text.replace(/\s/g, '').length;
    if (letters > 0 && target.leadStrong === undefined) target.leadStrong = strongDepth > 0;
    target.allChars += letters;
    if (strongDepth > 0) target.strongChars += letters;
    target.text += text;
  }
  function flushRun(): void {
    const r = run;
    run = undefined;
    if (!r || headingLevel !== undefined) {
      if (r && headingLevel !== undefined) run = r;
      return;
    }
    const text = collapseSpace(r.text);
    if (!text) return;
    const strong = r.allChars > 0 && r.strongChars / r.allChars >= 0.9;
    blocks.push(paragraph(text, r.line, { strong, leadStrong: strong || Boolean(r.leadStrong), note: r.note }));
  }
  function flushItem(): void {
    if (!item) return;
    const list = lists[lists.length - 1];
    const text = collapseSpace(stripBullet(collapseSpace(item.run.text)));
    if (text && list) {
      const strong = item.run.allChars > 0 && item.run.strongChars / item.run.allChars >= 0.9;
      list.items.push({ text, line: item.run.line, strong, ...(item.number ? { number: item.number } : {}) });
    }
    item = undefined;
  }
  function flushDefinition(): void {
    if (definition?.term && table) table.rows.push({ cells: [parseCell(definition.term), parseCell('')], line: table.line });
    if (definition) definition.term = undefined;
  }

  parser.write(html);
  parser.end();
  flushItem();
  flushRun();
  return blocks;
}
