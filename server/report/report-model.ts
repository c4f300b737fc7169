/**
 * The reviewer's report as data: what `strategy report` renders as HTML or
 * markdown, what the editor's preview shows, and what `--format json`
 * prints. Described once in zod, so that the types are inferred from the
 * schema and a test can check any built report against it.
 *
 * Everything here comes from the analysis the linter runs: the documents'
 * trees and `lintDocument`'s findings. Nothing is recomputed differently.
 */
import { z } from 'zod';

export const REPORT_FORMAT_VERSION = 1;

const Severity = z.enum(['error', 'warning', 'info']);

/** A place in a source file: `file` as shown to the reader, 1-based line and column. */
export const LocationSchema = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
});
export type Location = z.infer<typeof LocationSchema>;

export const SeverityCountsSchema = z.object({
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  infos: z.number().int().nonnegative(),
});
export type SeverityCounts = z.infer<typeof SeverityCountsSchema>;

export const ReportFindingSchema = z.object({
  ruleId: z.string(),
  severity: Severity,
  message: z.string(),
  location: LocationSchema,
});
export type ReportFinding = z.infer<typeof ReportFindingSchema>;

/** A rule's explanation, as its doc page gives it. */
export const RuleExplanationSchema = z.object({
  id: z.string(),
  description: z.string(),
  why: z.string(),
  howToFix: z.string(),
});
export type RuleExplanation = z.infer<typeof RuleExplanationSchema>;

export const OverviewSchema = z.object({
  title: z.string().nullable(),
  area: z.string().nullable(),
  period: z.object({ text: z.string(), first: z.string(), last: z.string() }).nullable(),
  status: z.string().nullable(),
  frameworks: z.array(z.object({ id: z.string(), title: z.string().nullable(), found: z.boolean() })),
  counts: z.object({
    priorities: z.number().int().nonnegative(),
    commitments: z.number().int().nonnegative(),
    actions: z.number().int().nonnegative(),
    measures: z.number().int().nonnegative(),
    targets: z.number().int().nonnegative(),
  }),
  findings: SeverityCountsSchema,
  byRule: z.array(z.object({ ruleId: z.string(), errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() })),
});
export type Overview = z.infer<typeof OverviewSchema>;

/** A priority of the document, or the document itself (`priority: null`) for what stands outside any priority. */
export const GapGroupSchema = z.object({
  priority: z.object({ label: z.string(), location: LocationSchema }).nullable(),
  findings: z.array(ReportFindingSchema),
});
export type GapGroup = z.infer<typeof GapGroupSchema>;

/** A local commitment (or priority) that answers to a national aim or action. */
export const SupporterSchema = z.object({ label: z.string(), location: LocationSchema });
export type Supporter = z.infer<typeof SupporterSchema>;

export const CoverageActionSchema = z.object({
  number: z.string(),
  title: z.string().nullable(),
  location: LocationSchema,
  supporters: z.array(SupporterSchema),
});
export const CoverageAimSchema = z.object({
  code: z.string().nullable(),
  title: z.string().nullable(),
  location: LocationSchema.nullable(),
  supporters: z.array(SupporterSchema),
  actions: z.array(CoverageActionSchema),
});
export type CoverageAim = z.infer<typeof CoverageAimSchema>;

export const CoverageSchema = z.object({
  framework: z.object({ id: z.string(), title: z.string().nullable(), file: z.string() }),
  aims: z.array(CoverageAimSchema),
  answeredActions: z.number().int().nonnegative(),
  totalActions: z.number().int().nonnegative(),
  answeredAims: z.number().int().nonnegative(),
  totalAims: z.number().int().nonnegative(),
  /** `supports action 99` or `national aim PC.9` naming nothing in the framework. */
  unknownReferences: z.array(z.object({ kind: z.enum(['action', 'aim']), ref: z.string(), from: z.string(), location: LocationSchema })),
  /** `national aim "…"` written in words that match none of the framework's aims. */
  unmatchedAimTexts: z.array(z.object({ text: z.string(), from: z.string(), location: LocationSchema })),
});
export type Coverage = z.infer<typeof CoverageSchema>;

