/**
 * The settings a document is linted with: strategy.config.json at the root of
 * its workspace folder (read with the CLI's `loadConfig`, so the editor and
 * `strategy lint` run from that folder agree), then the client's `strategy`
 * settings on top. Client settings refine the project's file: a rule severity
 * set in the editor wins; framework paths, indicators, indicator files and
 * acronyms are added to the file's.
 *
 * Nothing a user can type here throws: a broken config file or a bad setting
 * becomes a problem to show, and the rest still applies.
 */
import { z } from 'zod';
import { ConfiguredIndicatorSchema, type ConfiguredIndicator } from '../catalogue/indicator-catalogue.js';
import { SEVERITY_SETTINGS, CONFIG_FILE_NAME, type StrategyConfig } from '../config/config-schema.js';
import { ConfigError, parseJsonWithPosition, resolveConfig, validateConfig, type ResolvedConfig } from '../config/load-config.js';
import { isInsideFolders, unreadableConfiguredFile } from '../analysis/configured-files.js';
import { readBoundedTextFile } from '../analysis/text-file.js';
import { existsSync } from 'node:fs';
import { DEFAULT_SETTINGS, type LintSettings } from '../analysis/engine.js';
import { RULE_IDS } from '../rules/registry.js';
import type { SeveritySetting } from '../rules/rule.js';
import { join, resolve } from 'node:path';

/** The `strategy` section of the client's settings, as the extension declares it. */
export interface ClientSettings {
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly frameworks: readonly string[];
  readonly indicators: readonly ConfiguredIndicator[];
  readonly indicatorFiles: readonly string[];
  readonly acronyms: Readonly<Record<string, string>>;
}

export const EMPTY_CLIENT_SETTINGS: ClientSettings = { rules: {}, frameworks: [], indicators: [], indicatorFiles: [], acronyms: {} };

const LooseSection = z
  .object({
    rules: z.record(z.string(), z.unknown()).nullish(),
    frameworks: z.array(z.unknown()).nullish(),
    indicators: z.array(z.unknown()).nullish(),
    indicatorFiles: z.array(z.unknown()).nullish(),
    acronyms: z.record(z.string(), z.unknown()).nullish(),
  })
  .loose();

/** Reads the client's section, keeping every valid entry and describing the rest. */
export function readClientSettings(raw: unknown): { settings: ClientSettings; problems: string[] } {
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { settings: EMPTY_CLIENT_SETTINGS, problems };
  const parsed = LooseSection.safeParse(raw);
  if (!parsed.success) return { settings: EMPTY_CLIENT_SETTINGS, problems: ['`strategy` settings are not an object of the expected shape; they are ignored.'] };
  const section = parsed.data;
  const rules: Record<string, SeveritySetting> = {};
  for (const [id, severity] of Object.entries(section.rules ?? {})) {
    if (!RULE_IDS.includes(id)) problems.push(`\`strategy.rules\`: unknown rule "${id}".`);
    else if (typeof severity !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(severity)) {
      problems.push(`\`strategy.rules.${id}\` must be one of ${SEVERITY_SETTINGS.join(', ')}.`);
    } else rules[id] = severity as SeveritySetting;
  }
  const strings = (values: readonly unknown[] | null | undefined, name: string): string[] =>
    (values ?? []).filter((v): v is string => {
      if (typeof v === 'string' && v.trim() !== '') return true;
      problems.push(`\`strategy.${name}\` holds a value that is not a path: ${JSON.stringify(v)}.`);
      return false;
    });
  const indicators: ConfiguredIndicator[] = [];
  for (const [i, entry] of (section.indicators ?? []).entries()) {
    const one = ConfiguredIndicatorSchema.safeParse(entry);
    if (one.success) indicators.push(one.data);
    else problems.push(`\`strategy.indicators[${i}]\`: ${one.error.issues[0]?.message ?? 'not an indicator'}; it is ignored.`);
  }
  const acronyms: Record<string, string> = {};
  for (const [term, meaning] of Object.entries(section.acronyms ?? {})) {
    if (typeof meaning === 'string') acronyms[term] = meaning;
    else problems.push(`\`strategy.acronyms.${term}\` must be text.`);
  }
  return {
    settings: { rules, frameworks: strings(section.frameworks, 'frameworks'), indicators, indicatorFiles: strings(section.indicatorFiles, 'indicatorFiles'), acronyms },
    problems,
  };
}

export interface EffectiveSettings {
  readonly lint: LintSettings;
  /** Absolute framework files or folders to load (config's and client's). */
  readonly frameworkPaths: readonly string[];
  /** .gitignore-style patterns from the config's `ignore`. */
  readonly ignore: readonly string[];
  /** Absolute paths of the indicator files read (config's and client's), to watch for changes. */
  readonly indicatorFiles: readonly string[];
  /** The strategy.config.json this came from, if there is one. */
  readonly configFile: string | undefined;
  /** Acronyms every reader knows, with their meanings (for hover and completion). */
  readonly acronyms: ReadonlyMap<string, string>;
  /** A config file that could not be used: where, and why. */
  readonly configError: ConfigError | undefined;
  /** Problems with the client's settings or with files they name. */
  readonly problems: readonly string[];
}

