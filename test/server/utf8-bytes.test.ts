/**
 * `utf8Bytes`, the encoder every atomic write uses: exactly the bytes
 * `Buffer.from(text, 'utf8')` gives, on short text (written by Buffer.from)
 * and long text (through ICU), lone surrogates included (ICU refuses them;
 * they become U+FFFD as Buffer.from writes them).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { utf8Bytes } from '../../server/analysis/text-file.js';

/** Long enough for the ICU path. */
const long = (s: string): string => s.repeat(Math.ceil(4096 / Math.max(1, s.length)));

describe('utf8Bytes', () => {
  it('gives the bytes Buffer.from gives, on any text, short and long', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: 'binary-ascii', maxLength: 80 })), (text) => {
        for (const s of [text, long(text), `${long('a')}${text}`]) assert.deepEqual(utf8Bytes(s), Buffer.from(s, 'utf8'));
      }),
      { numRuns: 500 },
    );
  });

  it('a lone surrogate in long text is U+FFFD, and the encoder keeps working after it', () => {
    const text = `${long('x')}\ud800${long('é')}`;
    assert.deepEqual(utf8Bytes(text), Buffer.from(text, 'utf8'));
    assert.ok(utf8Bytes(text).includes(Buffer.from('\ufffd', 'utf8')));
    const after = long('naïve “quotes” 😀');
    assert.deepEqual(utf8Bytes(after), Buffer.from(after, 'utf8'));
  });
});
