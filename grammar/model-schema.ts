/**
 * The zod schema of the tree, which is also the exported model
 * (`strategy export --format json`). `scripts/generate-schemas` publishes it
 * as JSON Schema in `schemas/`. Typed against `ast.ts`, so the two cannot
 * drift apart without a compile error.
 */
import * as z from 'zod/mini';
import './zod-messages.js';
import type * as A from './ast.js';
import { DIRECTIONS, STATUS_VALUES } from './keywords.js';

const nonNegativeInt = (description?: string) => (description ? z.int().check(z.nonnegative(), z.describe(description)) : z.int().check(z.nonnegative()));
const id = (name: string) => z.meta({ id: name });

const PositionSchema = z
  .object({
    line: nonNegativeInt('0-based line'),
    character: nonNegativeInt('0-based UTF-16 column'),
    offset: nonNegativeInt(),
  })
  .check(id('Position'));
const RangeSchema = z.object({ start: PositionSchema, end: PositionSchema }).check(id('Range'));
const TextSchema = z.object({ value: z.string(), range: RangeSchema }).check(id('Text'));
const IdentifierSchema = z.object({ value: z.string(), range: RangeSchema }).check(id('Identifier'));
const DateSchema = z
  .object({
    text: z.string(),
    precision: z.enum(['year', 'month', 'day', 'financial-year']),
    first: z.string().check(z.describe('first day covered, YYYY-MM-DD')),
    last: z.string().check(z.describe('last day covered, YYYY-MM-DD')),
    range: RangeSchema,
  })
  .check(id('Date'));
const IndicatorSchema = z.object({ code: z.int(), text: z.string(), range: RangeSchema }).check(id('IndicatorRef'));
const QuantitySchema = z
  .object({
    text: z.string(),
    number: z.optional(z.number()),
    placeholder: z.optional(z.string()),
    percent: z.boolean(),
    range: RangeSchema,
  })
  .check(id('Quantity'));
const NameSchema = z.object({ value: z.string(), quoted: z.boolean(), range: RangeSchema }).check(id('Name'));

const located = { range: RangeSchema, keywordRange: RangeSchema };
const optionalId = z.optional(IdentifierSchema);
const optionalTitle = z.optional(TextSchema);

function container<K extends string>(kind: K) {
  return z.object({
    kind: z.literal(kind),
    ...located,
    get items(): z.ZodMiniArray<z.ZodMiniType<A.Statement>> {
      return z.array(StatementSchema);
    },
    hasBlock: z.boolean(),
  });
}

const TimingSpecSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('on'), date: DateSchema }),
    z.object({ type: z.literal('between'), start: DateSchema, end: DateSchema }),
    z.object({ type: z.literal('from'), start: DateSchema }),
    z.object({ type: z.literal('by'), end: DateSchema }),
    z.object({ type: z.literal('ongoing'), start: z.optional(DateSchema) }),
  ])
  .check(id('TimingSpec'));

const textStatement = <K extends string>(kind: K) => z.object({ kind: z.literal(kind), ...located, text: optionalTitle });

export const StatementSchema: z.ZodMiniType<A.Statement> = z.lazy(() =>
  z
    .discriminatedUnion('kind', [
      z.extend(container('strategy'), { id: optionalId, title: optionalTitle }),
      z.extend(container('framework'), { id: optionalId, title: optionalTitle }),
      z.extend(container('priority'), { id: optionalId, title: optionalTitle }),
      z.extend(container('section'), { title: optionalTitle }),
      z.extend(container('aim'), { id: optionalId, title: optionalTitle }),
      z.extend(container('commitment'), { id: optionalId, title: optionalTitle }),
      z.extend(container('action'), { id: optionalId, title: optionalTitle }),
      z.extend(container('measure'), { indicator: z.optional(IndicatorSchema), title: optionalTitle }),
      z.extend(container('outcome'), { title: optionalTitle }),
      z.extend(container('narrative'), { title: optionalTitle }),
      z.object({ kind: z.literal('nationalAim'), ...located, id: optionalId, title: optionalTitle }),
      z.object({
        kind: z.literal('target'),
        ...located,
        direction: z.optional(z.object({ value: z.enum(DIRECTIONS), range: RangeSchema })),
        value: z.optional(QuantitySchema),
        indicator: z.optional(IndicatorSchema),
        baseline: z.optional(QuantitySchema),
        deadline: z.optional(DateSchema),
        words: optionalTitle,
      }),
      z.object({ kind: z.literal('timing'), ...located, spec: z.optional(TimingSpecSchema), words: optionalTitle }),
      z.object({ kind: z.literal('owner'), ...located, names: z.array(NameSchema) }),
      z.object({ kind: z.literal('supports'), ...located, target: z.enum(['action', 'aim']), refs: z.array(IdentifierSchema) }),
      textStatement('note'),
      textStatement('coverage'),
      textStatement('area'),
      textStatement('vision'),
      z.object({ kind: z.literal('paragraph'), ...located, text: TextSchema }),
      z.object({ kind: z.literal('period'), ...located, start: z.optional(DateSchema), end: z.optional(DateSchema) }),
      z.object({ kind: z.literal('status'), ...located, value: z.optional(z.enum(STATUS_VALUES)), valueRange: z.optional(RangeSchema) }),
      z.object({ kind: z.literal('frameworkRef'), ...located, refs: z.array(IdentifierSchema) }),
      z.object({
        kind: z.literal('partners'),
        ...located,
        title: optionalTitle,
        entries: z.array(z.object({ name: TextSchema, role: optionalTitle, range: RangeSchema })),
      }),
      z.object({
        kind: z.literal('glossary'),
        ...located,
        title: optionalTitle,
        entries: z.array(z.object({ term: NameSchema, meaning: optionalTitle, range: RangeSchema })),
      }),
    ])
    .check(id('Statement')),
);

export const DocumentSchema: z.ZodMiniType<A.StrategyDocument> = z.object({
  kind: z.literal('document'),
  range: RangeSchema,
  items: z.array(StatementSchema),
  comments: z.array(z.object({ text: z.string(), range: RangeSchema })),
});

export const EXPORT_FORMAT_VERSION = 1;

/** What `strategy export --format json` prints. */
export const ExportSchema = z
  .object({
    $schema: z.optional(z.string()),
    formatVersion: z.literal(EXPORT_FORMAT_VERSION),
    file: z.string().check(z.describe('the path the document was read from, as given')),
    documentKind: z.nullable(z.enum(['strategy', 'framework'])),
    document: DocumentSchema,
  })
  .check(z.describe('A Strategy language document, exported by `strategy export --format json`.'));

export type ExportedModel = z.infer<typeof ExportSchema>;
