/**
 * Which `.strategy` files a folder holds, as the CLI and the language server
 * both see them: folders walked for `*.strategy`, skipping what ignore files
 * leave out; files as given; globs expanded; `!pattern` paths and
 * `--ignore-pattern` leaving files out. Unreadable or missing paths are
 * reported, never thrown.
 *
 * Ignore files are read as git reads them: `.gitignore` and `.strategyignore`
 * in every folder from the repository root (the nearest folder holding
 * `.git`) down to the file, each relative to its own folder, and the
 * `ignore` of a strategy.config.json as if it were a `.strategyignore` beside
 * it. Outside a repository the chain stops at the folder the walk started
 * from (the working folder, or the editor's workspace folder).
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { repositoryRoot } from './repository-root.js';

export const STRATEGY_EXTENSION = '.strategy';
export const IGNORE_FILES = ['.gitignore', '.strategyignore'] as const;
/** Folders no walk goes into, whatever the ignore files say. */
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

/** Patterns in .gitignore syntax, relative to `base`. */
export interface PatternSet {
  readonly base: string;
  readonly patterns: readonly string[];
  /** Where they come from, for `--debug` (`--ignore-pattern`, a config file…). */
  readonly source: string;
}

export interface IgnoreOptions {
  /** Read ignore files and configs' `ignore` (false for `--no-ignore`). Default true. */
  readonly useIgnoreFiles?: boolean;
  /** Patterns that apply whatever `useIgnoreFiles` says (`!path` arguments). */
  readonly exclusions?: readonly PatternSet[];
  /** Patterns that `--no-ignore` turns off too (`--ignore-pattern`, an explicit `--config`'s `ignore`). */
  readonly patterns?: readonly PatternSet[];
  /** The `ignore` of the strategy.config.json in a folder, if it has one and it applies. */
  readonly configIgnore?: (dir: string) => PatternSet | undefined;
  /** Told of every ignore file read (for `--debug`). */
  readonly onRead?: (file: string) => void;
}

interface Layer {
  readonly base: string;
  readonly rules: Ignore;
}

export function toPosix(p: string): string {
  return sep === '\\' ? p.split(sep).join('/') : p;
}

function layerOf(set: PatternSet): Layer {
  return { base: set.base, rules: ignore().add(set.patterns.map((p) => p.replace(/^\.\//, ''))) };
}

function matches(layer: Layer, path: string, isDirectory: boolean): boolean {
  const rel = toPosix(relative(layer.base, path));
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false;
  return layer.rules.ignores(isDirectory ? `${rel}/` : rel);
}

export class IgnoreStack {
  private readonly folderLayers = new Map<string, Layer | undefined>();
  private readonly exclusions: Layer[];
  private readonly patterns: Layer[];
  private readonly useIgnoreFiles: boolean;

  /** `boundary`: where the chain of ignore files stops outside a repository. */
  constructor(
    private readonly boundary: string,
    private readonly options: IgnoreOptions = {},
  ) {
    this.useIgnoreFiles = options.useIgnoreFiles ?? true;
    this.exclusions = (options.exclusions ?? []).filter((s) => s.patterns.length > 0).map(layerOf);
    this.patterns = this.useIgnoreFiles ? (options.patterns ?? []).filter((s) => s.patterns.length > 0).map(layerOf) : [];
  }

  private folderLayer(dir: string): Layer | undefined {
    if (this.folderLayers.has(dir)) return this.folderLayers.get(dir);
    const rules = ignore();
    let found = false;
    for (const name of IGNORE_FILES) {
      const file = join(dir, name);
      if (!existsSync(file)) continue;
      try {
        rules.add(readFileSync(file, 'utf8'));
        this.options.onRead?.(file);
        found = true;
      } catch {
        // An unreadable ignore file ignores nothing; the files themselves still get linted.
      }
    }
    const configured = this.options.configIgnore?.(dir);
    if (configured && configured.patterns.length > 0) {
      rules.add(configured.patterns.map((p) => p.replace(/^\.\//, '')));
      found = true;
    }
    const layer = found ? { base: dir, rules } : undefined;
    this.folderLayers.set(dir, layer);
    return layer;
  }

  /** The folders whose ignore files apply to `path`, from the file's folder up. */
  private chain(path: string): string[] {
    const top = repositoryRoot(dirname(path)) ?? this.boundary;
    const rel = relative(top, path);
    if (rel.startsWith('..') || isAbsolute(rel)) return [];
    const out: string[] = [];
    let dir = dirname(path);
    for (;;) {
      out.push(dir);
      if (dir === top || dirname(dir) === dir) break;
      dir = dirname(dir);
    }
    return out;
  }

  /** Whether an `!path` argument leaves `path` out (applies to files named on the command line too). */
  excludes(path: string, isDirectory: boolean): boolean {
    return this.exclusions.some((l) => matches(l, path, isDirectory));
  }

  /** Whether `path` (absolute) is left out by an ignore file, a config's `ignore` or a pattern. */
  ignores(path: string, isDirectory: boolean): boolean {
    if (this.excludes(path, isDirectory)) return true;
    if (this.patterns.some((l) => matches(l, path, isDirectory))) return true;
    if (!this.useIgnoreFiles) return false;
    return this.chain(path).some((d) => {
      const l = this.folderLayer(d);
      return l !== undefined && matches(l, path, isDirectory);
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

/**
 * The arguments split as markdownlint-cli2 and git read them: `!pattern`
 * leaves files out (relative to the working folder), anything else names
 * files, folders or globs to lint. Only exclusions means "everything else".
 */
export function splitArguments(args: readonly string[]): { inputs: string[]; exclusions: string[] } {
  const inputs = args.filter((a) => !a.startsWith('!'));
  const exclusions = args.filter((a) => a.startsWith('!')).map((a) => a.slice(1));
  return { inputs, exclusions };
}

export function expandPaths(inputs: readonly string[], cwd: string, options: IgnoreOptions = {}): Expansion {
  const files = new Set<string>();
  const problems: PathProblem[] = [];
  const ignores = new IgnoreStack(cwd, options);
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
      } else if (!ignores.excludes(absolute, false)) {
        // A file named on the command line is linted even if an ignore file lists it (as ESLint does), unless an `!path` leaves it out.
        files.add(absolute);
      }
      continue;
    }
    if (GLOB_CHARS.test(input)) {
      const matched = globFiles(toPosix(input), cwd, ignores, problems, shown);
      if (matched.length === 0) problems.push({ path: input, message: 'no files match this pattern' });
      matched.forEach((m) => files.add(m));
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
