/**
 * The zod schema of the tree, which is also the exported model
 * (`strategy export --format json`). `scripts/generate-schemas` publishes it
 * as JSON Schema in `schemas/`. Typed against `ast.ts`, so the two cannot
 * drift apart without a compile error.
 */
import { z } from 'zod';
import type * as A from './ast.js';
import { DIRECTIONS, STATUS_VALUES } from './keywords.js';

const PositionSchema = z.object({
  line: z.number().int().nonnegative().describe('0-based line'),
  character: z.number().int().nonnegative().describe('0-based UTF-16 column'),
  offset: z.number().int().nonnegative(),
}).meta({ id: 'Position' });
const RangeSchema = z.object({ start: PositionSchema, end: PositionSchema }).meta({ id: 'Range' });
const TextSchema = z.object({ value: z.string(), range: RangeSchema }).meta({ id: 'Text' });
const IdentifierSchema = z.object({ value: z.string(), range: RangeSchema }).meta({ id: 'Identifier' });
const DateSchema = z.object({
  text: z.string(),
  precision: z.enum(['year', 'month', 'day', 'financial-year']),
  first: z.string().describe('first day covered, YYYY-MM-DD'),
  last: z.string().describe('last day covered, YYYY-MM-DD'),
  range: RangeSchema,
}).meta({ id: 'Date' });
const IndicatorSchema = z.object({ code: z.number().int(), text: z.string(), range: RangeSchema }).meta({ id: 'IndicatorRef' });
const QuantitySchema = z.object({
  text: z.string(),
  number: z.number().optional(),
  placeholder: z.string().optional(),
  percent: z.boolean(),
  range: RangeSchema,
}).meta({ id: 'Quantity' });
const NameSchema = z.object({ value: z.string(), quoted: z.boolean(), range: RangeSchema }).meta({ id: 'Name' });

const located = { range: RangeSchema, keywordRange: RangeSchema };

function container<K extends string>(kind: K) {
  return z.object({
    kind: z.literal(kind),
    ...located,
    get items(): z.ZodArray<z.ZodType<A.Statement>> {
      return z.array(StatementSchema);
    },
    hasBlock: z.boolean(),
  });
}

const TimingSpecSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('on'), date: DateSchema }),
  z.object({ type: z.literal('between'), start: DateSchema, end: DateSchema }),
  z.object({ type: z.literal('from'), start: DateSchema }),
  z.object({ type: z.literal('by'), end: DateSchema }),
  z.object({ type: z.literal('ongoing'), start: DateSchema.optional() }),
]).meta({ id: 'TimingSpec' });

const textStatement = <K extends string>(kind: K) => z.object({ kind: z.literal(kind), ...located, text: TextSchema.optional() });

export const StatementSchema: z.ZodType<A.Statement> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    container('strategy').extend({ id: IdentifierSchema.optional(), title: TextSchema.optional() }),
    container('framework').extend({ id: IdentifierSchema.optional(), title: TextSchema.optional() }),
    container('priority').extend({ id: IdentifierSchema.optional(), title: TextSchema.optional() }),
    container('section').extend({ title: TextSchema.optional() }),
    container('aim').extend({ id: IdentifierSchema.optional(), title: TextSchema.optional() }),
    container('commitment').extend({ id: IdentifierSchema.optional(), title: TextSchema.optional() }),
    container('action').extend({ id: IdentifierSchema.optional(), title: TextSchema.optional() }),
    container('measure').extend({ indicator: IndicatorSchema.optional(), title: TextSchema.optional() }),
    container('outcome').extend({ title: TextSchema.optional() }),
    container('narrative').extend({ title: TextSchema.optional() }),
    z.object({ kind: z.literal('nationalAim'), ...located, id: IdentifierSchema.optional(), title: TextSchema.optional() }),
    z.object({
      kind: z.literal('target'),
      ...located,
      direction: z.object({ value: z.enum(DIRECTIONS), range: RangeSchema }).optional(),
      value: QuantitySchema.optional(),
      indicator: IndicatorSchema.optional(),
      baseline: QuantitySchema.optional(),
      deadline: DateSchema.optional(),
      words: TextSchema.optional(),
    }),
    z.object({ kind: z.literal('timing'), ...located, spec: TimingSpecSchema.optional(), words: TextSchema.optional() }),
    z.object({ kind: z.literal('owner'), ...located, names: z.array(NameSchema) }),
    z.object({ kind: z.literal('supports'), ...located, target: z.enum(['action', 'aim']), refs: z.array(IdentifierSchema) }),
    textStatement('note'),
    textStatement('coverage'),
    textStatement('area'),
    textStatement('vision'),
    z.object({ kind: z.literal('paragraph'), ...located, text: TextSchema }),
    z.object({ kind: z.literal('period'), ...located, start: DateSchema.optional(), end: DateSchema.optional() }),
    z.object({ kind: z.literal('status'), ...located, value: z.enum(STATUS_VALUES).optional(), valueRange: RangeSchema.optional() }),
    z.object({ kind: z.literal('frameworkRef'), ...located, refs: z.array(IdentifierSchema) }),
    z.object({
      kind: z.literal('partners'),
      ...located,
      title: TextSchema.optional(),
      entries: z.array(z.object({ name: TextSchema, role: TextSchema.optional(), range: RangeSchema })),
    }),
    z.object({
      kind: z.literal('glossary'),
      ...located,
      title: TextSchema.optional(),
      entries: z.array(z.object({ term: NameSchema, meaning: TextSchema.optional(), range: RangeSchema })),
    }),
  ]).meta({ id: 'Statement' }),
);

export const DocumentSchema: z.ZodType<A.StrategyDocument> = z.object({
  kind: z.literal('document'),
  range: RangeSchema,
  items: z.array(StatementSchema),
  comments: z.array(z.object({ text: z.string(), range: RangeSchema })),
});

export const EXPORT_FORMAT_VERSION = 1;

/** What `strategy export --format json` prints. */
export const ExportSchema = z
  .object({
    $schema: z.string().optional(),
    formatVersion: z.literal(EXPORT_FORMAT_VERSION),
    file: z.string().describe('the path the document was read from, as given'),
    documentKind: z.enum(['strategy', 'framework']).nullable(),
    document: DocumentSchema,
  })
  .describe('A Strategy language document, exported by `strategy export --format json`.');

export type ExportedModel = z.infer<typeof ExportSchema>;
