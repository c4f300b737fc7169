/**
 * Reading strategy.config.json: JSON errors with line and column, schema
 * errors naming the key and what was expected. Nothing here exits the
 * process; callers decide.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { closestWord } from '../../grammar/spelling.js';
import { LineIndex } from '../../grammar/positions.js';
import { ConfiguredIndicatorSchema, nationalIndicatorSet, type ConfiguredIndicator } from '../catalogue/indicator-catalogue.js';
import type { LintSettings } from '../analysis/engine.js';
import { RULE_IDS } from '../rules/registry.js';
import type { SeveritySetting } from '../rules/rule.js';
import { CONFIG_FILE_NAME, ConfigSchema, DEFAULT_SUPPRESSIONS_FILE, type StrategyConfig } from './config-schema.js';

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }

  /** `file:line:col: message`, as every error of the CLI is written. */
  describe(): string {
    const where = this.line !== undefined ? `:${this.line}:${this.column ?? 1}` : '';
    return `${this.file}${where}: ${this.message}`;
  }
}

export interface ResolvedConfig {
  /** The file read, or undefined when none was found. */
  readonly file: string | undefined;
  readonly baseDir: string;
  readonly raw: StrategyConfig;
  readonly settings: LintSettings;
  /** Absolute framework paths to load. */
  readonly frameworkPaths: readonly string[];
  readonly ignore: readonly string[];
  readonly suppressionsFile: string;
}

/** Parses JSON, turning a syntax error's position into a line and column. */
export function parseJsonWithPosition(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    if (pos) {
      const p = new LineIndex(text).positionAt(Number(pos[1]));
      throw new ConfigError(file, `invalid JSON: ${message.replace(/ in JSON at position.*$/, '').replace(/\s*\(line.*$/, '')}`, p.line + 1, p.character + 1);
    }
    throw new ConfigError(file, `invalid JSON: ${message}`);
  }
}

/** Where in the JSON text a key path is written, for a precise error position. */
function locateKey(text: string, path: readonly PropertyKey[]): { line: number; column: number } | undefined {
  const last = [...path].reverse().find((k) => typeof k === 'string');
  if (typeof last !== 'string') return undefined;
  const at = text.indexOf(JSON.stringify(last));
  if (at < 0) return undefined;
  const p = new LineIndex(text).positionAt(at);
  return { line: p.line + 1, column: p.character + 1 };
}

function keyPath(path: readonly PropertyKey[]): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
}

function explainIssue(issue: z.core.$ZodIssue): string {
  const where = keyPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys;
    const candidates = where === 'rules' ? [...RULE_IDS] : Object.keys(ConfigSchema.shape);
    const hints = keys.map((k) => {
      const near = closestWord(k, candidates);
      return `\`${k}\`${near ? ` (did you mean \`${near}\`?)` : ''}`;
    });
    const what = where === 'rules' ? 'rule' : 'key';
    return `${where ? `\`${where}\`: ` : ''}unknown ${what}${keys.length > 1 ? 's' : ''} ${hints.join(', ')}`;
  }
  return `\`${where || '(top level)'}\` ${issue.message.replace(/^Invalid input: /, '').replace(/^Invalid option: /, '')}`;
}

export function validateConfig(value: unknown, file: string, text: string): StrategyConfig {
  const result = ConfigSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const at = locateKey(text, issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path);
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problem${result.error.issues.length > 2 ? 's' : ''})` : '';
  throw new ConfigError(file, `${explainIssue(issue)}${more}`, at?.line, at?.column);
}

function readIndicatorFile(path: string, configFile: string): ConfiguredIndicator[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(configFile, `\`indicatorFiles\`: cannot read ${path}`);
  }
  const value = parseJsonWithPosition(text, path);
  const parsed = ConfiguredIndicatorSchema.array().safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = locateKey(text, issue.path);
    throw new ConfigError(path, `\`${keyPath(issue.path)}\` ${issue.message}`, at?.line, at?.column);
  }
  return parsed.data;
}

/** Turns a validated config into the settings the engine takes. */
export function resolveConfig(raw: StrategyConfig, file: string | undefined, baseDir: string): ResolvedConfig {
  const severities = new Map<string, SeveritySetting>(Object.entries(raw.rules ?? {}) as [string, SeveritySetting][]);
  const extra = [...(raw.indicators ?? []), ...(raw.indicatorFiles ?? []).flatMap((f) => readIndicatorFile(resolve(baseDir, f), file ?? CONFIG_FILE_NAME))];
  return {
    file,
    baseDir,
    raw,
    settings: {
      severities,
      catalogue: nationalIndicatorSet().withConfigured(extra),
      knownAcronyms: new Set(Object.keys(raw.acronyms ?? {})),
    },
    frameworkPaths: (raw.frameworks ?? []).map((f) => resolve(baseDir, f)),
    ignore: raw.ignore ?? [],
    suppressionsFile: resolve(baseDir, raw.suppressionsFile ?? DEFAULT_SUPPRESSIONS_FILE),
  };
}

/**
 * Loads the config named by `--config`, or strategy.config.json in `cwd`
 * when there is one, or the defaults.
 */
export function loadConfig(cwd: string, explicit?: string): ResolvedConfig {
  const file = explicit ? resolve(cwd, explicit) : resolve(cwd, CONFIG_FILE_NAME);
  if (!explicit && !existsSync(file)) return resolveConfig({}, undefined, cwd);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError(explicit ?? file, code === 'ENOENT' ? 'config file not found' : `cannot read the config file (${code ?? String(e)})`);
  }
  const shown = explicit ?? CONFIG_FILE_NAME;
  const raw = validateConfig(parseJsonWithPosition(text, shown), shown, text);
  return resolveConfig(raw, file, dirname(file));
}
