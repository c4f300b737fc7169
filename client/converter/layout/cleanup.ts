/**
 * Undoing what page layout did to the text before anything is recognised:
 * paragraphs split by a page break (and the footnotes printed between their
 * halves), page header rows and banners repeated on every page, tables
 * continued on the next page, and tables of contents. What is removed as
 * layout is returned separately, so the report can count it and word
 * coverage leaves it out.
 */
import { paragraph, type Block, type ParagraphBlock, type TableBlock, type TableRow } from './blocks.js';

export interface CleanedLayout {
  readonly blocks: Block[];
  /** Footnote texts, in order, with their markers. */
  readonly footnotes: ParagraphBlock[];
  /** Blocks removed as page layout (repeated headers, contents pages). */
  readonly artefacts: Block[];
}

const ENDS_SENTENCE = /[.!?:;"”’')\]…]$/u;

function normalised(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function words(text: string): string[] {
  return normalised(text).split(' ').filter((w) => w.length > 2);
}

function rowKey(row: TableRow): string {
  return row.cells.map((c) => normalised(c.text)).join('|');
}

/**
 * Whether `b` ends in the middle of a sentence: a paragraph of four words or
 * more without its full stop, or a list whose items are sentences but for its
 * last, of eight words or more (items written without full stops, a list of
 * names, are not broken sentences).
 */
function stopsMidSentence(b: Block): boolean {
  if (b.kind === 'paragraph') return !b.note && !ENDS_SENTENCE.test(b.text) && b.text.split(/\s+/).length >= 4;
  if (b.kind !== 'list' || b.items.length === 0) return false;
  const last = b.items[b.items.length - 1]!.text;
  return !ENDS_SENTENCE.test(last) && last.split(/\s+/).length >= 8 && b.items.slice(0, -1).every((item) => ENDS_SENTENCE.test(item.text));
}

/**
 * A paragraph (or a list's last item) that stopped mid-sentence and one that
 * starts in lower case, with only footnotes and breaks between: one text the
 * page broke.
 */
function joinBrokenParagraphs(blocks: Block[], footnotes: ParagraphBlock[]): Block[] {
  const out: Block[] = [];
  let openIndex = -1;
  for (const b of blocks) {
    if (b.kind === 'paragraph' && b.footnote !== undefined) {
      footnotes.push(b);
      continue;
    }
    if (b.kind === 'break') {
      out.push(b);
      continue;
    }
    const last = out[out.length - 1];
    if (b.kind === 'paragraph' && last?.kind === 'heading' && b.footnote === undefined && /^[a-z]/.test(b.text) && !ENDS_SENTENCE.test(last.text)) {
      // "### 1. Provide assistance to LAs" over "so that they may align …: the rest" – the heading's sentence goes on
      // below it: the heading takes it up to its end, the rest stays a paragraph.
      const end = /^[^.:;!?]*[.:;!?](?=\s|$)/.exec(b.text);
      const taken = end ? end[0] : b.text;
      out[out.length - 1] = { ...last, text: `${last.text.trim()} ${taken}` };
      const rest = b.text.slice(taken.length).trim();
      if (rest) {
        out.push(paragraph(rest, b.line, { leadStrong: false }));
        openIndex = !ENDS_SENTENCE.test(rest) && rest.split(/\s+/).length >= 4 ? out.length - 1 : -1;
      } else openIndex = -1;
      continue;
    }
    if (b.kind === 'paragraph' && !b.note && openIndex >= 0 && /^[a-z]/.test(b.text)) {
      const open = out[openIndex]!;
      if (open.kind === 'list') {
        // A list item the page broke: its sentence goes on in the paragraph after the list.
        const items = [...open.items];
        const item = items[items.length - 1]!;
        items[items.length - 1] = { ...item, text: `${item.text} ${b.text}` };
        out[openIndex] = { ...open, items };
      } else if (open.kind === 'paragraph') {
        out[openIndex] = paragraph(`${open.text} ${b.text}`, open.line, { strong: false, leadStrong: open.leadStrong });
      }
      openIndex = ENDS_SENTENCE.test(b.text) ? -1 : openIndex;
      continue;
    }
    out.push(b);
    openIndex = stopsMidSentence(b) ? out.length - 1 : -1;
  }
  return out.filter((b) => b.kind !== 'break');
}

/**
 * A heading that repeats the heading still in force is a page banner; a table
 * whose first row repeats the previous table's header continues that table,
 * and so does a table with as many columns and no header of its own
 * (`hasOwnHeader`) right after one that has: the next page of it, its header
 * not repeated.
 */
function dropRepeats(blocks: Block[], artefacts: Block[], hasOwnHeader: (table: TableBlock) => boolean): Block[] {
  const out: Block[] = [];
  let lastHeadingKey: string | undefined;
  let lastTable: { index: number; header: string; columns: number; headed: boolean } | undefined;
  let onlyArtefactsSinceTable = false;
  for (const b of blocks) {
    const isHeadingLike = b.kind === 'heading' || (b.kind === 'paragraph' && b.strong && b.text.split(/\s+/).length <= 25);
    if (isHeadingLike) {
      const key = normalised(b.text);
      if (key && key === lastHeadingKey) {
        artefacts.push(b);
        continue;
      }
      lastHeadingKey = key;
      onlyArtefactsSinceTable = false;
      out.push(b);
      continue;
    }
    if (b.kind === 'table' && b.rows.length > 0) {
      const header = rowKey(b.rows[0]!);
      if (lastTable && lastTable.header === header && onlyArtefactsSinceTable) {
        // The same table on the next page: its header row is the page's, its rows are the table's.
        artefacts.push({ kind: 'table', rows: [b.rows[0]!], line: b.line });
        const previous = out[lastTable.index] as TableBlock;
        out[lastTable.index] = { ...previous, rows: [...previous.rows, ...b.rows.slice(1)] };
        continue;
      }
      const columns = b.rows[0]!.cells.length;
      const headed = hasOwnHeader(b);
      if (lastTable && onlyArtefactsSinceTable && lastTable.headed && lastTable.columns === columns && !headed) {
        const previous = out[lastTable.index] as TableBlock;
        out[lastTable.index] = { ...previous, rows: [...previous.rows, ...b.rows] };
        continue;
      }
      out.push(b);
      lastTable = { index: out.length - 1, header, columns, headed };
      onlyArtefactsSinceTable = true;
      continue;
    }
    onlyArtefactsSinceTable = false;
    lastHeadingKey = undefined;
    out.push(b);
  }
  return out;
}

const PAGE_NUMBER_END = /(?:\.{2,}|\s)\s*\d{1,3}$|^\d{1,3}$/;

/** A contents page: a heading such as "Contents" and entries that end in page numbers. */
function dropContents(blocks: Block[], isContentsHeading: (text: string) => boolean, artefacts: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const headingText = b.kind === 'heading' || (b.kind === 'paragraph' && b.strong) ? b.text : undefined;
    if (headingText === undefined || !isContentsHeading(headingText)) {
      out.push(b);
      continue;
    }
    let j = i + 1;
    const entries: Block[] = [];
    for (; j < blocks.length; j++) {
      const e = blocks[j]!;
      if (e.kind === 'table' && e.rows.every((r) => PAGE_NUMBER_END.test(r.cells[r.cells.length - 1]?.text.trim() ?? ''))) entries.push(e);
      else if (e.kind === 'list' && e.items.every((it) => PAGE_NUMBER_END.test(it.text))) entries.push(e);
      else if (e.kind === 'paragraph' && PAGE_NUMBER_END.test(e.text) && e.text.split(/\s+/).length <= 14) entries.push(e);
      else break;
    }
    if (entries.length === 0) {
      out.push(b);
      continue;
    }
    artefacts.push(b, ...entries);
    i = j - 1;
  }
  return out;
}

const PAGE_LINE = /^(?:page\s+\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|\d{1,4}\s*(?:of|\/)\s*\d{1,4}|[-–—]\s*\d{1,4}\s*[-–—]|\d{1,3})$/i;

/**
 * Lines a text export kept from the page furniture: page numbers standing
 * alone, and a short running header or footer that recurs on page after
 * page (three times or more, word for word) next to a page's edge (a page
 * number or a page break within two blocks of it). Decided by where the
 * line stands, so a note or source line that recurs in the body ("Source:
 * ONS") is kept.
 */
function dropPageFurniture(blocks: Block[], artefacts: Block[]): Block[] {
  const seen = new Map<string, number>();
  for (const b of blocks) {
    // Bold lines are left to the heading checks: a banner repeated on every page is still the first page's heading.
    if (b.kind === 'paragraph' && !b.strong && b.text.split(/\s+/).length <= 12 && !/[.:]$/.test(b.text)) seen.set(b.text, (seen.get(b.text) ?? 0) + 1);
  }
  const pageEdge = (k: number): boolean => {
    const b = blocks[k];
    return b !== undefined && (b.kind === 'break' || (b.kind === 'paragraph' && PAGE_LINE.test(b.text)));
  };
  // A running header repeats the document's title ("Northbridge Strategy | Consultation draft").
  const title = blocks.find((b) => b.kind === 'heading' || b.kind === 'paragraph');
  const titleWords = new Set(title ? words(title.text) : []);
  const namesTitle = (text: string): boolean => {
    const w = words(text);
    return w.length > 0 && w.filter((x) => titleWords.has(x)).length >= Math.max(2, w.length * 0.5);
  };
  return blocks.filter((b, k) => {
    const pageNumber = b.kind === 'paragraph' && !b.strong && b.footnote === undefined && PAGE_LINE.test(b.text);
    const running =
      b.kind === 'paragraph' &&
      !b.strong &&
      b.footnote === undefined &&
      (seen.get(b.text) ?? 0) >= 3 &&
      k > 0 &&
      ([k - 2, k - 1, k + 1, k + 2].some(pageEdge) || namesTitle(b.text));
    if (pageNumber || running) artefacts.push(b);
    return !(pageNumber || running);
  });
}

export function cleanLayout(blocks: readonly Block[], isContentsHeading: (text: string) => boolean, hasOwnHeader: (table: TableBlock) => boolean = () => true): CleanedLayout {
  const footnotes: ParagraphBlock[] = [];
  const artefacts: Block[] = [];
  let out = dropPageFurniture([...blocks], artefacts);
  out = joinBrokenParagraphs(out, footnotes);
  out = dropContents(out, isContentsHeading, artefacts);
  out = dropRepeats(out, artefacts, hasOwnHeader);
  return { blocks: out, footnotes, artefacts };
}
