/**
 * Reading strategy.config.json as ESLint and markdownlint-cli2 users expect:
 *
 * - looked up from each file's folder upwards, nearer configs refining the
 *   ones above; the lookup stops at a config with `"root": true`, at the
 *   repository root (the folder holding `.git`), or at the filesystem root;
 * - `extends` builds on other configs (a relative path or a package);
 * - comments and trailing commas allowed (JSONC, read with jsonc-parser,
 *   which also gives every value's exact position);
 * - every valid part kept: a bad value is dropped with a problem at its own
 *   line and column (`indicators[1].title`), the rest still applies;
 * - config and indicator files read bounded, regular files only (a config
 *   naming `/dev/zero` would otherwise be read until memory runs out), and,
 *   when confined (the editor's Restricted Mode), only inside given folders.
 *
 * Nothing here exits the process or throws for what a user wrote; callers
 * decide what a problem means (the CLI exits 2, the editor shows it).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import * as z from 'zod/mini';
import '../../grammar/zod-messages.js';
import { closestWord } from '../../grammar/spelling.js';
import { LineIndex } from '../../grammar/positions.js';
import { ConfiguredIndicatorSchema, nationalIndicatorSet, type ConfiguredIndicator } from '../catalogue/indicator-catalogue.js';
import type { LintSettings } from '../analysis/engine.js';
import { isInsideFolders } from '../analysis/configured-files.js';
import { readBoundedTextFile } from '../analysis/text-file.js';
import type { SeveritySetting } from '../rules/rule.js';
import { repositoryRoot } from '../workspace-files/repository-root.js';
import type { PatternSet } from '../workspace-files/files.js';
import { CONFIG_FILE_NAME, ConfigSchema, configPart, DEFAULT_SUPPRESSIONS_FILE, type StrategyConfig } from './config-schema.js';

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
    /** Where what the problem is about ends (the end of the property: key and value), for editors. */
    readonly end?: { readonly line: number; readonly column: number },
  ) {
    super(message);
  }

  /** `file:line:col: message`, as every error of the CLI is written. */
  describe(): string {
    const where = this.line !== undefined ? `:${this.line}:${this.column ?? 1}` : '';
    return `${this.file}${where}: ${this.message}`;
  }
}

/** Where a setting came from: `file:line:col`, or `default`. */
export type SettingSource = string;

export interface ResolvedConfig {
  /** The nearest config file read, or undefined when none was found. */
  readonly file: string | undefined;
  /** Every config file that contributed, farthest first (extended ones before those extending them). */
  readonly files: readonly string[];
  readonly baseDir: string;
  /** The merged settings, paths resolved against the file that set them. */
  readonly raw: StrategyConfig;
  readonly settings: LintSettings;
  /** Absolute framework paths to load. */
  readonly frameworkPaths: readonly string[];
  /** The `ignore` of an explicit `--config` (lookup configs' `ignore` apply in their own folders, see `configIgnoreIn`). */
  readonly ignore: readonly string[];
  readonly suppressionsFile: string;
  /** Absolute indicator files read. */
  readonly indicatorFiles: readonly string[];
  /** Where each setting came from, keyed `rules.missing-owner`, `frameworks[0]`… */
  readonly sources: ReadonlyMap<string, SettingSource>;
  /** Problems of every file read: each dropped value, unreadable file or syntax error. */
  readonly problems: readonly ConfigError[];
}

// ── one file ──────────────────────────────────────────────────────────────

interface ParsedFile {
  readonly file: string;
  readonly text: string;
  readonly tree: Node | undefined;
  readonly lines: LineIndex;
}

/** One config file, validated part by part, before `extends` is followed. */
export interface ConfigFileContent {
  readonly file: string;
  readonly config: StrategyConfig;
  readonly problems: ConfigError[];
  /** Position of each kept key path, `file:line:col`. */
  readonly positions: Map<string, SettingSource>;
}

