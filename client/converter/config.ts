/**
 * The converter's settings, as the `converter` key of strategy.config.json
 * holds them. Validated with zod where they enter (the config loader, and
 * `convertText` for callers that build them by hand).
 */
import { z } from 'zod';

/** What a heading (or a lead-in line ending in a colon) can stand for. */
export const HEADING_CONSTRUCTS = [
  'priority',
  'section',
  'commitment',
  'aim',
  'action',
  'outcome',
  'narrative',
  'glossary',
  'partners',
  'nationalAims',
  'commitments',
  'actions',
  'aims',
  'measures',
  'targets',
  'notes',
  'ignore',
] as const;
export type HeadingConstruct = (typeof HEADING_CONSTRUCTS)[number];

/** What a Word paragraph style can be read as. */
export const STYLE_ROLES = ['title', 'heading1', 'heading2', 'heading3', 'heading4', 'heading5', 'heading6', 'paragraph', 'listItem', 'note', 'ignore'] as const;
export type StyleRole = (typeof STYLE_ROLES)[number];

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'iu');
    return true;
  } catch {
    return false;
  }
}

const FRAMEWORK_ID = /^[A-Za-z_][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*$/;

export const HeadingRuleSchema = z
  .object({
    pattern: z
      .string()
      .min(1)
      .refine(compiles, { message: 'is not a valid regular expression' })
      .describe('A regular expression (case-insensitive) matched against the heading text, without its trailing colon.'),
    construct: z
      .enum(HEADING_CONSTRUCTS)
      .describe(
        'What the heading opens: a construct (priority, section, commitment, aim, action, outcome, narrative), a glossary or partner list, a label for the lists below it (nationalAims, commitments, actions, aims, measures, targets, notes), or ignore (layout to leave out).',
      ),
  })
  .strict();

/** What a table column can hold (`converter.columns`). */
export const COLUMN_ROLES = ['group', 'aim', 'action', 'id', 'owner', 'outcome', 'coverage', 'timing', 'measure', 'target', 'progress', 'other'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export const ColumnRuleSchema = z
  .object({
    pattern: z
      .string()
      .min(1)
      .refine(compiles, { message: 'is not a valid regular expression' })
      .describe('A regular expression (case-insensitive) matched against a table header cell, without its trailing colon.'),
    role: z
      .enum(COLUMN_ROLES)
      .describe('What the column holds: the work (action), its owner, timing, measure, target, outcome, coverage, id, a group (theme), an aim, progress (a report on the work, never the work), or other (kept as text).'),
  })
  .strict();

export const KnownFrameworkSchema = z
  .object({
    id: z.string().regex(FRAMEWORK_ID, 'must be a framework id such as drugs-2008').describe('The framework id, as its file declares it.'),
    title: z.string().min(1).describe('Its title: a strategy that cites this title answers to the framework.'),
    aliases: z.array(z.string().min(1)).optional().describe('Other names the documents use for it.'),
    period: z
      .object({ first: z.string(), last: z.string() })
      .strict()
      .optional()
      .describe('First and last day of its period (YYYY-MM-DD), to choose between frameworks cited by the same title.'),
  })
  .strict();

export const ConverterConfigSchema = z
  .object({
    documentKind: z
      .enum(['strategy', 'framework'])
      .optional()
      .describe('Convert every document as a local strategy or as a national framework, instead of deciding from its text.'),
    framework: z
      .string()
      .regex(FRAMEWORK_ID, 'must be a framework id such as drugs-2008')
      .optional()
      .describe('The framework converted strategies answer to, when their text cites none the converter knows.'),
    frameworks: z
      .array(KnownFrameworkSchema)
      .optional()
      .describe('Frameworks a converted strategy may answer to, recognised when its text cites their title.'),
    styles: z
      .record(z.string().min(1), z.enum(STYLE_ROLES))
      .optional()
      .describe('Word paragraph style names and how to read them, e.g. {"Strategy Heading": "heading1", "Drafting Note": "note"}. Heading 1–6 and Title are read without this.'),
    columns: z
      .array(ColumnRuleSchema)
      .optional()
      .describe('Table header patterns mapped to what their column holds, tried before the built-in ones, e.g. {"pattern": "^Accountable director$", "role": "owner"}.'),
    headings: z
      .array(HeadingRuleSchema)
      .optional()
      .describe('Heading patterns mapped to constructs, tried before the built-in ones, e.g. {"pattern": "^Theme \\\\d+", "construct": "priority"}.'),
  })
  .strict()
  .describe('Settings of `strategy convert` (and the editor command that calls it).');

export type ConverterConfig = z.infer<typeof ConverterConfigSchema>;
export type KnownFramework = z.infer<typeof KnownFrameworkSchema>;
export type HeadingRule = z.infer<typeof HeadingRuleSchema>;
export type ColumnRule = z.infer<typeof ColumnRuleSchema>;

/** The user's column rules, compiled, for `recogniseTable`. */
export function compileColumnRules(rules: readonly ColumnRule[] = []): [ColumnRole, RegExp][] {
  return rules.map((r) => [r.role, new RegExp(r.pattern, 'iu')]);
}

/** A setting problem, with the key path that holds it. */
export class ConverterConfigError extends Error {}

/** Validates settings given by a caller; throws ConverterConfigError naming the key. */
export function validateConverterConfig(value: unknown): ConverterConfig {
  const result = ConverterConfigSchema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
  throw new ConverterConfigError(`converter${where}: ${issue.message}`);
}
