/**
 * What `strategy lint` and `strategy report` share: how a run chooses its
 * files, configs, settings and frameworks. Each file's settings come from the
 * config looked up from its own folder (or the one `--config` names), with
 * `--rule` over everything; ignore files, config `ignore`, `--ignore-pattern`
 * and `!pattern` arguments leave files out; the frameworks a file may name
 * are its config's `frameworks` paths. One module, so that the report's
 * numbers are the linter's numbers by construction.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LintSettings } from '../analysis/engine.js';
import { ConfigError, ConfigResolver, type ResolvedConfig } from '../config/load-config.js';
import { readSuppressions, type Suppressions } from './bulk-suppressions.js';
import type { SeveritySetting } from '../rules/rule.js';
import type { IgnoreOptions } from '../workspace-files/files.js';
import { displayPath, expandPaths, splitArguments } from './files.js';
import { EXIT, type CliIo } from './io.js';
import { loadProject, type LoadedProject } from './project.js';

export interface SessionArgs {
  /** Files, folders, globs and `!pattern` exclusions, as typed. */
  readonly paths: readonly string[];
  /** `--config PATH`: this config for every file, no lookup. */
  readonly config?: string;
  /** `--rule id=severity`, parsed. */
  readonly overrides: readonly [string, SeveritySetting][];
  readonly ignorePatterns?: readonly string[];
  readonly noIgnore?: boolean;
  readonly debug?: boolean;
}

export interface LintSession {
  readonly resolver: ConfigResolver;
  readonly overrides: readonly [string, SeveritySetting][];
  /** The paths to expand (the `!pattern` arguments taken out). */
  readonly inputs: readonly string[];
  readonly ignoreOptions: IgnoreOptions;
  /** `--debug`'s voice, when asked for. */
  readonly debug: ((message: string) => void) | undefined;
  show(file: string): string;
  /** The settings for a file: its config's, `--rule` over them (`rulesByStatus` included). */
  settingsFor(path: string): LintSettings;
  /** The framework paths the configs of these files name, each once. */
  frameworkPathsOf(files: readonly string[]): string[];
  /** Writes every config problem, `file:line:col: message`; returns whether there were any. */
  reportConfigProblems(): boolean;
}

/** A session, or the exit code when `--config` names no file (the message is written). */
export function openLintSession(args: SessionArgs, io: CliIo): LintSession | { readonly exit: number } {
  const debug = args.debug ? (message: string): void => io.stderr(`strategy: ${message}\n`) : undefined;
  const show = (file: string): string => displayPath(file, io.cwd);
  const explicit = args.config !== undefined ? resolve(io.cwd, args.config) : undefined;
  if (explicit !== undefined && !existsSync(explicit)) {
    io.stderr(`${args.config}: config file not found\n`);
    return { exit: EXIT.usage };
  }
  const resolver = new ConfigResolver({
    ...(explicit !== undefined ? { explicit } : {}),
    show: (f) => (f === explicit ? args.config! : show(f)),
    ...(debug ? { onRead: (f: string) => debug(`read config ${show(f)}`) } : {}),
  });
  const overrides = args.overrides;
  const settingsCache = new Map<ResolvedConfig, LintSettings>();
  const settingsFor = (path: string): LintSettings => {
    const config = resolver.forFile(path);
    let settings = settingsCache.get(config);
    if (!settings) {
      const severities = new Map(config.settings.severities);
      for (const [id, s] of overrides) severities.set(id, s);
      // `--rule` wins over everything, `rulesByStatus` included.
      const byStatus = new Map([...(config.settings.severitiesByStatus ?? new Map<string, ReadonlyMap<string, SeveritySetting>>())].map(([status, m]) => [status, new Map([...m].filter(([id]) => !overrides.some(([o]) => o === id)))]));
      settings = { ...config.settings, severities, severitiesByStatus: byStatus };
      settingsCache.set(config, settings);
    }
    return settings;
  };

  const { inputs, exclusions } = splitArguments(args.paths);
  const explicitIgnore = explicit !== undefined ? resolver.forDirectory(io.cwd).ignore : [];
  const ignoreOptions: IgnoreOptions = {
    useIgnoreFiles: !args.noIgnore,
    exclusions: [{ base: io.cwd, patterns: exclusions, source: 'the command line' }],
    patterns: [
      { base: io.cwd, patterns: args.ignorePatterns ?? [], source: '--ignore-pattern' },
      ...(explicit !== undefined ? [{ base: dirname(explicit), patterns: explicitIgnore, source: args.config! }] : []),
    ],
    configIgnore: (dir) => resolver.configIgnoreIn(dir),
    ...(debug ? { onRead: (f: string) => debug(`read ignore file ${show(f)}`) } : {}),
  };
  return {
    resolver,
    overrides,
    inputs,
    ignoreOptions,
    debug,
    show,
    settingsFor,
    frameworkPathsOf: (files) => [...new Set(files.flatMap((f) => resolver.forFile(f).frameworkPaths))],
    reportConfigProblems: () => {
      const problems = resolver.problems();
      for (const p of problems) io.stderr(`${p.describe()}\n`);
      return problems.length > 0;
    },
  };
}

/**
 * The targets of a run (`.` when no path is given), loaded with the
 * frameworks their configs name; deferred parsing, so that the caller
 * streams (`documentFor`, then `release`). Path problems go to `onProblem`.
 */
export function loadSessionProject(session: LintSession, cwd: string, onProblem: (path: string, message: string) => void): { project: LoadedProject; inputs: readonly string[] } {
  const inputs = session.inputs.length > 0 ? session.inputs : ['.'];
  const expansion = expandPaths(inputs, cwd, session.ignoreOptions);
  expansion.problems.forEach((p) => onProblem(p.path, p.message));
  const project = loadProject(expansion.files, session.frameworkPathsOf(expansion.files), cwd, session.ignoreOptions, { deferParsing: true });
  project.problems.forEach((p) => onProblem(p.path, p.message));
  return { project, inputs };
}

/** `--debug`: which configs apply to each target. */
export function debugConfigs(session: LintSession, targets: readonly string[]): void {
  const debug = session.debug;
  if (debug) for (const path of targets) debug(`${session.show(path)}: configs ${session.resolver.forFile(path).files.map(session.show).join(', ') || '(none: the defaults)'}`);
}

/** A run's recorded suppressions: where they are kept (`--suppressions-location`, else the working folder's config says) and what they hold. */
export interface SessionSuppressions {
  readonly file: string;
  /** `file` as messages name it. */
  readonly shown: string;
  readonly suppressions: Suppressions;
}

/** The run's suppressions, or the exit code when the file cannot be used (the message, with its line, is written). */
export function readSessionSuppressions(session: LintSession, location: string | undefined, io: CliIo): SessionSuppressions | { readonly exit: number } {
  const file = location ? resolve(io.cwd, location) : session.resolver.forDirectory(io.cwd).suppressionsFile;
  const shown = displayPath(file, io.cwd);
  try {
    return { file, shown, suppressions: readSuppressions(file, shown) };
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`${e.describe()}\n`);
      return { exit: EXIT.usage };
    }
    throw e;
  }
}
