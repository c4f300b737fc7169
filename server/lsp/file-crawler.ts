/**
 * Finding the .strategy files of a workspace folder without holding up the
 * event loop: the same walk as the CLI's (server/workspace-files/: the same
 * .gitignore, .strategyignore and config `ignore` rules), with asynchronous reads
 * and a yield between folders.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ALWAYS_SKIPPED, IgnoreStack, STRATEGY_EXTENSION, type IgnoreOptions } from '../workspace-files/files.js';
import { Slicer } from './cancellation.js';

export interface CrawlOptions {
  readonly ignore: IgnoreOptions;
  readonly isStopped?: () => boolean;
}

/** Absolute paths of the .strategy files under `root`, sorted. Unreadable folders are skipped. */
export async function crawlStrategyFiles(root: string, options: CrawlOptions): Promise<string[]> {
  const ignores = new IgnoreStack(root, options.ignore);
  const found: string[] = [];
  const slicer = new Slicer();
  const pending = [root];
  while (pending.length > 0) {
    if (options.isStopped?.()) break;
    const dir = pending.pop()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(entry.name) && !ignores.ignores(full, true)) pending.push(full);
      } else if (entry.isFile() && entry.name.endsWith(STRATEGY_EXTENSION) && !ignores.ignores(full, false)) {
        found.push(full);
      }
    }
    await slicer.proceed();
  }
  return found.sort();
}

/**
 * The files a configured framework path names: the file itself, or the
 * .strategy files of a folder. Missing paths give nothing (the settings
 * check reports them).
 */
export async function expandFrameworkPath(path: string, ignore: IgnoreOptions): Promise<string[]> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) return crawlStrategyFiles(path, { ignore });
    return s.isFile() ? [path] : [];
  } catch {
    return [];
  }
}
