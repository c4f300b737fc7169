/**
 * The lines of an edited text derived from the old text's index
 * (`LineIndex.edited`: the reparse's, and completion's while a reparse is
 * pending, server/lsp/text-view.ts) must be the new text's own `LineIndex`
 * answers, for every offset and line.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../grammar/index.js';
import { changedSpan } from '../../grammar/incremental-parse.js';

const piece = fc.oneof(fc.constantFrom('a', 'bc', ' ', '\n', '\r\n', '\r', '{', 'priority P1 "x" {\n', '\n\n'), fc.string({ maxLength: 5 }));
const textArb = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('lines of an edited text, from the old index', () => {
  it('answers positionAt and offsetAt as the new text’s LineIndex does', () => {
    fc.assert(
      fc.property(textArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 12 }), textArb, (old, at, remove, insert) => {
        const from = Math.floor(at * old.length);
        const text = old.slice(0, from) + insert + old.slice(Math.min(old.length, from + remove));
        const oldLines = new LineIndex(old);
        // As the server's are: computed (else the derived index computes its own).
        void oldLines.lineCount;
        const lines = LineIndex.edited(oldLines, text, changedSpan(old, text));
        const truth = new LineIndex(text);
        for (let o = -1; o <= text.length + 1; o++) {
          // Between a CR and its LF: not a place an editor asks about.
          if (o > 0 && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10) continue;
          assert.deepEqual(lines.positionAt(o), truth.positionAt(o), `positionAt(${o}) in ${JSON.stringify(text)} from ${JSON.stringify(old)}`);
        }
        for (let line = -1; line <= truth.lineCount + 1; line++) {
          for (const character of [0, 1, 2, 5, 1000]) {
            assert.equal(lines.offsetAt(line, character), truth.offsetAt(line, character), `offsetAt(${line}, ${character}) in ${JSON.stringify(text)} from ${JSON.stringify(old)}`);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
