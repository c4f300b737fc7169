/**
 * `mkdir -p`, one level at a time. Node's `mkdirSync(…, { recursive: true })`
 * never returns for a path under /proc (`-o /proc/x/report.json` spun at
 * full CPU, Node 20 and 24 alike), so the missing folders are made here from
 * the nearest one that exists, and the first refusal is thrown as it is.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export function makeFolders(dir: string): void {
  const missing: string[] = [];
  let current = dir;
  for (;;) {
    let exists = false;
    try {
      statSync(current);
      exists = true;
    } catch {
      // Not there (or not reachable): made below, or refused with the reason.
    }
    if (exists) break;
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing.reverse()) mkdirSync(folder);
}
