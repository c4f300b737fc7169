/** The schema of strategy.config.json: validated with zod, published as JSON Schema in schemas/. */
import { z } from 'zod';
import { ConverterConfigSchema } from '../../client/converter/config.js';
import { ConfiguredIndicatorSchema } from '../catalogue/indicator-catalogue.js';
import { RULE_IDS } from '../rules/registry.js';
import { STATUS_VALUES } from '../../grammar/keywords.js';

export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'] as const;

export const SeveritySettingSchema = z.enum(SEVERITY_SETTINGS, {
  error: `must be one of ${SEVERITY_SETTINGS.map((s) => `"${s}"`).join(', ')}`,
});

export const CONFIG_FILE_NAME = 'strategy.config.json';
export const DEFAULT_SUPPRESSIONS_FILE = 'strategy-suppressions.json';

export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    root: z
      .boolean()
      .optional()
      .describe('Stop looking for strategy.config.json files in the folders above this one.'),
    extends: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .describe('Configs this one builds on: a path relative to this file, or a package name (its strategy.config.json or main file). Settings here win.'),
    rules: z
      .partialRecord(z.enum(RULE_IDS as [string, ...string[]]), SeveritySettingSchema)
      .optional()
      .describe('Severity per rule id: "error", "warning", "info" or "off".'),
    rulesByStatus: z
      .partialRecord(z.enum(STATUS_VALUES), z.partialRecord(z.enum(RULE_IDS as [string, ...string[]]), SeveritySettingSchema))
      .optional()
      .describe('Severity per rule id for documents of one `status` (draft, consultation, final, published…), winning over `rules` for them. By default placeholder-target and open-note are errors in final and published strategies.'),
    indicators: z
      .array(ConfiguredIndicatorSchema)
      .optional()
      .describe('Indicators to add to the National Indicator Set, or titles to give its indicators.'),
    indicatorFiles: z
      .array(z.string())
      .optional()
      .describe('JSON files, each an array of indicators like those of `indicators`, relative to this file.'),
    frameworks: z
      .array(z.string())
      .optional()
      .describe('Framework files or folders, relative to this file, that strategies may name in `framework`.'),
    acronyms: z
      .record(z.string(), z.string())
      .optional()
      .describe('Acronyms every reader of these documents knows, with their meaning.'),
    ignore: z.array(z.string()).optional().describe('Paths to leave out when linting folders, in .gitignore syntax.'),
    suppressionsFile: z
      .string()
      .optional()
      .describe(`Where \`strategy lint --suppress-all\` records known findings (default ${DEFAULT_SUPPRESSIONS_FILE}).`),
    converter: ConverterConfigSchema.optional(),
  })
  .strict()
  .describe('Configuration of the Strategy language tools (strategy.config.json).');

export type StrategyConfig = z.infer<typeof ConfigSchema>;

/**
 * How each key is checked when the whole config is not valid: array entries
 * and record entries one by one (a bad one is dropped, the others kept),
 * anything else as a whole.
 */
export type ConfigPart =
  | { readonly kind: 'array'; readonly element: z.ZodType }
  | { readonly kind: 'record'; readonly keys?: readonly string[]; readonly keyName: string; readonly value: z.ZodType }
  | { readonly kind: 'whole' };

export function configPart(key: string): ConfigPart {
  switch (key) {
    case 'indicators':
      return { kind: 'array', element: ConfiguredIndicatorSchema };
    case 'indicatorFiles':
    case 'frameworks':
    case 'ignore':
      return { kind: 'array', element: z.string() };
    case 'rules':
      return { kind: 'record', keys: RULE_IDS, keyName: 'rule', value: SeveritySettingSchema };
    case 'acronyms':
      return { kind: 'record', keyName: 'acronym', value: z.string() };
    default:
      return { kind: 'whole' };
  }
}
