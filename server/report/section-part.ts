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
import { utf8Bytes } from '../analysis/text-file.js';

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

/** Encodes a section once (one transcode of its whole text) and finds its slots. */
export function encodeSection(text: SectionText): SectionPart {
  const c = text.choice;
  const whole = c ? `${text.before}${c.alone ?? ''}${c.compact}${text.after}` : `${text.before}${text.after}`;
  const bytes = utf8Bytes(whole);
  let choice: SectionChoice | null = null;
  if (c) {
    const aloneStart = Buffer.byteLength(text.before, 'utf8');
    const compactStart = c.alone === undefined ? aloneStart : aloneStart + Buffer.byteLength(c.alone, 'utf8');
    choice = { frameworkId: c.frameworkId, aloneStart, compactStart, afterStart: bytes.length - Buffer.byteLength(text.after, 'utf8'), hasAlone: c.alone !== undefined };
  }
  const marks: number[] = [];
  if (text.slots) for (let at = bytes.indexOf(MARK_START); at >= 0; at = bytes.indexOf(MARK_START, at + MARK_LENGTH)) marks.push(at);
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
