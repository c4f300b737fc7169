/** The schema of strategy.config.json: validated with zod, published as JSON Schema in schemas/. */
import * as z from 'zod/mini';
import '../../grammar/zod-messages.js';
import { ConfiguredIndicatorSchema } from '../catalogue/indicator-catalogue.js';
import { RULE_IDS } from '../rules/registry.js';
import { STATUS_VALUES } from '../../grammar/keywords.js';

export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'] as const;

export const SeveritySettingSchema = z.enum(SEVERITY_SETTINGS, {
  error: `must be one of ${SEVERITY_SETTINGS.map((s) => `"${s}"`).join(', ')}`,
});

export const CONFIG_FILE_NAME = 'strategy.config.json';
export const DEFAULT_SUPPRESSIONS_FILE = 'strategy-suppressions.json';

/** A path or pattern: an empty one would stand for the config's whole folder. */
const PathSchema = z.string().check(z.minLength(1, 'must not be empty'));
const RuleIdSchema = z.enum(RULE_IDS as [string, ...string[]]);
const RulesSchema = z.partialRecord(RuleIdSchema, SeveritySettingSchema);
const described = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description));

/**
 * The `converter` key: an object here, checked in full by the converter's own
 * schema (client/converter/config.ts, full zod) where it is used (`strategy
 * convert`, the editor's convert command) and in the published JSON Schema.
 * Kept out of this schema so that the linter's bundles carry zod/mini only.
 */
export const ConverterPlaceholderSchema = described(
  z.record(z.string(), z.unknown()),
  'Settings of `strategy convert` (and the editor command that calls it).',
);

export const ConfigSchema = described(
  z.strictObject({
    $schema: z.optional(z.string()),
    root: z.optional(described(z.boolean(), 'Stop looking for strategy.config.json files in the folders above this one.')),
    extends: z.optional(
      described(
        z.union([z.string(), z.array(z.string())]),
        'Configs this one builds on: a path relative to this file, or a package name (its strategy.config.json or main file). Settings here win.',
      ),
    ),
    rules: z.optional(described(RulesSchema, 'Severity per rule id: "error", "warning", "info" or "off".')),
    rulesByStatus: z.optional(
      described(
        z.partialRecord(z.enum(STATUS_VALUES), RulesSchema),
        'Severity per rule id for documents of one `status` (draft, consultation, final, published…), winning over `rules` for them. By default placeholder-target and open-note are errors in final and published strategies.',
      ),
    ),
    indicators: z.optional(described(z.array(ConfiguredIndicatorSchema), 'Indicators to add to the National Indicator Set, or titles to give its indicators.')),
    indicatorFiles: z.optional(described(z.array(PathSchema), 'JSON files, each an array of indicators like those of `indicators`, relative to this file.')),
    frameworks: z.optional(described(z.array(PathSchema), 'Framework files or folders, relative to this file, that strategies may name in `framework`.')),
    acronyms: z.optional(described(z.record(z.string(), z.string()), 'Acronyms every reader of these documents knows, with their meaning.')),
    ignore: z.optional(described(z.array(PathSchema), 'Paths to leave out when linting folders, in .gitignore syntax.')),
    suppressionsFile: z.optional(described(z.string(), `Where \`strategy lint --suppress-all\` records known findings (default ${DEFAULT_SUPPRESSIONS_FILE}).`)),
    converter: z.optional(ConverterPlaceholderSchema),
  }),
  'Configuration of the Strategy language tools (strategy.config.json).',
);

export type StrategyConfig = Omit<z.infer<typeof ConfigSchema>, 'converter'> & {
  /** Checked by the converter's schema where it is used. */
  readonly converter?: Readonly<Record<string, unknown>>;
};

/**
 * How each key is checked when the whole config is not valid: array entries
 * and record entries one by one (a bad one is dropped, the others kept),
 * anything else as a whole.
 */
export type ConfigPart =
  | { readonly kind: 'array'; readonly element: z.core.$ZodType }
  | { readonly kind: 'record'; readonly keys?: readonly string[]; readonly keyName: string; readonly value: z.core.$ZodType }
  | { readonly kind: 'whole' };

export function configPart(key: string): ConfigPart {
  switch (key) {
    case 'indicators':
      return { kind: 'array', element: ConfiguredIndicatorSchema };
    case 'indicatorFiles':
    case 'frameworks':
    case 'ignore':
      return { kind: 'array', element: PathSchema };
    case 'rules':
      return { kind: 'record', keys: RULE_IDS, keyName: 'rule', value: SeveritySettingSchema };
    case 'acronyms':
      return { kind: 'record', keyName: 'acronym', value: z.string() };
    default:
      return { kind: 'whole' };
  }
}
