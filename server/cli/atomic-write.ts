/**
 * Every file the CLI writes is written atomically: to a temporary file beside
 * the target, flushed to disk, then renamed over it. A kill, a full disk or a
 * file-size limit mid-write leaves the old file whole (and at worst a stray
 * temporary file), never a truncated one. The file keeps its mode; a link
 * stays a link (its target is replaced). A target that is not a regular file
 * (`-o /dev/stdout`, a FIFO) is written directly: it cannot be replaced.
 *
 * Hand-written rather than `write-file-atomic`: the CLI writes synchronously
 * (commands finish their writes before they report), and this is all it takes.
 */
import { closeSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writevSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { utf8Bytes } from '../analysis/text-file.js';

/** The name of the temporary file beside `target`: hidden, and not ending in `.strategy`, so no walk picks it up. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** The file a write to `path` must replace: the target of a link, so that the link stays a link. */
function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const writer = AtomicFileWriter.open(path);
  try {
    writer.write(data);
  } catch (e) {
    writer.abort();
    throw e;
  }
  writer.commit();
}

/**
 * How many bytes are gathered before one write: a report of a thousand
 * documents comes in some 190,000 pieces, and a system call for each cost
 * more than rendering them.
 */
const WRITE_AT = 1 << 20;

/**
 * Where a slice of `text` ending at `end` may end: not between the two
 * halves of a surrogate pair, which UTF-8 writes as one character. Before a
 * high surrogate is always such a place (it cannot be a pair's second half).
 */
function sliceEnd(text: string, end: number): number {
  if (end >= text.length) return text.length;
  const c = text.charCodeAt(end - 1);
  return c >= 0xd800 && c <= 0xdbff ? end - 1 : end;
}

/**
 * A file written atomically in pieces, as it is produced (a lint report of
 * thousands of files is never held whole): the pieces go to the temporary
 * file, gathered into writes of about a megabyte, and `commit` writes the
 * rest, flushes and renames it over the target. Until then the target is
 * untouched; `abort` removes the temporary file.
 */
export class AtomicFileWriter {
  private done = false;
  /** Pieces not yet written (not copied: a piece given to `write` must not change afterwards). */
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  private constructor(
    private readonly fd: number,
    /** The temporary file, or undefined when the target is written directly (not a regular file). */
    private readonly temporary: string | undefined,
    private readonly target: string,
    private readonly mode: number | undefined,
  ) {}

  static open(path: string): AtomicFileWriter {
    let mode: number | undefined;
    try {
      const stat = statSync(path);
      // `-o /dev/stdout`, a FIFO: not a file that can be replaced, and nothing there to truncate.
      if (!stat.isFile()) return new AtomicFileWriter(openSync(path, 'w'), undefined, path, undefined);
      mode = stat.mode & 0o7777;
    } catch {
      // A new file: the default mode, less the umask.
    }
    const target = mode === undefined ? path : realTarget(path);
    const temporary = temporaryPathFor(target);
    return new AtomicFileWriter(openSync(temporary, 'wx', mode ?? 0o666), temporary, target, mode);
  }

  /** Takes `data` to write; a failed write (a full disk) is thrown here or by `commit`. */
  write(data: string | Uint8Array): void {
    if (typeof data === 'string' && data.length > 2 * WRITE_AT) {
      // A long text (a SARIF log comes whole: 113 MB for a thousand files) is encoded a slice at a time. Encoded
      // whole it took twice its size in UTF-16 and its size again in UTF-8, fresh memory that made it ~1.2 s, not ~0.1 s.
      for (let at = 0; at < data.length; ) {
        const end = sliceEnd(data, at + WRITE_AT);
        this.writeBytes(utf8Bytes(data.slice(at, end)));
        at = end;
      }
      return;
    }
    this.writeBytes(typeof data === 'string' ? utf8Bytes(data) : data);
  }

  private writeBytes(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= WRITE_AT) this.flush();
  }

  private flush(): void {
    let pieces = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    // One gathered write of the pieces as they are (no copy into one buffer); a short write goes on from where it stopped.
    while (pieces.length > 0) {
      let written = writevSync(this.fd, pieces);
      // No empty piece is kept, so a write of nothing could only repeat forever.
      if (written === 0) throw Object.assign(new Error('write wrote nothing'), { code: 'EIO' });
      let i = 0;
      while (i < pieces.length && written >= pieces[i]!.length) written -= pieces[i++]!.length;
      pieces = i < pieces.length ? [pieces[i]!.subarray(written), ...pieces.slice(i + 1)] : [];
    }
  }

  /** Flushes and puts the file in place; on failure the target is unchanged and the temporary file gone. */
  commit(): void {
    if (this.done) return;
    this.done = true;
    if (this.temporary === undefined) {
      try {
        this.flush();
      } finally {
        closeSync(this.fd);
      }
      return;
    }
    try {
      try {
        this.flush();
        // openSync's mode is reduced by the umask; the file's own mode is what it had.
        if (this.mode !== undefined) fchmodSync(this.fd, this.mode);
        fsyncSync(this.fd);
      } finally {
        closeSync(this.fd);
      }
      renameSync(this.temporary, this.target);
    } catch (e) {
      removeQuietly(this.temporary);
      throw e;
    }
    syncFolder(dirname(this.target));
  }

  /** Leaves the target as it was. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    this.pending = [];
    this.pendingBytes = 0;
    try {
      closeSync(this.fd);
    } catch {
      // Already closed.
    }
    if (this.temporary !== undefined) removeQuietly(this.temporary);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/** Makes the rename itself durable; not every platform can open a folder, which is fine. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot fsync a folder; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
