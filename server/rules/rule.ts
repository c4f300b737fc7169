import type { StatusValue } from '../../grammar/keywords.js';
/**
 * What a rule is. A rule declares the statement kinds it looks at; the engine
 * walks each document once and calls every rule's visitors. Rules see the
 * tree and the workspace, never tokens.
 */
import type { Range, Statement, StatementKind, StatementOf, StrategyDocument } from '../../grammar/index.js';
import type { IndicatorCatalogue } from '../catalogue/indicator-catalogue.js';
import type { AnalysedDocument } from '../analysis/document-model.js';
import type { FrameworkIndex } from '../analysis/framework-index.js';
import type { Ancestors } from '../analysis/walk.js';
import type { Workspace } from '../analysis/workspace.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A change a rule offers. Fixes are safe for `--fix`; suggestions are only offered in the editor. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface RelatedLocation {
  readonly uri: string;
  readonly range: Range;
  readonly message: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly related?: readonly RelatedLocation[];
  readonly fix?: Fix;
  readonly suggestions?: readonly Fix[];
}

export type Report = Omit<Finding, 'ruleId' | 'severity'>;

export interface RuleMeta {
  readonly id: string;
  readonly defaultSeverity: SeveritySetting;
  /** One line: what the rule reports. */
  readonly description: string;
  /** Whether `--fix` can mend some of what it reports. */
  readonly fixable: boolean;
  /**
   * Severity by the document's `status`, where the default should follow it
   * (a placeholder is fine in a draft, an error in a published strategy).
   * A severity configured for the rule wins over these.
   */
  readonly severityByStatus?: Readonly<Partial<Record<StatusValue, SeveritySetting>>>;
  /** The rule's doc page: why it matters, how to fix, an example before and after. */
  readonly docs: {
    readonly why: string;
    readonly howToFix: string;
    readonly bad: string;
    readonly good: string;
  };
}

export interface RuleContext {
  readonly document: AnalysedDocument;
  readonly workspace: Workspace;
  readonly catalogue: IndicatorCatalogue;
  /** The framework this document answers to (a strategy's first resolvable `framework`, or a framework itself). */
  readonly framework: FrameworkIndex | undefined;
  /** Acronyms the configuration says everyone knows. */
  readonly knownAcronyms: ReadonlySet<string>;
  report(report: Report): void;
  /**
   * Where given (the language server), what a document-wide rule gathers
   * from one top-level statement is kept with that statement and reused
   * while an edit leaves it alone (moved with it, like its findings).
   * `compute` must depend only on the statement and the document's shared
   * facts, and return plain data (strings, numbers, ranges).
   */
  readonly perStatement?: <T>(statement: Statement, compute: () => T) => T;
}

export type NodeVisitors = {
  readonly [K in StatementKind]?: (node: StatementOf<K>, ancestors: Ancestors) => void;
};

export interface Visitors extends NodeVisitors {
  /** Called once before the walk. */
  readonly enterDocument?: (doc: StrategyDocument) => void;
  /** Called once after the walk, for rules that compare across the document. */
  readonly exitDocument?: (doc: StrategyDocument) => void;
}

export interface Rule {
  readonly meta: RuleMeta;
  create(context: RuleContext): Visitors;
}
