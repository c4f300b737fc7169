/** Every .strategy file the tests can use as a real-world fixture: hand-written fixtures and converted seeds. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, SEEDS } from './paths.js';

function walk(dir: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names.sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (name.endsWith('.strategy')) out.push(full);
  }
}

/** Every .strategy file under `dir`, in name order (a folder that cannot be read has none). */
export function strategyFiles(dir: string): string[] {
  const out: string[] = [];
  walk(dir, out);
  return out;
}

/** Fixtures that are meant to parse cleanly (test/fixtures/**, excluding `invalid` folders) and the seeds' conversions. */
export function cleanStrategyFiles(): string[] {
  const out: string[] = [];
  walk(FIXTURES, out);
  walk(SEEDS, out);
  return out.filter((f) => !/[\\/]invalid[\\/]/.test(f));
}
