/** A scratch folder per test, filled from a map of relative paths to contents. */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function scratch(files: Record<string, string> = {}, copies: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'strategy-test-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  for (const [rel, from] of Object.entries(copies)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    cpSync(from, join(dir, rel), { recursive: true });
  }
  return dir;
}
