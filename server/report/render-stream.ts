/**
 * The documents' rendered sections of a streamed report, kept in order as
 * UTF-8 bytes until the end of the run. The page opens with what only the
 * end knows (the totals, the index, the national views), so the documents
 * are rendered as they come and their models let go, and written after.
 *
 * A strategy's coverage section is the one part that depends on the end: it
 * is compact, linking to the national view, when its framework gets one
 * (two strategies or more), and the views' ids follow their order. So it
 * is kept as a choice: the compact form split where the view's id goes, and
 * the form without a view while that is not yet certain.
 */

import { utf8Bytes } from '../analysis/text-file.js';

/** A coverage section that waits for the national views to be known. */
export interface CoverageChoice {
  /** The framework whose national view (if any) decides the form. */
  readonly frameworkId: string;
  /** The section as shown without a national view; undefined once a view is certain. */
  readonly alone: string | undefined;
  /** The compact section; where `marksViewId`, with `VIEW_ID` where the national view's id goes. */
  readonly withView: string;
  readonly marksViewId: boolean;
}

interface EncodedChoice {
  readonly frameworkId: string;
  readonly alone: Buffer | undefined;
  readonly withView: readonly Buffer[];
}

/** Where a national view's id goes in a compact coverage section: `<` never comes out of escaped document text, and no template writes `<\0`. */
export const VIEW_ID = '<\u0000view>';

export class RenderedDocuments {
  private readonly chunks: (Buffer | EncodedChoice)[] = [];

  add(text: string): void {
    if (text.length > 0) this.chunks.push(utf8Bytes(text));
  }

  choose(choice: CoverageChoice): void {
    this.chunks.push({
      frameworkId: choice.frameworkId,
      alone: choice.alone === undefined ? undefined : utf8Bytes(choice.alone),
      withView: choice.marksViewId ? splitBytes(choice.withView) : [utf8Bytes(choice.withView)],
    });
  }

  /** The bytes in order, each choice made: `views` gives the national view's id of each framework that has one. */
  *bytes(views: ReadonlyMap<string, string>): Generator<Buffer> {
    for (const c of this.chunks) {
      if (Buffer.isBuffer(c)) {
        yield c;
        continue;
      }
      const view = views.get(c.frameworkId);
      if (view === undefined) {
        // A view is only taken as certain when two strategies answer the framework, and then it has one.
        if (c.alone === undefined) throw new Error(`internal error: no national view for framework ${c.frameworkId}`);
        yield c.alone;
        continue;
      }
      const id = Buffer.from(view, 'utf8');
      for (let i = 0; i < c.withView.length; i++) {
        if (i > 0) yield id;
        yield c.withView[i]!;
      }
    }
  }
}

const VIEW_ID_BYTES = Buffer.from(VIEW_ID, 'utf8');

/** The compact section in parts: encoded in one piece and cut where the view's id goes (a cut part is a view of the whole, not a copy). */
function splitBytes(withView: string): Buffer[] {
  const bytes = utf8Bytes(withView);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf(VIEW_ID_BYTES); at >= 0; at = bytes.indexOf(VIEW_ID_BYTES, from)) {
    parts.push(bytes.subarray(from, at));
    from = at + VIEW_ID_BYTES.length;
  }
  parts.push(bytes.subarray(from));
  return parts;
}

/** Counts the strategies answering each framework as documents come, to tell when its national view is certain. */
export class StrategiesPerFramework {
  private readonly counts = new Map<string, number>();

  /** Counts one more strategy. Keyed by the framework's file and id: one framework, never two. */
  add(framework: FrameworkKey): void {
    const key = keyOf(framework);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  count(framework: FrameworkKey): number {
    return this.counts.get(keyOf(framework)) ?? 0;
  }
}

interface FrameworkKey {
  readonly id: string;
  readonly file: string;
}

function keyOf(framework: FrameworkKey): string {
  return `${framework.file}\u0000${framework.id}`;
}

/** Collects written pieces into parts (for the in-memory renderers). */
export function collect(run: (write: (piece: string | Buffer) => void) => void): string[] {
  const parts: string[] = [];
  run((piece) => parts.push(typeof piece === 'string' ? piece : piece.toString('utf8')));
  return parts;
}
