/**
 * Turning the paths a user typed into files: files as given, folders walked
 * for `*.strategy` (respecting .gitignore, .strategyignore and the config's
 * `ignore`), globs expanded. Unreadable or missing paths are reported, never
 * thrown.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

export const STRATEGY_EXTENSION = '.strategy';
const IGNORE_FILES = ['.gitignore', '.strategyignore'];
/** Folders no walk goes into, whatever the ignore files say (the language server's crawl reads this too). */
export const ALWAYS_SKIPPED: ReadonlySet<string> = new Set(['node_modules', '.git']);

export interface PathProblem {
  readonly path: string;
  readonly message: string;
}

export interface Expansion {
  /** Absolute paths, sorted, without duplicates. */
  readonly files: string[];
  readonly problems: PathProblem[];
}

interface IgnoreLayer {
  readonly base: string;
  readonly rules: Ignore;
}

function toPosix(p: string): string {
  return sep === '\\' ? p.split(sep).join('/') : p;
}

function readIgnoreLayer(dir: string): IgnoreLayer | undefined {
  const rules = ignore();
  let found = false;
  for (const name of IGNORE_FILES) {
    const file = join(dir, name);
    if (!existsSync(file)) continue;
    try {
      rules.add(readFileSync(file, 'utf8'));
      found = true;
    } catch {
      // An unreadable ignore file ignores nothing; the files themselves still get linted.
    }
  }
  return found ? { base: dir, rules } : undefined;
}

export class IgnoreStack {
  private readonly layers = new Map<string, IgnoreLayer | undefined>();

  constructor(
    private readonly root: string,
    extraPatterns: readonly string[],
  ) {
    if (extraPatterns.length > 0) this.layers.set('<config>', { base: root, rules: ignore().add([...extraPatterns]) });
  }

  private layer(dir: string): IgnoreLayer | undefined {
    if (!this.layers.has(dir)) this.layers.set(dir, readIgnoreLayer(dir));
    return this.layers.get(dir);
  }

  /** Whether `path` (absolute) is ignored by an ignore file of the root or any folder between. */
  ignores(path: string, isDirectory: boolean): boolean {
    const layers: IgnoreLayer[] = [];
    const configured = this.layers.get('<config>');
    if (configured) layers.push(configured);
    const inside = !relative(this.root, path).startsWith('..') && !isAbsolute(relative(this.root, path));
    let dir = dirname(path);
    const chain: string[] = [];
    while (inside) {
      chain.push(dir);
      if (dir === this.root || dirname(dir) === dir) break;
      dir = dirname(dir);
    }
    for (const d of chain) {
      const l = this.layer(d);
      if (l) layers.push(l);
    }
    return layers.some((l) => {
      const rel = toPosix(relative(l.base, path));
      if (!rel || rel.startsWith('..')) return false;
      return l.rules.ignores(isDirectory ? `${rel}/` : rel);
    });
  }
}

/** Files under `dir` that `accept` takes, in name order, skipping ignored folders and files. */
function walk(dir: string, ignores: IgnoreStack, accept: (full: string) => boolean, out: string[], problems: PathProblem[], shown: (p: string) => string): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ path: shown(dir), message: `cannot read folder (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (ALWAYS_SKIPPED.has(entry.name) || ignores.ignores(full, true)) continue;
      walk(full, ignores, accept, out, problems, shown);
    } else if (entry.isFile() && accept(full) && !ignores.ignores(full, false)) {
      out.push(full);
    }
  }
}

const GLOB_CHARS = /[*?[\]{}]/;

export function expandPaths(inputs: readonly string[], cwd: string, ignorePatterns: readonly string[] = []): Expansion {
  const files = new Set<string>();
  const problems: PathProblem[] = [];
  const ignores = new IgnoreStack(cwd, ignorePatterns);
  const shown = (p: string): string => toPosix(relative(cwd, p)) || '.';
  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    if (existsSync(absolute)) {
      let stat;
      try {
        stat = statSync(absolute);
      } catch (e) {
        problems.push({ path: input, message: `cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
        continue;
      }
      if (stat.isDirectory()) {
        const found: string[] = [];
        walk(absolute, ignores, (full) => full.endsWith(STRATEGY_EXTENSION), found, problems, shown);
        found.forEach((f) => files.add(f));
      } else {
        files.add(absolute);
      }
      continue;
    }
    if (GLOB_CHARS.test(input)) {
      const matches = globFiles(toPosix(input), cwd, ignores, problems, shown);
      if (matches.length === 0) problems.push({ path: input, message: 'no files match this pattern' });
      matches.forEach((m) => files.add(m));
      continue;
    }
    problems.push({ path: input, message: isLink(absolute) ? 'cannot read (a broken or looping link)' : 'no such file or folder' });
  }
  return { files: [...files].sort(), problems };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Files matching a glob: walk from the glob's fixed leading folders, keep
 * what matches. Ignore files apply, as they do to folders.
 */
function globFiles(pattern: string, cwd: string, ignores: IgnoreStack, problems: PathProblem[], shown: (p: string) => string): string[] {
  const { base, glob } = picomatch.scan(pattern);
  const root = resolve(cwd, base || '.');
  const isMatch = picomatch(glob, { dot: false });
  const out: string[] = [];
  if (existsSync(root)) walk(root, ignores, (full) => isMatch(toPosix(relative(root, full))), out, problems, shown);
  return out;
}

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return toPosix(rel.startsWith('..') || isAbsolute(rel) ? path : rel);
}