function at(parsed: ParsedFile, offset: number): { line: number; column: number } {
  const p = parsed.lines.positionAt(offset);
  return { line: p.line + 1, column: p.character + 1 };
}

/** Where a key path is written: the property's key when it is a property, else the value; else the nearest written ancestor. */
function locate(parsed: ParsedFile, path: readonly (string | number)[]): { line: number; column: number; end: { line: number; column: number } } | undefined {
  if (!parsed.tree) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(parsed.tree, [...path.slice(0, n)]);
    if (!node) continue;
    const property = node.parent?.type === 'property' && node.parent.children?.[0] ? node.parent : undefined;
    const whole = property ?? node;
    return { ...at(parsed, (property?.children?.[0] ?? node).offset), end: at(parsed, whole.offset + whole.length) };
  }
  return undefined;
}

export function keyPath(path: readonly PropertyKey[]): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
}

function problemAt(parsed: ParsedFile, shown: string, path: readonly (string | number)[], message: string): ConfigError {
  const where = locate(parsed, path);
  return new ConfigError(shown, message, where?.line, where?.column, where?.end);
}

function issueMessage(issue: z.core.$ZodIssue, prefix: readonly (string | number)[]): string {
  const where = keyPath([...prefix, ...issue.path]);
  const message = issue.message
    .replace(/^Invalid input: /, '')
    .replace(/^Invalid option: /, '')
    .replace(/^Too small: expected string to have >=1 characters$/, 'must not be empty');
  return `\`${where || '(top level)'}\` ${message}`;
}

