/**
 * The typed syntax tree of a `.strategy` document. Every node carries the
 * range of source text it was built from (0-based lines and UTF-16
 * characters, as LSP counts them, plus absolute offsets).
 *
 * Containers hold an ordered `items` list of statements, so that the tree
 * keeps the author's order (the formatter needs it) and recovery can keep
 * whatever parsed. Which statement may stand where is checked after the
 * parse by `structure.ts`, which gives better messages than a grammar could.
 */
import type { Direction, StatusValue } from './keywords.js';

export interface Position {
  readonly line: number;
  readonly character: number;
  readonly offset: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface Located {
  readonly range: Range;
}

/** Quoted text, with escapes resolved. */
export interface Text extends Located {
  readonly value: string;
}

/** An id or code written as a name (`P1.1`, `drugs-2008`) or a number (`3`). */
export interface Identifier extends Located {
  readonly value: string;
}

export type DatePrecision = 'year' | 'month' | 'day' | 'financial-year';

/** A date as written, with the span of days it denotes. */
export interface DateValue extends Located {
  readonly text: string;
  readonly precision: DatePrecision;
  /** First day covered, `YYYY-MM-DD`. */
  readonly first: string;
  /** Last day covered, `YYYY-MM-DD`. */
  readonly last: string;
}

export interface IndicatorRef extends Located {
  /** The number after `NI`. */
  readonly code: number;
  /** As written, e.g. `NI40`. */
  readonly text: string;
}

/** A value in a target: a number, or a placeholder a draft left (`X`, `XX`, `tbc`). */
export interface Quantity extends Located {
  readonly text: string;
  readonly number?: number;
  readonly placeholder?: string;
  readonly percent: boolean;
}

export interface OwnerName extends Located {
  readonly value: string;
  /** Written in quotes (a name) rather than bare (an acronym or code). */
  readonly quoted: boolean;
}

export interface Comment extends Located {
  /** The text after `//`, untrimmed. */
  readonly text: string;
}

// ── statements ──────────────────────────────────────────────────────────────

interface Container<K extends string> extends Located {
  readonly kind: K;
  /** Range of the opening keyword(s); diagnostics about the whole construct point here. */
  readonly keywordRange: Range;
  readonly items: readonly Statement[];
  /** Whether the source wrote a `{ … }` block (even an empty one). */
  readonly hasBlock: boolean;
}

export interface StrategyDecl extends Container<'strategy'> {
  readonly id?: Identifier;
  readonly title?: Text;
}
export interface FrameworkDecl extends Container<'framework'> {
  readonly id?: Identifier;
  readonly title?: Text;
}
export interface PriorityDecl extends Container<'priority'> {
  readonly id?: Identifier;
  readonly title?: Text;
}
export interface SectionDecl extends Container<'section'> {
  readonly title?: Text;
}
export interface AimDecl extends Container<'aim'> {
  readonly id?: Identifier;
  readonly title?: Text;
}
export interface CommitmentDecl extends Container<'commitment'> {
  readonly id?: Identifier;
  readonly title?: Text;
}
export interface ActionDecl extends Container<'action'> {
  readonly id?: Identifier;
  readonly title?: Text;
}
export interface MeasureDecl extends Container<'measure'> {
  readonly indicator?: IndicatorRef;
  readonly title?: Text;
}
export interface OutcomeDecl extends Container<'outcome'> {
  readonly title?: Text;
}
export interface NarrativeDecl extends Container<'narrative'> {
  readonly title?: Text;
}

export interface NationalAimRef extends Located {
  readonly kind: 'nationalAim';
  readonly keywordRange: Range;
  readonly id?: Identifier;
  readonly title?: Text;
}

export interface TargetStmt extends Located {
  readonly kind: 'target';
  readonly keywordRange: Range;
  readonly direction?: { readonly value: Direction; readonly range: Range };
  readonly value?: Quantity;
  readonly indicator?: IndicatorRef;
  readonly baseline?: Quantity;
  readonly deadline?: DateValue;
  readonly words?: Text;
}

export type TimingSpec =
  | { readonly type: 'on'; readonly date: DateValue }
  | { readonly type: 'between'; readonly start: DateValue; readonly end: DateValue }
  | { readonly type: 'from'; readonly start: DateValue }
  | { readonly type: 'by'; readonly end: DateValue }
  | { readonly type: 'ongoing'; readonly start?: DateValue };

export interface TimingStmt extends Located {
  readonly kind: 'timing';
  readonly keywordRange: Range;
  readonly spec?: TimingSpec;
  /** The source's own words, kept when the structured form cannot say it all. */
  readonly words?: Text;
}

export interface OwnerStmt extends Located {
  readonly kind: 'owner';
  readonly keywordRange: Range;
  readonly names: readonly OwnerName[];
}

export interface SupportsStmt extends Located {
  readonly kind: 'supports';
  readonly keywordRange: Range;
  readonly target: 'action' | 'aim';
  readonly refs: readonly Identifier[];
}

export interface TextStmt<K extends string> extends Located {
  readonly kind: K;
  readonly keywordRange: Range;
  readonly text?: Text;
}
export type NoteStmt = TextStmt<'note'>;
export type CoverageStmt = TextStmt<'coverage'>;
export type AreaStmt = TextStmt<'area'>;
export type VisionStmt = TextStmt<'vision'>;

/** A paragraph of prose: a quoted string standing on its own. */
export interface ParagraphStmt extends Located {
  readonly kind: 'paragraph';
  readonly keywordRange: Range;
  readonly text: Text;
}

export interface PeriodStmt extends Located {
  readonly kind: 'period';
  readonly keywordRange: Range;
  readonly start?: DateValue;
  readonly end?: DateValue;
}

export interface StatusStmt extends Located {
  readonly kind: 'status';
  readonly keywordRange: Range;
  readonly value?: StatusValue;
  readonly valueRange?: Range;
}

/** Inside a strategy header: the framework(s) the strategy answers to. */
export interface FrameworkRefStmt extends Located {
  readonly kind: 'frameworkRef';
  readonly keywordRange: Range;
  readonly refs: readonly Identifier[];
}

export interface PartnerEntry extends Located {
  readonly name: Text;
  readonly role?: Text;
}
export interface PartnersDecl extends Located {
  readonly kind: 'partners';
  readonly keywordRange: Range;
  readonly title?: Text;
  readonly entries: readonly PartnerEntry[];
}

export interface GlossaryEntry extends Located {
  readonly term: OwnerName;
  readonly meaning?: Text;
}
export interface GlossaryDecl extends Located {
  readonly kind: 'glossary';
  readonly keywordRange: Range;
  readonly title?: Text;
  readonly entries: readonly GlossaryEntry[];
}

export type ContainerStatement =
  | StrategyDecl
  | FrameworkDecl
  | PriorityDecl
  | SectionDecl
  | AimDecl
  | CommitmentDecl
  | ActionDecl
  | MeasureDecl
  | OutcomeDecl
  | NarrativeDecl;

export type Statement =
  | ContainerStatement
  | NationalAimRef
  | TargetStmt
  | TimingStmt
  | OwnerStmt
  | SupportsStmt
  | NoteStmt
  | CoverageStmt
  | AreaStmt
  | VisionStmt
  | ParagraphStmt
  | PeriodStmt
  | StatusStmt
  | FrameworkRefStmt
  | PartnersDecl
  | GlossaryDecl;

export type StatementKind = Statement['kind'];
export type StatementOf<K extends StatementKind> = Extract<Statement, { kind: K }>;

export interface StrategyDocument extends Located {
  readonly kind: 'document';
  readonly items: readonly Statement[];
  readonly comments: readonly Comment[];
}

const containerKinds: ReadonlySet<string> = new Set<ContainerStatement['kind']>([
  'strategy', 'framework', 'priority', 'section', 'aim', 'commitment', 'action', 'measure', 'outcome', 'narrative',
]);

export function isContainer(s: Statement): s is ContainerStatement {
  return containerKinds.has(s.kind);
}

/** What a simple statement holds: one array for all, as every walk asks every leaf. */
const NO_CHILDREN: readonly Statement[] = Object.freeze([]);

/** The statements directly inside a node (none for simple statements). */
export function childrenOf(node: Statement | StrategyDocument): readonly Statement[] {
  if (node.kind === 'document') return node.items;
  return isContainer(node) ? node.items : NO_CHILDREN;
}
