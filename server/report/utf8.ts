/**
 * Text to UTF-8 bytes, faster than `Buffer.from(text, 'utf8')` for the
 * report's large pieces: V8's own UTF-8 writer (behind `Buffer.from`,
 * `TextEncoder` and `buffer.write`) measures the text, then encodes it, a
 * character at a time; copying the text's UTF-16 code units out (a copy of
 * V8's string) and converting them with ICU (`buffer.transcode`) was 4 to 7
 * times faster on a report's pieces, for the same bytes (tested).
 *
 * A lone surrogate, which ICU refuses, is written as `Buffer.from` writes it
 * (U+FFFD), by falling back to it; so is text where ICU is missing (a Node
 * built without it) and small pieces, where the two copies do not pay.
 */
import { transcode } from 'node:buffer';

/** Below this many characters `Buffer.from` is as fast (measured: a call costs more than the copies save). */
const SMALL = 1024;

let icu = typeof transcode === 'function';

export function utf8Bytes(text: string): Buffer {
  if (!icu || text.length < SMALL) return Buffer.from(text, 'utf8');
  try {
    return transcode(Buffer.from(text, 'utf16le'), 'utf16le', 'utf8');
  } catch (e) {
    // A lone surrogate (U_INVALID_CHAR_FOUND): `Buffer.from` writes U+FFFD for it. Anything else: no usable ICU.
    if (!(e instanceof Error && 'code' in e && e.code === 'U_INVALID_CHAR_FOUND')) icu = false;
    return Buffer.from(text, 'utf8');
  }
}
