/**
 * Reading a text file the way every part of the product must: regular files
 * only (a FIFO or `/dev/zero` named in a config would be read forever), up
 * to a size limit, decoded strictly as UTF-8 so that a file in another
 * encoding is refused instead of silently turned into U+FFFD, and with the
 * byte-order mark and line endings noted so that a rewrite keeps them.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8, transcode } from 'node:buffer';

/** The largest text file read: far above any strategy (the biggest seed is well under 1 MB). */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;

/** How much of a file is looked at for NUL bytes, as git does. */
const BINARY_SNIFF_BYTES = 8000;

/** What a rewrite must keep of the file as found. */
export interface TextShape {
  /** The file began with a UTF-8 byte-order mark. */
  readonly bom: boolean;
  /** The file's line break (its first one; `\n` when it has none). */
  readonly eol: '\n' | '\r\n';
}

export interface DecodedText extends TextShape {
  /** The text, without the byte-order mark. */
  readonly text: string;
}

export type TextFileRead = ({ readonly ok: true } & DecodedText) | { readonly ok: false; readonly error: string };

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(0)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Where the first byte that is not UTF-8 lies, as a 1-based line and column of the text before it. */
function firstInvalidPosition(bytes: Uint8Array): { line: number; column: number } {
  const lossy = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const at = lossy.indexOf('\ufffd');
  const before = lossy.slice(0, Math.max(0, at));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** Decodes file bytes strictly: binary content and invalid UTF-8 are errors, with where they are. */
export function decodeText(bytes: Uint8Array): { ok: true; decoded: DecodedText } | { ok: false; error: string } {
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) return { ok: false, error: 'is a binary file (it holds NUL bytes), not Strategy text' };
  if (!isUtf8(bytes)) {
    const { line, column } = firstInvalidPosition(bytes);
    return { ok: false, error: `is not valid UTF-8 (first bad byte at line ${line}, column ${column}); save it as UTF-8 and try again` };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', bom ? 3 : 0);
  const firstBreak = text.indexOf('\n');
  const eol = firstBreak > 0 && text.charCodeAt(firstBreak - 1) === 13 ? '\r\n' : '\n';
  return { ok: true, decoded: { text, bom, eol } };
}

/** The text to write back: with the byte-order mark and the line endings the file had. */
export function encodeText(text: string, shape: TextShape): string {
  const lines = shape.eol === '\r\n' ? text.replace(/\r?\n/g, '\r\n') : text;
  return shape.bom ? `\ufeff${lines}` : lines;
}

function errorOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ENOENT') return 'no such file';
  return `cannot read (${code ?? String(e)})`;
}

function notRegular(isDirectory: boolean): string {
  return isDirectory ? 'is a folder' : 'is not a regular file (a device, pipe or socket); only files are read';
}

function tooLarge(size: number, limit: number): string {
  return `is too large to read (${describeSize(size)}; the limit is ${describeSize(limit)})`;
}

/** Reads a regular file of at most `limit` bytes, decoded strictly as UTF-8. Never throws. */
export function readBoundedTextFile(path: string, limit = MAX_TEXT_FILE_BYTES): TextFileRead {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, error: notRegular(stat.isDirectory()) };
    if (stat.size > limit) return { ok: false, error: tooLarge(stat.size, limit) };
    // Read what fstat promised, and one byte more to notice a file that grew past the limit meanwhile.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, limit) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) {
        if (length > limit) return { ok: false, error: tooLarge(length, limit) };
        break;
      }
    }
    const r = decodeText(buffer.subarray(0, length));
    return r.ok ? { ok: true, ...r.decoded } : r;
  } catch (e) {
    return { ok: false, error: errorOf(e) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** As `readBoundedTextFile`, without blocking the event loop (for the language server). */
export async function readBoundedTextFileAsync(path: string, limit = MAX_TEXT_FILE_BYTES): Promise<TextFileRead> {
  let handle;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, error: notRegular(stat.isDirectory()) };
    if (stat.size > limit) return { ok: false, error: tooLarge(stat.size, limit) };
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, limit) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > limit) return { ok: false, error: tooLarge(length, limit) };
        break;
      }
    }
    const r = decodeText(buffer.subarray(0, length));
    return r.ok ? { ok: true, ...r.decoded } : r;
  } catch (e) {
    return { ok: false, error: errorOf(e) };
  } finally {
    await handle?.close();
  }
}

/** Below this many characters `Buffer.from` is as fast as the two copies below (a call costs more than they save). */
const SMALL_TEXT = 1024;
let transcodes = typeof transcode === 'function';

/**
 * Text as UTF-8 bytes, the same bytes as `Buffer.from(text, 'utf8')`, faster
 * for large text: V8's UTF-8 writer (behind `Buffer.from`, `buffer.write`
 * and `TextEncoder`) measured about 5 ms per megabyte of plain ASCII here,
 * while copying the UTF-16 code units out and converting them with ICU
 * (`buffer.transcode`) took about 0.6 ms. A lone surrogate, which ICU
 * refuses, is written as `Buffer.from` writes it (U+FFFD) by falling back to
 * it; so is everything on a Node built without ICU.
 */
export function utf8Bytes(text: string): Buffer {
  if (!transcodes || text.length < SMALL_TEXT) return Buffer.from(text, 'utf8');
  try {
    return transcode(Buffer.from(text, 'utf16le'), 'utf16le', 'utf8');
  } catch (e) {
    // A lone surrogate (U_INVALID_CHAR_FOUND); anything else means no usable ICU.
    if (!(e instanceof Error && 'code' in e && e.code === 'U_INVALID_CHAR_FOUND')) transcodes = false;
    return Buffer.from(text, 'utf8');
  }
}
