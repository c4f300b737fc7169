/** The schema of strategy.config.json: validated with zod, published as JSON Schema in schemas/. */
import { z } from 'zod';
import { ConverterConfigSchema } from '../../client/converter/config.js';
import { ConfiguredIndicatorSchema } from '../catalogue/indicator-catalogue.js';
import { RULE_IDS } from '../rules/registry.js';

export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'] as const;

export const SeveritySettingSchema = z.enum(SEVERITY_SETTINGS, {
  error: `must be one of ${SEVERITY_SETTINGS.map((s) => `"${s}"`).join(', ')}`,
});

export const CONFIG_FILE_NAME = 'strategy.config.json';
export const DEFAULT_SUPPRESSIONS_FILE = 'strategy-suppressions.json';

export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    rules: z
      .partialRecord(z.enum(RULE_IDS as [string, ...string[]]), SeveritySettingSchema)
      .optional()
      .describe('Severity per rule id: "error", "warning", "info" or "off".'),
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
