/**
 * A document's rendered section as plain data: its text as UTF-8 bytes, with
 * the few things only the end of the run knows left as slots. Made wherever
 * the document is rendered (a worker thread, or the main thread), written by
 * the joiner in the documents' order, so one thread and many give the same
 * bytes by construction.
 *
 * What only the end knows: the document's place in the report (its ids,
 * `d1`, `d2`…, count only the documents that were reported), whether its
 * sections are folded open (a report of ten documents or fewer), the
 * national view's id its coverage links to, and whether its coverage section
 * is compact at all (its framework gets a national view once two strategies
 * answer it). The slots are marks in the HTML text: `<` never comes out of
 * escaped document text, and no template writes `<\0`.
 */
/** Where the document's id goes (`d7`). */
export const DOCUMENT_ID = '<\u0000d>';
/** Where ` open` goes when the document's sections are folded open. */
export const FOLD_OPEN = '<\u0000o>';
/** Where a compact coverage section's national view id goes (`n1`). */
export const VIEW_ID = '<\u0000v>';

const MARK_LENGTH = 4;
const MARK_START = Buffer.from('<\u0000', 'utf8');
const KIND_OFFSET = 2;
const KIND = { d: 'd'.charCodeAt(0), o: 'o'.charCodeAt(0), v: 'v'.charCodeAt(0) } as const;

/** A coverage section that waits for the national views: shown alone (`alone`, when rendered) or compact. */
export interface SectionChoice {
  readonly frameworkId: string;
  /** Byte offsets: the form without a view is [aloneStart, compactStart), the compact one [compactStart, afterStart). */
  readonly aloneStart: number;
  readonly compactStart: number;
  readonly afterStart: number;
  /** Whether the form without a view was rendered (not when the view was already certain). */
  readonly hasAlone: boolean;
}

export interface SectionPart {
  readonly bytes: Uint8Array;
  /** The byte offsets of the slot marks in `bytes`, in order (empty when `slots` was false). */
  readonly marks: readonly number[];
  readonly choice: SectionChoice | null;
}

/** A section's text in its pieces: before the coverage choice, its two forms, and after it. */
export interface SectionText {
  readonly before: string;
  readonly choice?: { readonly frameworkId: string; readonly alone: string | undefined; readonly compact: string };
  readonly after: string;
  /** Whether the text holds slot marks (HTML); markdown holds none, and its document text is not escaped for `<`. */
  readonly slots: boolean;
}

/** UTF-8 takes at most three bytes for each UTF-16 code unit: the room a text needs before it is encoded. */
const MAX_BYTES_PER_UNIT = 3;
/** The largest scratch buffer kept between sections (a larger section encodes into one of its own). */
const SCRATCH_KEPT = 8 << 20;
let scratch = Buffer.allocUnsafeSlow(1 << 16);

/**
 * The pieces' UTF-8 bytes in one buffer of their own (so a worker transfers
 * it without a copy), and where each piece starts. Each piece is written
 * straight into room enough for it, so its byte length comes with the
 * encoding: no transcode through UTF-16, no second pass to count bytes.
 */
function encodePieces(pieces: readonly string[]): { bytes: Buffer; starts: number[] } {
  let units = 0;
  for (const p of pieces) units += p.length;
  const room = units * MAX_BYTES_PER_UNIT;
  let into = scratch;
  if (into.length < room) {
    into = Buffer.allocUnsafeSlow(room);
    if (room <= SCRATCH_KEPT) scratch = into;
  }
  const starts: number[] = [];
  let at = 0;
  for (const p of pieces) {
    starts.push(at);
    if (p.length > 0) at += into.write(p, at, 'utf8');
  }
  const bytes = Buffer.allocUnsafeSlow(at);
  into.copy(bytes, 0, 0, at);
  return { bytes, starts };
}

/** Encodes a section once and finds its slots. */
export function encodeSection(text: SectionText): SectionPart {
  const c = text.choice;
  const { bytes, starts } = encodePieces(c ? [text.before, c.alone ?? '', c.compact, text.after] : [text.before, text.after]);
  const choice: SectionChoice | null = c ? { frameworkId: c.frameworkId, aloneStart: starts[1]!, compactStart: starts[2]!, afterStart: starts[3]!, hasAlone: c.alone !== undefined } : null;
  const marks: number[] = [];
  // The NUL of each mark, checked for its `<`: a search for a byte that is rare, where `<` starts every tag.
  if (text.slots) {
    for (let at = bytes.indexOf(0); at >= 0; ) {
      if (at > 0 && bytes[at - 1] === MARK_START[0]) {
        marks.push(at - 1);
        // The next mark starts after this one's four bytes, so its NUL comes one further.
        at = bytes.indexOf(0, at - 1 + MARK_LENGTH + 1);
      } else at = bytes.indexOf(0, at + 1);
    }
  }
  return { bytes, marks, choice };
}

/** What the joiner fills a section's slots with. */
export interface SlotValues {
  readonly documentId: Buffer;
  readonly foldOpen: Buffer;
  /** The national view's id of each framework that has one. */
  readonly views: ReadonlyMap<string, string>;
}

type Write = (piece: string | Buffer) => void;

/** Writes a section, its slots filled and its coverage choice made; `endOnce`: its text ends in exactly one newline. */
export function writeSection(part: SectionPart, values: SlotValues, write: Write, endOnce = false): void {
  const bytes = Buffer.from(part.bytes.buffer, part.bytes.byteOffset, part.bytes.byteLength);
  const c = part.choice;
  let view: Buffer | undefined;
  if (c) {
    const id = values.views.get(c.frameworkId);
    // A view is only taken as certain when two strategies answer the framework, and then it has one.
    if (id === undefined && !c.hasAlone) throw new Error(`internal error: no national view for framework ${c.frameworkId}`);
    view = id === undefined ? undefined : Buffer.from(id, 'utf8');
  }
  let end = bytes.length;
  if (endOnce) while (end > 0 && bytes[end - 1] === 0x0a) end--;
  const ranges: [number, number][] = !c ? [[0, end]] : view === undefined ? [[0, c.compactStart], [c.afterStart, end]] : [[0, c.aloneStart], [c.compactStart, end]];
  let m = 0;
  for (const [from, to] of ranges) {
    let at = from;
    while (m < part.marks.length && part.marks[m]! < from) m++;
    for (; m < part.marks.length && part.marks[m]! < to; m++) {
      const mark = part.marks[m]!;
      if (mark > at) write(bytes.subarray(at, mark));
      const kind = bytes[mark + KIND_OFFSET];
      const fill = kind === KIND.d ? values.documentId : kind === KIND.o ? values.foldOpen : kind === KIND.v ? view : undefined;
      if (fill === undefined) throw new Error('internal error: a section slot with nothing to fill it');
      if (fill.length > 0) write(fill);
      at = mark + MARK_LENGTH;
    }
    if (to > at) write(bytes.subarray(at, to));
  }
  if (endOnce) write('\n');
}
