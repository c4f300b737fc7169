import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { DOCUMENT_ID, encodeSection, FOLD_OPEN, VIEW_ID, type SectionPart, type SectionText } from '../../server/report/section-part.js';

/** `encodeSection` as it was written first: the whole text encoded at once, its offsets counted, its marks searched as `<\0`. */
function encodeReference(text: SectionText): SectionPart {
  const c = text.choice;
  const whole = c ? `${text.before}${c.alone ?? ''}${c.compact}${text.after}` : `${text.before}${text.after}`;
  const bytes = Buffer.from(whole, 'utf8');
  const aloneStart = Buffer.byteLength(text.before, 'utf8');
  const choice = c
    ? {
        frameworkId: c.frameworkId,
        aloneStart,
        compactStart: c.alone === undefined ? aloneStart : aloneStart + Buffer.byteLength(c.alone, 'utf8'),
        afterStart: bytes.length - Buffer.byteLength(text.after, 'utf8'),
        hasAlone: c.alone !== undefined,
      }
    : null;
  const marks: number[] = [];
  const start = Buffer.from('<\u0000', 'utf8');
  if (text.slots) for (let at = bytes.indexOf(start); at >= 0; at = bytes.indexOf(start, at + 4)) marks.push(at);
  return { bytes, marks, choice };
}

function assertSame(text: SectionText): void {
  const got = encodeSection(text);
  const want = encodeReference(text);
  assert.ok(Buffer.from(got.bytes).equals(Buffer.from(want.bytes)), 'bytes');
  assert.deepEqual(got.marks, want.marks);
  assert.deepEqual(got.choice, want.choice);
  // A buffer of its own, so that a worker transfers it whole.
  assert.equal(got.bytes.byteOffset, 0);
  assert.equal(got.bytes.byteLength, got.bytes.buffer.byteLength);
}

/** A section's piece, of whatever text, ending as every rendered piece does in markup (no surrogate pair is split between two pieces). */
const piece = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom(DOCUMENT_ID, FOLD_OPEN, VIEW_ID, '<', '\u0000', '<<\u0000', '—', '\ud800', '\udfff', '😀')), { maxLength: 10 })
  .map((parts) => `${parts.join('')}>`);

describe('report section parts', () => {
  it('encodeSection gives the bytes, offsets and marks of encoding the whole text at once', () => {
    fc.assert(
      fc.property(piece, fc.option(fc.record({ alone: fc.option(piece, { nil: undefined }), compact: piece })), piece, fc.boolean(), (before, choice, after, slots) =>
        assertSame({ before, ...(choice ? { choice: { frameworkId: 'f', alone: choice.alone, compact: choice.compact } } : {}), after, slots }),
      ),
      { numRuns: 3000 },
    );
  });

  it('encodeSection encodes a section larger than the scratch buffer it keeps, and a small one after it', () => {
    const big = `${'<p>ab — c</p>'.repeat(300_000)}${DOCUMENT_ID}`;
    assertSame({ before: big, choice: { frameworkId: 'f', alone: 'x', compact: VIEW_ID }, after: big, slots: true });
    assertSame({ before: `<h2 id="${DOCUMENT_ID}">é</h2>`, after: '', slots: true });
  });
});