function unknownKey(key: string, candidates: readonly string[], what: string, container: string): string {
  const near = closestWord(key, [...candidates]);
  return `${container ? `\`${container}\`: ` : ''}unknown ${what} \`${key}\`${near ? ` (did you mean \`${near}\`?)` : ''}`;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseText(text: string, file: string, shown: string): { parsed: ParsedFile; value: unknown; problems: ConfigError[] } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const parsed: ParsedFile = { file, text, tree, lines: new LineIndex(text) };
  const problems = errors.map((e) => {
    const p = at(parsed, e.offset);
    return new ConfigError(shown, `invalid JSON: ${describeParseError(printParseErrorCode(e.error))}`, p.line, p.column);
  });
  const value = tree ? nodeValue(tree) : undefined;
  return { parsed, value, problems };
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A node's value (jsonc-parser's getNodeValue, without its `any`). */
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) out[String(k.value)] = nodeValue(v);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value as unknown;
  }
}

/** Validates a config value key by key, keeping what is valid. */
/**
 * Schemas that check a key more closely than ConfigSchema does, given by the
 * caller that uses that key (the converter checks `converter` with its own,
 * full-zod schema: the linter's bundles carry zod/mini only).
 */
export type PartSchemas = Readonly<Record<string, z.core.$ZodType>>;

export function validateConfigParts(value: unknown, parsed: ParsedFile, shown: string, parts: PartSchemas = {}): ConfigFileContent {
  const problems: ConfigError[] = [];
  const positions = new Map<string, SettingSource>();
  const where = (path: readonly (string | number)[]): SettingSource => {
    const p = locate(parsed, path);
    return p ? `${shown}:${p.line}:${p.column}` : shown;
  };
  if (value === undefined) return { file: parsed.file, config: {}, problems, positions };
  if (!isPlainObject(value)) {
    problems.push(problemAt(parsed, shown, [], 'the config must be an object ({ … }); it is ignored'));
    return { file: parsed.file, config: {}, problems, positions };
  }
  const shape: Record<string, z.core.$ZodType> = ConfigSchema.shape;
  const kept: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const schema = parts[key] ?? shape[key];
    if (!schema) {
      problems.push(problemAt(parsed, shown, [key], unknownKey(key, Object.keys(shape), 'key', '')));
      continue;
    }
    const whole = z.safeParse(schema, v);
    const part = configPart(key);
    if (whole.success) {
      kept[key] = whole.data;
      positions.set(key, where([key]));
      if (Array.isArray(v)) v.forEach((_, i) => positions.set(`${key}[${i}]`, where([key, i])));
      if (part.kind === 'record' && isPlainObject(v)) for (const k of Object.keys(v)) positions.set(`${key}.${k}`, where([key, k]));
      continue;
    }
    if (part.kind === 'array' && Array.isArray(v)) {
      const good: unknown[] = [];
      v.forEach((item, i) => {
        const one = z.safeParse(part.element, item);
        if (one.success) {
          positions.set(`${key}[${good.length}]`, where([key, i]));
          good.push(one.data);
        } else for (const issue of one.error.issues) problems.push(problemAt(parsed, shown, [key, i, ...(issue.path as (string | number)[])], `${issueMessage(issue, [key, i])}; it is ignored`));
      });
      kept[key] = good;
      positions.set(key, where([key]));
      continue;
    }
    if (part.kind === 'record' && isPlainObject(v)) {
      const good: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) {
        if (part.keys && !part.keys.includes(k)) {
          problems.push(problemAt(parsed, shown, [key, k], `${unknownKey(k, part.keys, part.keyName, key)}; it is ignored`));
          continue;
        }
        const one = z.safeParse(part.value, item);
        if (one.success) {
          good[k] = one.data;
          positions.set(`${key}.${k}`, where([key, k]));
        } else for (const issue of one.error.issues) problems.push(problemAt(parsed, shown, [key, k], `${issueMessage(issue, [key, k])}; it is ignored`));
      }
      kept[key] = good;
      positions.set(key, where([key]));
      continue;
    }
    for (const issue of whole.error.issues) {
      problems.push(problemAt(parsed, shown, [key, ...(issue.path as (string | number)[])], `${issueMessage(issue, [key])}; it is ignored`));
    }
  }
  return { file: parsed.file, config: kept as StrategyConfig, problems, positions };
}

/** Reads one config file (no `extends`). A file that cannot be read is a problem, not an exception. */
export function readConfigFile(file: string, shown: string, parts: PartSchemas = {}): ConfigFileContent {
  // Bounded and regular files only: a config that is a device or a FIFO is refused, not read forever.
  const read = existsSync(file) ? readBoundedTextFile(file) : undefined;
  if (!read?.ok) {
    const message = !read ? 'config file not found' : read.error.startsWith('cannot read') ? read.error.replace(/^cannot read/, 'cannot read the config file') : `the config file ${read.error}`;
    return { file, config: {}, problems: [new ConfigError(shown, message)], positions: new Map() };
  }
  const { parsed, value, problems } = parseText(read.text, file, shown);
  const content = validateConfigParts(value, parsed, shown, parts);
  return { ...content, problems: [...problems, ...content.problems] };
}

/** Parses JSON (comments allowed) for callers with their own schema; the first syntax error is thrown with its position. */
export function parseJsonWithPosition(text: string, file: string): unknown {
  const { value, problems } = parseText(text, file, file);
  if (problems.length > 0) throw problems[0]!;
  return value;
}

// ── extends and the lookup ────────────────────────────────────────────────

/** One config file with what it extends, as layers to merge, farthest first. */
interface Layer {
  readonly file: string;
  readonly dir: string;
  readonly content: ConfigFileContent;
}

function extendsTarget(spec: string, from: string): string | undefined {
  if (spec.startsWith('.') || isAbsolute(spec)) return resolve(dirname(from), spec);
  const require = createRequire(from);
  for (const candidate of [`${spec}/${CONFIG_FILE_NAME}`, spec]) {
    try {
      return require.resolve(candidate);
    } catch {
      // try the next form
    }
  }
  return undefined;
}

export interface ReadOptions {
  /** How a file is shown in problems (relative to the working folder). */
  readonly show: (file: string) => string;
  readonly parts?: PartSchemas;
  /** Told of every config file read (for `--debug`). */
  readonly onRead?: (file: string) => void;
  /** Only files inside these folders are read (see `ResolverOptions.confineTo`). */
  readonly confineTo?: readonly string[];
}

/** Why a file a config names is not read when reading is confined to the workspace folders. */
function outsideFolders(key: string, path: string): string {
  return `\`${key}\`: ${path} is outside the workspace folders; in Restricted Mode only files inside them are read; it is ignored`;
}