export const DEFAULT_EFFECTIVE_SETTINGS: EffectiveSettings = {
  lint: DEFAULT_SETTINGS,
  frameworkPaths: [],
  ignore: [],
  indicatorFiles: [],
  configFile: undefined,
  acronyms: new Map(),
  configError: undefined,
  problems: [],
};

/**
 * The folder's strategy.config.json, validated, without reading the files it
 * names (as the CLI's `loadConfig` would): those are screened first.
 */
function readFolderConfig(baseDir: string): { raw: StrategyConfig; file: string } | undefined {
  const file = join(baseDir, CONFIG_FILE_NAME);
  if (!existsSync(file)) return undefined;
  const read = readBoundedTextFile(file);
  if (!read.ok) throw new ConfigError(CONFIG_FILE_NAME, `the config file ${read.error}`);
  return { raw: validateConfig(parseJsonWithPosition(read.text, CONFIG_FILE_NAME), CONFIG_FILE_NAME, read.text), file };
}

/**
 * Keeps the framework paths and indicator files that may be read: regular
 * files of a bounded size (a device such as /dev/zero would be read until
 * memory runs out) and, in Restricted Mode, only those inside the workspace
 * folders. Says why of each one left out.
 */
function screenFiles(config: StrategyConfig, dir: string, confineTo: readonly string[] | undefined, problems: string[]): StrategyConfig {
  const allowed = (key: 'frameworks' | 'indicatorFiles', f: string): boolean => {
    const path = resolve(dir, f);
    if (confineTo && !isInsideFolders(path, confineTo)) {
      problems.push(`\`${key}\`: ${path} is outside the workspace folders; in Restricted Mode only files inside them are read.`);
      return false;
    }
    const why = key === 'indicatorFiles' ? unreadableConfiguredFile(path) : undefined;
    if (why) {
      problems.push(`\`${key}\`: ${path} ${why}; it is ignored.`);
      return false;
    }
    return true;
  };
  return {
    ...config,
    frameworks: (config.frameworks ?? []).filter((f) => allowed('frameworks', f)),
    indicatorFiles: (config.indicatorFiles ?? []).filter((f) => allowed('indicatorFiles', f)),
  };
}

function merge(raw: StrategyConfig, client: ClientSettings, withIndicatorFiles: boolean): StrategyConfig {
  return {
    ...raw,
    rules: { ...(raw.rules ?? {}), ...client.rules },
    frameworks: [...(raw.frameworks ?? []), ...client.frameworks],
    indicators: [...(raw.indicators ?? []), ...client.indicators],
    indicatorFiles: withIndicatorFiles ? [...(raw.indicatorFiles ?? []), ...client.indicatorFiles] : [],
    acronyms: { ...(raw.acronyms ?? {}), ...client.acronyms },
  };
}

/**
 * The settings for documents under `baseDir`: its strategy.config.json, if
 * any, refined by the client's settings.
 */
export function effectiveSettings(
  baseDir: string | undefined,
  client: ClientSettings,
  clientProblems: readonly string[] = [],
  confineTo?: readonly string[],
): EffectiveSettings {
  const problems = [...clientProblems];
  let config: { raw: StrategyConfig; file: string } | undefined;
  let configError: ConfigError | undefined;
  if (baseDir !== undefined) {
    try {
      config = readFolderConfig(baseDir);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      configError = e;
    }
  }
  const raw = config?.raw ?? {};
  const file = config?.file;
  const dir = baseDir ?? process.cwd();
  const screened = screenFiles(merge(raw, client, true), dir, confineTo, problems);
  let resolved: ResolvedConfig;
  try {
    resolved = resolveConfig(screened, file, dir);
  } catch (e) {
    // An unreadable or invalid indicator file: say so, and use everything else.
    if (!(e instanceof ConfigError)) throw e;
    problems.push(e.describe());
    resolved = resolveConfig({ ...screened, indicatorFiles: [] }, file, dir);
  }
  const acronyms = new Map(Object.entries({ ...(raw.acronyms ?? {}), ...client.acronyms }));
  return {
    lint: resolved.settings,
    frameworkPaths: resolved.frameworkPaths,
    ignore: resolved.ignore,
    indicatorFiles: (screened.indicatorFiles ?? []).map((f) => resolve(dir, f)),
    configFile: file ?? (configError ? join(dir, CONFIG_FILE_NAME) : undefined),
    acronyms,
    configError,
    problems,
  };
}
