/**
 * Files a configuration names (framework paths, indicator files) are read
 * only when they are safe to read: regular files of a bounded size, and, in
 * an untrusted workspace, only inside its folders, so that a workspace cannot
 * make the tools read a device or crawl the whole disk.
 */
import { statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { MAX_TEXT_FILE_BYTES } from './text-file.js';

/** Why `path` must not be read as a configured file, or undefined when it may (a missing file is the reader's to report). */
export function unreadableConfiguredFile(path: string, limit = MAX_TEXT_FILE_BYTES): string | undefined {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return undefined;
  }
  if (!stat.isFile()) return stat.isDirectory() ? 'is a folder, not a file' : 'is not a regular file (a device, pipe or socket); only files are read';
  if (stat.size > limit) return `is too large to read (${Math.round(stat.size / (1024 * 1024))} MB; the limit is ${Math.round(limit / (1024 * 1024))} MB)`;
  return undefined;
}

/** Whether `path` (absolute) is one of `folders` or inside one. */
export function isInsideFolders(path: string, folders: readonly string[]): boolean {
  return folders.some((folder) => {
    const rel = relative(folder, path);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}
