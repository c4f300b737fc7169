/**
 * The one analysis code path: the CLI and the language server both call
 * `lintDocument`, with the same workspace model and the same settings, and
 * so report the same findings.
 */
import type { StatementKind, StatementOf } from '../../grammar/index.js';
import { nationalIndicatorSet, type IndicatorCatalogue } from '../catalogue/indicator-catalogue.js';
import { RULE_IDS, RULES, SYNTAX_ERROR_ID } from '../rules/registry.js';
import type { Finding, NodeVisitors, Report, RuleContext, Severity, SeveritySetting, Visitors } from '../rules/rule.js';
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

export function lintDocument(doc: AnalysedDocument, workspace: Workspace, settings: LintSettings = DEFAULT_SETTINGS): LintResult {
  const raw: Finding[] = [];
  const framework = frameworkFor(doc, workspace);
  const handlers = new Map<StatementKind, Handler[]>();
  const enters: NonNullable<Visitors['enterDocument']>[] = [];
  const exits: NonNullable<Visitors['exitDocument']>[] = [];

  const status = statusOf(doc);
  for (const rule of RULES) {
    const severity = severityOf(rule.meta.id, settings, status);
    if (severity === 'off') continue;
    const context: RuleContext = {
      document: doc,
      workspace,
      catalogue: settings.catalogue,
      framework,
      knownAcronyms: settings.knownAcronyms,
      report: (r: Report) => raw.push({ ...r, ruleId: rule.meta.id, severity }),
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
  for (const enter of enters) enter(tree);
  walkStatements(tree, (node, ancestors) => {
    const list = handlers.get(node.kind);
    if (list) for (const h of list) h(node, ancestors);
  });
  for (const exit of exits) exit(tree);

  const syntax: Finding[] = doc.parsed.problems.map((p) => ({ ruleId: SYNTAX_ERROR_ID, severity: 'error', message: p.message, range: p.range }));
  const outcome = applySuppressions(doc, [...syntax, ...raw], new Set(RULE_IDS), new Set([SYNTAX_ERROR_ID]));
  const unusedSeverity = severityOf('unused-suppression', settings, status);
  const unused: Finding[] =
    unusedSeverity === 'off'
      ? []
      : outcome.unused.map((u) => ({ ruleId: 'unused-suppression', severity: unusedSeverity as Severity, message: u.message, range: u.range, fix: u.fix }));
  return { findings: sortFindings([...outcome.kept, ...unused]), suppressed: outcome.suppressed };
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || a.ruleId.localeCompare(b.ruleId),
  );
}