export const TIMING_STATES = ['dated', 'outside', 'vague', 'missing'] as const;
export type TimingState = (typeof TIMING_STATES)[number];

export const TimelineItemSchema = z.object({
  label: z.string(),
  title: z.string().nullable(),
  location: LocationSchema,
  state: z.enum(TIMING_STATES),
  /** The timing as written (`by 2012 "By 2012"`), or null when there is none. */
  written: z.string().nullable(),
  /** First and last day covered, `YYYY-MM-DD`; absent ends are open. */
  start: z.string().nullable(),
  end: z.string().nullable(),
  /** Runs on with no end (`ongoing`, `from`). */
  openEnded: z.boolean(),
  /** Why the timing is outside the period, when it is. */
  note: z.string().nullable(),
});
export type TimelineItem = z.infer<typeof TimelineItemSchema>;

export const TimelineSchema = z.object({
  period: z.object({ first: z.string(), last: z.string(), text: z.string() }).nullable(),
  items: z.array(TimelineItemSchema),
});
export type Timeline = z.infer<typeof TimelineSchema>;

export const OwnersSchema = z.object({
  owners: z.array(z.object({ name: z.string(), items: z.array(SupporterSchema) })),
  unowned: z.array(SupporterSchema),
});
export type Owners = z.infer<typeof OwnersSchema>;

export const MeasureRowSchema = z.object({
  indicator: z.string().nullable(),
  quotedTitle: z.string().nullable(),
  catalogueTitle: z.string().nullable(),
  /** In the National Indicator Set (or the configured indicators). */
  known: z.boolean(),
  /** The quoted title differs from the catalogue's (an `indicator-title-mismatch` finding). */
  titleDiffers: z.boolean(),
  within: z.string().nullable(),
  location: LocationSchema,
});
export type MeasureRow = z.infer<typeof MeasureRowSchema>;

export const TargetRowSchema = z.object({
  text: z.string(),
  indicator: z.string().nullable(),
  catalogueTitle: z.string().nullable(),
  baseline: z.string().nullable(),
  value: z.string().nullable(),
  date: z.string().nullable(),
  /** The placeholder the target still holds (`X`, `TBC`…), if any. */
  placeholder: z.string().nullable(),
  within: z.string().nullable(),
  location: LocationSchema,
});
export type TargetRow = z.infer<typeof TargetRowSchema>;

export const DocumentReportSchema = z.object({
  file: z.string(),
  kind: z.enum(['strategy', 'framework', 'unknown']),
  overview: OverviewSchema,
  gaps: z.array(GapGroupSchema),
  coverage: CoverageSchema.nullable(),
  timeline: TimelineSchema,
  owners: OwnersSchema,
  measures: z.array(MeasureRowSchema),
  targets: z.array(TargetRowSchema),
});
export type DocumentReport = z.infer<typeof DocumentReportSchema>;

/** A framework with several local strategies among the reported files: who answers which action. */
export const NationalViewSchema = z.object({
  framework: z.object({ id: z.string(), title: z.string().nullable(), file: z.string() }),
  strategies: z.array(z.object({ file: z.string(), title: z.string().nullable() })),
  actions: z.array(
    z.object({
      number: z.string(),
      title: z.string().nullable(),
      aim: z.string().nullable(),
      /** Where the framework defines it (the per-strategy coverage tables refer here rather than repeat it). */
      location: LocationSchema,
      /** Per strategy (same order as `strategies`): how many of its commitments support the action. */
      counts: z.array(z.number().int().nonnegative()),
      strategiesAnswering: z.number().int().nonnegative(),
    }),
  ),
  unanswered: z.array(z.string()),
});
export type NationalView = z.infer<typeof NationalViewSchema>;

export const ReportSchema = z.object({
  formatVersion: z.literal(REPORT_FORMAT_VERSION),
  generator: z.object({ name: z.string(), version: z.string() }),
  totals: z.object({ files: z.number().int().nonnegative(), findings: SeverityCountsSchema }),
  documents: z.array(DocumentReportSchema),
  nationalViews: z.array(NationalViewSchema),
  rules: z.array(RuleExplanationSchema),
});
export type Report = z.infer<typeof ReportSchema>;