/** A config file and everything it extends, as layers farthest first. */
function layersOf(file: string, options: ReadOptions, problems: ConfigError[], seen: readonly string[] = []): Layer[] {
  const content = readConfigFile(file, options.show(file), options.parts);
  options.onRead?.(file);
  problems.push(...content.problems);
  const specs = content.config.extends === undefined ? [] : Array.isArray(content.config.extends) ? content.config.extends : [content.config.extends];
  const layers: Layer[] = [];
  specs.forEach((spec, i) => {
    const position = content.positions.get(Array.isArray(content.config.extends) ? `extends[${i}]` : 'extends');
    const located = position ? /:(\d+):(\d+)$/.exec(position) : null;
    const problem = (message: string): ConfigError => new ConfigError(options.show(file), message, located ? Number(located[1]) : undefined, located ? Number(located[2]) : undefined);
    const target = extendsTarget(spec, file);
    if (target === undefined || !existsSync(target)) {
      problems.push(problem(`\`extends\`: cannot find "${spec}"${target ? ` (${options.show(target)})` : ' (neither a file nor an installed package)'}; it is ignored`));
      return;
    }
    if (target === file || seen.includes(target)) {
      problems.push(problem(`\`extends\`: "${spec}" extends this config again (a cycle); it is ignored`));
      return;
    }
    if (options.confineTo && !isInsideFolders(target, options.confineTo)) {
      problems.push(problem(outsideFolders('extends', target)));
      return;
    }
    layers.push(...layersOf(target, options, problems, [...seen, file]));
  });
  layers.push({ file, dir: dirname(file), content });
  return layers;
}

/**
 * The config files that apply in `dir`, nearest first, up to a `root: true`,
 * the repository root or the filesystem root; when confined, none outside
 * `confineTo`.
 */
