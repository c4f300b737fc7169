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
import { closeSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

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
  let mode: number | undefined;
  try {
    const stat = statSync(path);
    // `-o /dev/stdout`, a FIFO: not a file that can be replaced, and nothing there to truncate.
    if (!stat.isFile()) return writeFileSync(path, data);
    mode = stat.mode & 0o7777;
  } catch {
    // A new file: the default mode, less the umask.
  }
  const target = mode === undefined ? path : realTarget(path);
  const temporary = temporaryPathFor(target);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const fd = openSync(temporary, 'wx', mode ?? 0o666);
  try {
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      // openSync's mode is reduced by the umask; the file's own mode is what it had.
      if (mode !== undefined) fchmodSync(fd, mode);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (e) {
    try {
      unlinkSync(temporary);
    } catch {
      // Already gone.
    }
    throw e;
  }
  syncFolder(dirname(target));
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
