/**
 * A Word file's zip package, checked before it is opened: the entries'
 * declared sizes (a zip bomb declares gigabytes), the main document
 * inflated with a cap (a lying header cannot make it inflate more), and the
 * document's nesting depth (thousands of unclosed elements make the XML
 * parse crawl). Reads the zip's central directory itself: the check must
 * come before any library inflates anything.
 */
import { inflateRawSync } from 'node:zlib';
import { markupDepth } from './markup-depth.js';

export const DOCX_LIMITS = {
  /** All entries together, inflated. */
  totalBytes: 512 * 1024 * 1024,
  /** The main document part, inflated. */
  documentBytes: 128 * 1024 * 1024,
  entries: 20000,
  /** Element nesting in the main document part. */
  depth: 1000,
} as const;

export class UnsafePackageError extends Error {}

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeader: number;
}

function entries(data: Buffer): Entry[] {
  // The end-of-central-directory record sits in the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 65557); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new UnsafePackageError('it is not a zip package (no central directory)');
  const count = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new UnsafePackageError('it is a ZIP64 package, which Word does not write');
  if (count > DOCX_LIMITS.entries) throw new UnsafePackageError(`it holds ${count} entries (at most ${DOCX_LIMITS.entries})`);
  const out: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) throw new UnsafePackageError('its central directory is damaged');
    const nameLength = data.readUInt16LE(at + 28);
    out.push({
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      size: data.readUInt32LE(at + 24),
      name: data.toString('utf8', at + 46, at + 46 + nameLength),
      localHeader: data.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return out;
}

function inflated(data: Buffer, entry: Entry, cap: number): Buffer {
  const h = entry.localHeader;
  if (h + 30 > data.length || data.readUInt32LE(h) !== 0x04034b50) throw new UnsafePackageError(`its entry ${entry.name} is damaged`);
  const start = h + 30 + data.readUInt16LE(h + 26) + data.readUInt16LE(h + 28);
  const raw = data.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return raw;
  try {
    return inflateRawSync(raw, { maxOutputLength: cap });
  } catch (e) {
    if (e instanceof RangeError) throw new UnsafePackageError(`its entry ${entry.name} inflates past ${cap} bytes`);
    throw new UnsafePackageError(`its entry ${entry.name} cannot be inflated`);
  }
}

/** Throws UnsafePackageError, saying why, when the package is not safe to open. */
export function checkDocxPackage(data: Buffer): void {
  const list = entries(data);
  const total = list.reduce((n, e) => n + e.size, 0);
  if (total > DOCX_LIMITS.totalBytes) throw new UnsafePackageError(`it declares ${Math.round(total / 1048576)} MB of content (at most ${DOCX_LIMITS.totalBytes / 1048576} MB)`);
  const main = list.find((e) => e.name === 'word/document.xml');
  if (!main) return; // mammoth says what is missing
  if (main.size > DOCX_LIMITS.documentBytes) throw new UnsafePackageError(`its document part declares ${Math.round(main.size / 1048576)} MB (at most ${DOCX_LIMITS.documentBytes / 1048576} MB)`);
  const xml = inflated(data, main, Math.min(DOCX_LIMITS.documentBytes, main.size + 1024));
  const depth = markupDepth(xml.toString('utf8'), false);
  if (depth > DOCX_LIMITS.depth) throw new UnsafePackageError(`its document nests elements ${depth} deep (at most ${DOCX_LIMITS.depth})`);
}