function lookupChain(dir: string, readRoot: (file: string) => boolean, confineTo?: readonly string[]): string[] {
  const top = repositoryRoot(dir);
  const out: string[] = [];
  let current = dir;
  for (;;) {
    if (confineTo && !isInsideFolders(current, confineTo)) break;
    const file = join(current, CONFIG_FILE_NAME);
    if (existsSync(file)) {
      out.push(file);
      if (readRoot(file)) break;
    }
    if (current === top) break;
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return out;
}

// ── merging ───────────────────────────────────────────────────────────────

/** An indicator file's indicators; what cannot be read or is not an indicator becomes a problem. */
export function readIndicatorFile(path: string, configFile: string, problems: ConfigError[]): ConfiguredIndicator[] {
  // Bounded and regular files only: `/dev/zero` as an indicator file is refused, not read until memory runs out.
  const read = readBoundedTextFile(path);
  if (!read.ok) {
    const why = read.error === 'no such file' ? `cannot read ${path} (no such file)` : read.error.startsWith('cannot read') ? read.error.replace(/^cannot read/, `cannot read ${path}`) : `${path} ${read.error}`;
    problems.push(new ConfigError(configFile, `\`indicatorFiles\`: ${why}; it is ignored`));
    return [];
  }
  const text = read.text;
  const { parsed, value, problems: syntax } = parseText(text, path, path);
  if (syntax.length > 0) {
    problems.push(...syntax);
    return [];
  }
  if (!Array.isArray(value)) {
    problems.push(problemAt(parsed, path, [], 'an indicator file holds an array of indicators ([{ "code": "NI 40", … }])'));
    return [];
  }
  const kept: ConfiguredIndicator[] = [];
  value.forEach((item, i) => {
    const one = ConfiguredIndicatorSchema.safeParse(item);
    if (one.success) kept.push(one.data);
    else for (const issue of one.error.issues) problems.push(problemAt(parsed, path, [i, ...(issue.path as (string | number)[])], `${issueMessage(issue, [i])}; it is ignored`));
  });
  return kept;
}

/** A problem at a setting's recorded source (`file:line:col`). */
function problemFromSource(source: SettingSource | undefined, message: string): ConfigError {
  const m = source ? /^(.*):(\d+):(\d+)$/.exec(source) : null;
  if (m) return new ConfigError(m[1]!, message, Number(m[2]), Number(m[3]));
  return new ConfigError(source ?? CONFIG_FILE_NAME, message);
}

/** Merges layers (farthest first) into one config, paths made absolute against the file that wrote them. */
function mergeLayers(layers: readonly Layer[], baseDir: string, problems: ConfigError[], show: (file: string) => string, confineTo?: readonly string[]): ResolvedConfig {
  const rules: Record<string, SeveritySetting> = {};
  const frameworks: string[] = [];
  const indicators: ConfiguredIndicator[] = [];
  const indicatorFiles: string[] = [];
  const acronyms: Record<string, string> = {};
  const ignore: string[] = [];
  let suppressionsFile: string | undefined;
  let converter: StrategyConfig['converter'];
  const byStatus: Record<string, Record<string, SeveritySetting>> = {};
  const sources = new Map<string, SettingSource>();
  const src = (layer: Layer, key: string): SettingSource => layer.content.positions.get(key) ?? show(layer.file);
  for (const layer of layers) {
    const c = layer.content.config;
    for (const [id, s] of Object.entries(c.rules ?? {})) {
      rules[id] = s as SeveritySetting;
      sources.set(`rules.${id}`, src(layer, `rules.${id}`));
    }
    for (const [status, severities] of Object.entries(c.rulesByStatus ?? {})) {
      for (const [id, severity] of Object.entries(severities ?? {})) {
        (byStatus[status] ??= {})[id] = severity as SeveritySetting;
        sources.set(`rulesByStatus.${status}.${id}`, src(layer, 'rulesByStatus'));
      }
    }
    (c.frameworks ?? []).forEach((f, i) => {
      sources.set(`frameworks[${frameworks.length}]`, src(layer, `frameworks[${i}]`));
      frameworks.push(resolve(layer.dir, f));
    });
    (c.indicators ?? []).forEach((ind, i) => {
      sources.set(`indicators[${indicators.length}]`, src(layer, `indicators[${i}]`));
      indicators.push(ind);
    });
    (c.indicatorFiles ?? []).forEach((f, i) => {
      sources.set(`indicatorFiles[${indicatorFiles.length}]`, src(layer, `indicatorFiles[${i}]`));
      indicatorFiles.push(resolve(layer.dir, f));
    });
    for (const [term, meaning] of Object.entries(c.acronyms ?? {})) {
      acronyms[term] = meaning;
      sources.set(`acronyms.${term}`, src(layer, `acronyms.${term}`));
    }
    (c.ignore ?? []).forEach((p, i) => {
      sources.set(`ignore[${ignore.length}]`, src(layer, `ignore[${i}]`));
      ignore.push(p);
    });
    if (c.suppressionsFile !== undefined) {
      suppressionsFile = resolve(layer.dir, c.suppressionsFile);
      sources.set('suppressionsFile', src(layer, 'suppressionsFile'));
    }
    if (c.converter !== undefined) {
      converter = { ...(converter ?? {}), ...c.converter };
      sources.set('converter', src(layer, 'converter'));
    }
  }
  const nearest = layers.length > 0 ? layers[layers.length - 1]! : undefined;
  // Paths that do not exist, outside the folders reading is confined to, and indicators that add nothing are reported where they are written, and left out.
  const keptFrameworks = frameworks.filter((f, i) => {
    if (confineTo && !isInsideFolders(f, confineTo)) {
      problems.push(problemFromSource(sources.get(`frameworks[${i}]`), outsideFolders('frameworks', f)));
      return false;
    }
    if (existsSync(f)) return true;
    problems.push(problemFromSource(sources.get(`frameworks[${i}]`), `\`frameworks\`: ${show(f)} does not exist; it is ignored`));
    return false;
  });
  const readIndicatorFiles = indicatorFiles.filter((f, i) => {
    if (!confineTo || isInsideFolders(f, confineTo)) return true;
    problems.push(problemFromSource(sources.get(`indicatorFiles[${i}]`), outsideFolders('indicatorFiles', f)));
    return false;
  });
  const national = nationalIndicatorSet();
  const keptIndicators = indicators.filter((ind, i) => {
    const code = Number(/\d+/.exec(ind.code)?.[0]);
    if (national.get(code) !== undefined || ind.title !== undefined) return true;
    problems.push(problemFromSource(sources.get(`indicators[${i}]`), `\`indicators\`: ${ind.code} is not in the National Indicator Set (NI 1–30, NI 32–199); give it a \`title\` to add it as a local indicator; it is ignored`));
    return false;
  });
  const fromFiles = readIndicatorFiles.flatMap((f) => readIndicatorFile(f, nearest ? show(nearest.file) : CONFIG_FILE_NAME, problems));
  const raw: StrategyConfig = {
    ...(Object.keys(rules).length > 0 ? { rules } : {}),
    ...(Object.keys(byStatus).length > 0 ? { rulesByStatus: byStatus } : {}),
    ...(keptFrameworks.length > 0 ? { frameworks: keptFrameworks } : {}),
    ...(keptIndicators.length > 0 ? { indicators: keptIndicators } : {}),
    ...(readIndicatorFiles.length > 0 ? { indicatorFiles: readIndicatorFiles } : {}),
    ...(Object.keys(acronyms).length > 0 ? { acronyms } : {}),
    ...(ignore.length > 0 ? { ignore } : {}),
    ...(suppressionsFile !== undefined ? { suppressionsFile } : {}),
    ...(converter !== undefined ? { converter } : {}),
  };
  return {
    file: nearest?.file,
    files: [...new Set(layers.map((l) => l.file))],
    baseDir,
    raw,
    settings: {
      severities: new Map(Object.entries(rules)),
      severitiesByStatus: new Map(Object.entries(byStatus).map(([status, m]) => [status, new Map(Object.entries(m))])),
      catalogue: national.withConfigured([...keptIndicators, ...fromFiles]),
      knownAcronyms: new Set(Object.keys(acronyms)),
    },
    frameworkPaths: keptFrameworks,
    ignore,
    suppressionsFile: suppressionsFile ?? resolve(baseDir, DEFAULT_SUPPRESSIONS_FILE),
    indicatorFiles: readIndicatorFiles,
    sources,
    problems,
  };
}

// ── the resolver ──────────────────────────────────────────────────────────

export interface ResolverOptions {
  /** `--config PATH`: this config for every file, no lookup. */
  readonly explicit?: string;
  /** How files are shown in problems; default: as given. */
  readonly show?: (file: string) => string;
  readonly onRead?: (file: string) => void;
  /** Closer checks of some keys (see `PartSchemas`). */
  readonly parts?: PartSchemas;
  /**
   * Only files inside these folders are read: configs (looked up or
   * extended), framework paths and indicator files (the editor's Restricted
   * Mode, where a workspace must not make the server read the whole disk).
   * Each file left out is a problem saying why.
   */
  readonly confineTo?: readonly string[];
}

/**
 * The configs of a run (or of a server's life, until settings change): each
 * folder's looked up once, each file read once.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, ResolvedConfig>();
  private readonly chains = new Map<string, Layer[]>();
  private readonly problemsByFile = new Map<string, ConfigError[]>();
  private readonly show: (file: string) => string;
  private explicitConfig: ResolvedConfig | undefined;
  private readonly extra: ConfigError[] = [];

  constructor(private readonly options: ResolverOptions = {}) {
    this.show = options.show ?? ((f) => f);
  }

  /** The settings for files in `dir`. */
  forDirectory(dir: string): ResolvedConfig {
    if (this.options.explicit !== undefined) {
      this.explicitConfig ??= this.resolveFiles([this.options.explicit], dirname(this.options.explicit));
      return this.explicitConfig;
    }
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const chain = lookupChain(dir, (file) => this.layers(file).at(-1)?.content.config.root === true, this.options.confineTo);
    const resolved = this.resolveFiles(chain.reverse(), dir);
    this.byDir.set(dir, resolved);
    return resolved;
  }

  forFile(path: string): ResolvedConfig {
    return this.forDirectory(dirname(path));
  }

  /** The `ignore` of the config in `dir`, applied as a `.strategyignore` there (lookup only). */
  configIgnoreIn(dir: string): PatternSet | undefined {
    if (this.options.explicit !== undefined) return undefined;
    if (this.options.confineTo && !isInsideFolders(dir, this.options.confineTo)) return undefined;
    const file = join(dir, CONFIG_FILE_NAME);
    if (!existsSync(file)) return undefined;
    const patterns = this.layers(file).flatMap((l) => l.content.config.ignore ?? []);
    return { base: dir, patterns, source: this.show(file) };
  }

  /** Every problem of every config file read so far, each once. */
  problems(): ConfigError[] {
    const all = [...[...this.problemsByFile.values()].flat(), ...this.extra];
    return all.filter((p, i) => all.findIndex((q) => q.describe() === p.describe()) === i);
  }

  /** The problems of one config file (with those of what it extends). */
  problemsOf(file: string): readonly ConfigError[] {
    this.layers(file);
    return this.problemsByFile.get(file) ?? [];
  }

  private layers(file: string): Layer[] {
    let layers = this.chains.get(file);
    if (!layers) {
      const problems: ConfigError[] = [];
      layers = layersOf(
        file,
        {
          show: this.show,
          ...(this.options.onRead ? { onRead: this.options.onRead } : {}),
          ...(this.options.parts ? { parts: this.options.parts } : {}),
          ...(this.options.confineTo ? { confineTo: this.options.confineTo } : {}),
        },
        problems,
      );
      this.chains.set(file, layers);
      this.problemsByFile.set(file, problems);
    }
    return layers;
  }

  private resolveFiles(files: readonly string[], baseDir: string): ResolvedConfig {
    const layers = files.flatMap((f) => this.layers(f));
    const own: ConfigError[] = [];
    const resolved = mergeLayers(layers, files.length > 0 ? dirname(files[files.length - 1]!) : baseDir, own, this.show, this.options.confineTo);
    // Problems of the indicator files the merged config reads belong to the run too, each once.
    for (const p of own) if (!this.extra.some((q) => q.describe() === p.describe())) this.extra.push(p);
    const problems = [...files.flatMap((f) => this.problemsByFile.get(f) ?? []), ...own];
    return { ...resolved, problems: problems.filter((p, i) => problems.findIndex((q) => q.describe() === p.describe()) === i) };
  }
}

/**
 * The config for `cwd` (looked up from there) or the one named by
 * `--config`; the first problem is thrown, for callers that take a config
 * whole or not at all (the converter).
 */
export function loadConfig(cwd: string, explicit?: string, parts?: PartSchemas): ResolvedConfig {
  const resolver = new ConfigResolver({
    ...(explicit !== undefined ? { explicit: resolve(cwd, explicit) } : {}),
    ...(parts ? { parts } : {}),
    show: (f) => (explicit !== undefined && f === resolve(cwd, explicit) ? explicit : f.startsWith(cwd + '/') ? f.slice(cwd.length + 1) : f),
  });
  const resolved = resolver.forDirectory(cwd);
  if (resolved.problems.length > 0) throw resolved.problems[0]!;
  return resolved;
}
