/**
 * The settings a document is linted with: the strategy.config.json files
 * that apply to its folder (looked up by the CLI's `ConfigResolver`, so the
 * editor and `strategy lint` agree wherever it is run), then the client's
 * `strategy` settings on top. Client settings refine the project's file: a rule severity
 * set in the editor wins; framework paths, indicators, indicator files and
 * acronyms are added to the file's.
 *
 * Nothing a user can type here throws: a bad value in a config file or a
 * bad setting becomes a problem to show, and the rest still applies.
 */
import * as z from 'zod/mini';
import '../../grammar/zod-messages.js';
import { ConfiguredIndicatorSchema, type ConfiguredIndicator } from '../catalogue/indicator-catalogue.js';
import { SEVERITY_SETTINGS } from '../config/config-schema.js';
import { readIndicatorFile, type ConfigError, type ConfigResolver } from '../config/load-config.js';
import { isInsideFolders, unreadableConfiguredFile } from '../analysis/configured-files.js';
import { DEFAULT_SETTINGS, type LintSettings } from '../analysis/engine.js';
import { RULE_IDS } from '../rules/registry.js';
import type { SeveritySetting } from '../rules/rule.js';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** The `strategy` section of the client's settings, as the extension declares it. */
export interface ClientSettings {
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly frameworks: readonly string[];
  readonly indicators: readonly ConfiguredIndicator[];
  readonly indicatorFiles: readonly string[];
  readonly acronyms: Readonly<Record<string, string>>;
}

export const EMPTY_CLIENT_SETTINGS: ClientSettings = { rules: {}, frameworks: [], indicators: [], indicatorFiles: [], acronyms: {} };

const LooseSection = z.looseObject({
  rules: z.nullish(z.record(z.string(), z.unknown())),
  frameworks: z.nullish(z.array(z.unknown())),
  indicators: z.nullish(z.array(z.unknown())),
  indicatorFiles: z.nullish(z.array(z.unknown())),
  acronyms: z.nullish(z.record(z.string(), z.unknown())),
});

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
  /** Absolute paths of the indicator files read (config's and client's), to watch for changes. */
  readonly indicatorFiles: readonly string[];
  /** The nearest strategy.config.json, if there is one. */
  readonly configFile: string | undefined;
  /** Every config file that contributed (looked up and extended), farthest first. */
  readonly configFiles: readonly string[];
  /** Acronyms every reader knows, with their meanings (for hover and completion). */
  readonly acronyms: ReadonlyMap<string, string>;
  /** Problems of those config files, each at its line: the values concerned are left out, the rest applies. */
  readonly configProblems: readonly ConfigError[];
  /** Problems with the client's settings or with files they name. */
  readonly problems: readonly string[];
}

export const DEFAULT_EFFECTIVE_SETTINGS: EffectiveSettings = {
  lint: DEFAULT_SETTINGS,
  frameworkPaths: [],
  indicatorFiles: [],
  configFile: undefined,
  configFiles: [],
  acronyms: new Map(),
  configProblems: [],
  problems: [],
};

/**
 * Why a framework path (a file or a folder) must not be read: a device, pipe
 * or socket (such as /dev/zero, which would be read until memory runs out),
 * or a file too large. Undefined when it may be read, or is missing.
 */
function unreadableFramework(path: string): string | undefined {
  try {
    if (statSync(path).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  return unreadableConfiguredFile(path);
}

/**
 * The settings for documents in `dir`: the strategy.config.json files that
 * apply there (looked up as `strategy lint` looks them up), refined by the
 * client's settings, whose paths are relative to `clientBase` (the
 * workspace folder).
 *
 * `confineTo`: in Restricted Mode (an untrusted workspace), the workspace
 * folders; then no file outside them is read (the resolver is confined the
 * same way), and each path left out is a problem saying why.
 */
export function effectiveSettings(
  dir: string | undefined,
  clientBase: string | undefined,
  client: ClientSettings,
  clientProblems: readonly string[],
  resolver: ConfigResolver,
  confineTo?: readonly string[],
): EffectiveSettings {
  const problems = [...clientProblems];
  const config = dir !== undefined ? resolver.forDirectory(dir) : undefined;
  const base = clientBase ?? dir ?? process.cwd();
  const inside = (key: string) => (path: string): boolean => {
    if (!confineTo || isInsideFolders(path, confineTo)) return true;
    problems.push(`\`${key}\`: ${path} is outside the workspace folders; in Restricted Mode only files inside them are read.`);
    return false;
  };
  const clientIndicatorFiles = client.indicatorFiles.map((f) => resolve(base, f)).filter(inside('strategy.indicatorFiles'));
  const fileProblems: ConfigError[] = [];
  const fromFiles = clientIndicatorFiles.flatMap((f) => readIndicatorFile(f, '`strategy.indicatorFiles`', fileProblems));
  problems.push(...fileProblems.map((e) => e.describe()));
  const clientFrameworks = client.frameworks.map((f) => resolve(base, f)).filter(inside('strategy.frameworks'));
  for (const f of clientFrameworks) if (!existsSync(f)) problems.push(`\`strategy.frameworks\`: ${f} does not exist; it is ignored.`);
  // The server reads framework files bounded anyway; a device named as one is said, not silently skipped.
  const readable = (key: string) => (path: string): boolean => {
    const why = unreadableFramework(path);
    if (why) problems.push(`\`${key}\`: ${path} ${why}; it is ignored.`);
    return why === undefined;
  };
  const lint = config?.settings ?? DEFAULT_SETTINGS;
  const severities = new Map(lint.severities);
  for (const [id, s] of Object.entries(client.rules)) severities.set(id, s);
  const acronyms = new Map(Object.entries({ ...(config?.raw.acronyms ?? {}), ...client.acronyms }));
  return {
    lint: {
      ...lint,
      severities,
      catalogue: lint.catalogue.withConfigured([...client.indicators, ...fromFiles]),
      knownAcronyms: new Set(acronyms.keys()),
    },
    frameworkPaths: [...(config?.frameworkPaths ?? []).filter(readable('frameworks')), ...clientFrameworks.filter((f) => existsSync(f)).filter(readable('strategy.frameworks'))],
    indicatorFiles: [...(config?.indicatorFiles ?? []), ...clientIndicatorFiles],
    configFile: config?.file,
    configFiles: config?.files ?? [],
    acronyms,
    configProblems: config?.problems ?? [],
    problems,
  };
}
