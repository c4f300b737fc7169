/**
 * The folder the real-VS-Code suites open, built fresh for each run so that
 * no test edits a file of the repository: the converted seeds (seeds/*.strategy)
 * under strategies/, or, while the converter has not produced them yet, the
 * hand-written fixtures; and copies of the seeds' source documents under
 * sources/, for the convert command.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../support/paths.js';

export interface TestWorkspace {
  readonly root: string;
  /** Where the strategy documents came from: 'seeds' or 'fixtures'. */
  readonly origin: 'seeds' | 'fixtures';
  readonly strategies: readonly string[];
  readonly sources: readonly string[];
}

const SOURCE_EXTENSIONS = /\.(txt|md|docx|html?|pdf)$/i;

export function strategyOrigin(): { origin: 'seeds' | 'fixtures'; dir: string } {
  const seeds = join(REPO, 'seeds');
  const converted = existsSync(seeds) && readdirSync(seeds).some((f) => f.endsWith('.strategy'));
  return converted ? { origin: 'seeds', dir: seeds } : { origin: 'fixtures', dir: join(REPO, 'test', 'fixtures', 'workspace') };
}

export function prepareWorkspace(root: string): TestWorkspace {
  rmSync(root, { recursive: true, force: true });
  const { origin, dir } = strategyOrigin();
  mkdirSync(join(root, 'strategies'), { recursive: true });
  mkdirSync(join(root, 'sources'), { recursive: true });
  const strategies = readdirSync(dir).filter((f) => f.endsWith('.strategy')).sort();
  for (const f of strategies) cpSync(join(dir, f), join(root, 'strategies', f));
  const sources = readdirSync(join(REPO, 'seeds')).filter((f) => SOURCE_EXTENSIONS.test(f)).sort();
  for (const f of sources) cpSync(join(REPO, 'seeds', f), join(root, 'sources', f));
  // Keep the workbench quiet and predictable for the tests, as a fresh profile would not be.
  mkdirSync(join(root, '.vscode'), { recursive: true });
  writeFileSync(join(root, '.vscode', 'settings.json'), `${JSON.stringify({ 'files.autoSave': 'off', 'editor.formatOnSave': false }, null, 2)}\n`);
  return { root, origin, strategies: strategies.map((f) => join('strategies', f)), sources: sources.map((f) => join('sources', f)) };
}
