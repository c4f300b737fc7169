/**
 * The layout every reader produces: headings, paragraphs, lists and tables in
 * reading order, with plain text (markup resolved) and the source line they
 * came from. Recognisers work on this, never on a file format.
 */

export interface HeadingBlock {
  readonly kind: 'heading';
  /** 1 = top. For headings recognised from bold lines, set when the outline is built. */
  readonly level: number;
  readonly text: string;
  readonly line?: number;
  /** Where the heading came from: markup (`#`, `<h2>`, a Word heading style) or a bold line standing alone. */
  readonly source: 'markup' | 'bold';
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly text: string;
  readonly line?: number;
  /** The whole paragraph is bold. */
  readonly strong: boolean;
  /** The paragraph opens with a bold run ("**Delay:** taking action…"). */
  readonly leadStrong: boolean;
  /** Set on a footnote's text: its marker ("1", "ii"). */
  readonly footnote?: string;
  /** The author marked it as an editorial note (a Word style or an HTML class mapped to notes). */
  readonly note?: boolean;
}

export interface ListItem {
  readonly text: string;
  readonly line?: number;
  /** The number the source gave the item ("3" in "3. Do this"). */
  readonly number?: string;
  readonly strong: boolean;
  /** How deep the source nested it: under an item of the list 1, under one of those 2 (absent at the list's own level). */
  readonly depth?: number;
}

export interface ListBlock {
  readonly kind: 'list';
  readonly ordered: boolean;
  readonly items: readonly ListItem[];
  readonly line?: number;
}

export interface Cell {
  /** Everything in the cell, as one line of text. */
  readonly text: string;
  /** Text outside list items, paragraph by paragraph. */
  readonly paragraphs: readonly string[];
  /** List items (`<li>`) in the cell. */
  readonly items: readonly string[];
  /** The cell held a list whose item tags were lost, so its items run together. */
  readonly runTogether: boolean;
  readonly strong: boolean;
  /** The cell's first paragraph is bold (a heading or label over the rest). */
  readonly leadStrong?: boolean;
}

export interface TableRow {
  readonly cells: readonly Cell[];
  readonly line?: number;
  /** One cell spans the whole row: a band (a theme, a sub-heading, or prose across the table). */
  readonly band?: boolean;
}

export interface TableBlock {
  readonly kind: 'table';
  readonly rows: readonly TableRow[];
  readonly line?: number;
}

/** A thematic break or a page break: no text, but it separates paragraphs. */
export interface BreakBlock {
  readonly kind: 'break';
  readonly line?: number;
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | BreakBlock;

export function paragraph(text: string, line: number | undefined, flags: { strong?: boolean; leadStrong?: boolean; footnote?: string; note?: boolean } = {}): ParagraphBlock {
  return {
    kind: 'paragraph',
    text,
    line,
    strong: flags.strong ?? false,
    leadStrong: flags.leadStrong ?? flags.strong ?? false,
    ...(flags.footnote !== undefined ? { footnote: flags.footnote } : {}),
    ...(flags.note ? { note: true } : {}),
  };
}

export function plainCell(text: string, strong = false): Cell {
  return { text, paragraphs: text ? [text] : [], items: [], runTogether: false, strong };
}

/** The text of a block, for word counts and comparisons. */
export function blockText(block: Block): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return block.text;
    case 'list':
      return block.items.map((i) => (i.number ? `${i.number} ${i.text}` : i.text)).join('\n');
    case 'table':
      return block.rows.map((r) => r.cells.map((c) => c.text).join('\t')).join('\n');
    case 'break':
      return '';
  }
}
