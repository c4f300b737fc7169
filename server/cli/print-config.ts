/**
 * `strategy lint --print-config FILE`: the settings that apply to a file,
 * each with where it came from (`file:line:col` of the config that set it,
 * `--rule`, or `default`), as JSON, like `eslint --print-config`.
 */
import type { ResolvedConfig } from '../config/load-config.js';
import { RULES } from '../rules/registry.js';
import type { SeveritySetting } from '../rules/rule.js';

export function printConfig(config: ResolvedConfig, overrides: readonly [string, SeveritySetting][], shown: (file: string) => string): string {
  const cli = new Map(overrides);
  const rules = Object.fromEntries(
    RULES.map((r) => {
      const id = r.meta.id;
      const fromCli = cli.get(id);
      if (fromCli !== undefined) return [id, { severity: fromCli, source: `--rule ${id}=${fromCli}` }];
      const configured = config.settings.severities.get(id);
      if (configured !== undefined) return [id, { severity: configured, source: config.sources.get(`rules.${id}`) ?? 'config' }];
      return [id, { severity: r.meta.defaultSeverity, source: 'default' }];
    }),
  );
  const list = (key: string, values: readonly unknown[]): { value: unknown; source: string }[] =>
    values.map((value, i) => ({ value, source: config.sources.get(`${key}[${i}]`) ?? 'config' }));
  const printed = {
    configFiles: config.files.map(shown),
    rules,
    rulesByStatus: Object.fromEntries(
      Object.entries(config.raw.rulesByStatus ?? {}).map(([status, m]) => [
        status,
        Object.fromEntries(Object.entries(m ?? {}).map(([id, severity]) => [id, { severity, source: config.sources.get(`rulesByStatus.${status}.${id}`) ?? 'config' }])),
      ]),
    ),
    defaultsByStatus: Object.fromEntries(RULES.filter((r) => r.meta.severityByStatus).map((r) => [r.meta.id, r.meta.severityByStatus])),
    frameworks: list('frameworks', config.frameworkPaths.map(shown)),
    indicators: list('indicators', config.raw.indicators ?? []),
    indicatorFiles: list('indicatorFiles', config.indicatorFiles.map(shown)),
    acronyms: Object.fromEntries(Object.entries(config.raw.acronyms ?? {}).map(([term, meaning]) => [term, { meaning, source: config.sources.get(`acronyms.${term}`) ?? 'config' }])),
    ignore: list('ignore', config.raw.ignore ?? []),
    suppressionsFile: { value: shown(config.suppressionsFile), source: config.sources.get('suppressionsFile') ?? 'default' },
    ...(config.raw.converter !== undefined ? { converter: { value: config.raw.converter, source: config.sources.get('converter') ?? 'config' } } : {}),
  };
  return `${JSON.stringify(printed, null, 2)}\n`;
}
