/**
 * The one analysis code path: the CLI and the language server both call
 * `lintDocument`, with the same workspace model and the same settings, and
 * so report the same findings.
 */
import type { Statement, StatementKind, StatementOf } from '../../grammar/index.js';
import { nationalIndicatorSet, type IndicatorCatalogue } from '../catalogue/indicator-catalogue.js';
import { RULE_IDS, RULES, SYNTAX_ERROR_ID } from '../rules/registry.js';
import type { Finding, NodeVisitors, Report, Rule, RuleContext, Severity, SeveritySetting, Visitors } from '../rules/rule.js';
import type { StatusValue } from '../../grammar/keywords.js';
import type { AnalysedDocument } from './document-model.js';
import { frameworkIndexOf, type FrameworkIndex } from './framework-index.js';
import { applySuppressions } from './suppressions.js';
import { walkStatements, type Ancestors } from './walk.js';
import type { Workspace } from './workspace.js';

export interface LintSettings {
  /** Severity per rule id; rules not listed keep their default. */
  readonly severities: ReadonlyMap<string, SeveritySetting>;
  /** Severity per document status and rule id (config `rulesByStatus`); wins over `severities` for documents of that status. */
  readonly severitiesByStatus?: ReadonlyMap<string, ReadonlyMap<string, SeveritySetting>>;
  readonly catalogue: IndicatorCatalogue;
  readonly knownAcronyms: ReadonlySet<string>;
}

export const DEFAULT_SETTINGS: LintSettings = {
  severities: new Map(),
  get catalogue() {
    return nationalIndicatorSet();
  },
  knownAcronyms: new Set(),
};

export interface LintResult {
  readonly findings: readonly Finding[];
  /** Findings an inline suppression comment silenced (for `--suppress-all` bookkeeping and reports). */
  readonly suppressed: readonly Finding[];
}

/**
 * A rule's severity for a document of `status`: configured for that status,
 * else configured for the rule, else the rule's default for that status,
 * else its default.
 */
export function severityOf(ruleId: string, settings: LintSettings, status?: StatusValue): SeveritySetting {
  const byStatus = status !== undefined ? settings.severitiesByStatus?.get(status)?.get(ruleId) : undefined;
  if (byStatus) return byStatus;
  const configured = settings.severities.get(ruleId);
  if (configured) return configured;
  const meta = RULES.find((r) => r.meta.id === ruleId)?.meta;
  return (status !== undefined ? meta?.severityByStatus?.[status] : undefined) ?? meta?.defaultSeverity ?? 'warning';
}

/** The `status` a document's header gives it, if any. */
export function statusOf(doc: AnalysedDocument): StatusValue | undefined {
  for (const item of doc.header?.items ?? []) if (item.kind === 'status' && item.value !== undefined) return item.value;
  return undefined;
}

/** The framework a document answers to, for rules that check references. */
export function frameworkFor(doc: AnalysedDocument, workspace: Workspace): FrameworkIndex | undefined {
  if (doc.kind === 'framework') return frameworkIndexOf(doc);
  for (const ref of doc.frameworkRefs) {
    const found = workspace.resolveFramework(ref.value);
    if (found) return found;
  }
  return undefined;
}

type Handler = (node: StatementOf<StatementKind>, ancestors: Ancestors) => void;

/**
 * What `rules` report on `doc`: each rule created once, its visitors called
 * for every statement of `items` (the whole document when not given) in
 * document order, `enterDocument` and `exitDocument` around the walk. Raw:
 * before suppressions, without syntax errors.
 */
export function runRules(
  doc: AnalysedDocument,
  workspace: Workspace,
  settings: LintSettings,
  rules: readonly Rule[],
  items: readonly Statement[] = doc.parsed.document.items,
  framework: FrameworkIndex | undefined = frameworkFor(doc, workspace),
  perStatement?: (ruleId: string) => RuleContext['perStatement'],
): Finding[] {
  const raw: Finding[] = [];
  const handlers = new Map<StatementKind, Handler[]>();
  const enters: NonNullable<Visitors['enterDocument']>[] = [];
  const exits: NonNullable<Visitors['exitDocument']>[] = [];

  const status = statusOf(doc);
  for (const rule of rules) {
    const severity = severityOf(rule.meta.id, settings, status);
    if (severity === 'off') continue;
    const context: RuleContext = {
      document: doc,
      workspace,
      catalogue: settings.catalogue,
      framework,
      knownAcronyms: settings.knownAcronyms,
      report: (r: Report) => raw.push({ ...r, ruleId: rule.meta.id, severity }),
      ...(perStatement ? { perStatement: perStatement(rule.meta.id) } : {}),
    };
    const visitors = rule.create(context);
    if (visitors.enterDocument) enters.push(visitors.enterDocument);
    if (visitors.exitDocument) exits.push(visitors.exitDocument);
    for (const [kind, fn] of Object.entries(visitors) as [keyof NodeVisitors | 'enterDocument' | 'exitDocument', unknown][]) {
      if (kind === 'enterDocument' || kind === 'exitDocument' || typeof fn !== 'function') continue;
      const list = handlers.get(kind) ?? [];
      list.push(fn as Handler);
      handlers.set(kind, list);
    }
  }

  const tree = doc.parsed.document;
  const walked = items === tree.items ? tree : { ...tree, items };
  for (const enter of enters) enter(tree);
  // Rules that gather per top-level statement in `enterDocument` have no visitors: then nothing is walked.
  if (handlers.size > 0) {
    walkStatements(walked, (node, ancestors) => {
      const list = handlers.get(node.kind);
      if (list) for (const h of list) h(node, ancestors);
    });
  }
  for (const exit of exits) exit(tree);
  return raw;
}

/** Syntax errors added to what the rules reported, suppressions applied, unused ones reported, sorted. */
export function finishFindings(doc: AnalysedDocument, raw: readonly Finding[], settings: LintSettings): LintResult {
  const status = statusOf(doc);
  const syntax: Finding[] = doc.parsed.problems.map((p) => ({ ruleId: SYNTAX_ERROR_ID, severity: 'error', message: p.message, range: p.range }));
  const outcome = applySuppressions(doc, [...syntax, ...raw], new Set(RULE_IDS), new Set([SYNTAX_ERROR_ID]));
  const unusedSeverity = severityOf('unused-suppression', settings, status);
  const unused: Finding[] =
    unusedSeverity === 'off'
      ? []
      : outcome.unused.map((u) => ({ ruleId: 'unused-suppression', severity: unusedSeverity as Severity, message: u.message, range: u.range, fix: u.fix }));
  // Both lists sorted, so that they do not depend on the order rules ran in (the server runs some per block).
  return { findings: sortFindings([...outcome.kept, ...unused]), suppressed: sortFindings(outcome.suppressed) };
}

export function lintDocument(doc: AnalysedDocument, workspace: Workspace, settings: LintSettings = DEFAULT_SETTINGS): LintResult {
  return finishFindings(doc, runRules(doc, workspace, settings, RULES), settings);
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || a.ruleId.localeCompare(b.ruleId),
  );
}
