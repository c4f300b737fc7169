/** The overview: what the document is, how much it holds, and its findings by rule and severity. */
import type { AnalysedDocument } from '../analysis/document-model.js';
import type { SectionVisitor, SectionWalker } from './section-walk.js';
import type { Workspace } from '../analysis/workspace.js';
import type { Finding } from '../rules/rule.js';
import type { Overview, SeverityCounts } from './report-model.js';

export function severityCounts(findings: readonly Pick<Finding, 'severity'>[]): SeverityCounts {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

export type OverviewCounts = Overview['counts'];

/** Counts the document's priorities, commitments, actions, measures and targets during the sections' walk. */
export function countsSection(): SectionWalker & { counts: OverviewCounts } {
  const counts = { priorities: 0, commitments: 0, actions: 0, measures: 0, targets: 0 };
  const visit: SectionVisitor = (node) => {
    if (node.kind === 'priority') counts.priorities++;
    else if (node.kind === 'commitment') counts.commitments++;
    else if (node.kind === 'action') counts.actions++;
    else if (node.kind === 'measure') counts.measures++;
    else if (node.kind === 'target') counts.targets++;
  };
  return { kinds: ['priority', 'commitment', 'action', 'measure', 'target'], visit, counts };
}

/** `counts`: what `countsSection` counted in the walk. */
export function buildOverview(doc: AnalysedDocument, workspace: Workspace, findings: readonly Finding[], counts: OverviewCounts): Overview {
  let area: string | null = null;
  let status: string | null = null;
  for (const item of doc.header?.items ?? []) {
    if (item.kind === 'area' && item.text && area === null) area = item.text.value;
    if (item.kind === 'status' && item.value && status === null) status = item.value;
  }
  const byRule = new Map<string, { ruleId: string; errors: number; warnings: number; infos: number }>();
  for (const f of findings) {
    const row = byRule.get(f.ruleId) ?? { ruleId: f.ruleId, errors: 0, warnings: 0, infos: 0 };
    if (f.severity === 'error') row.errors++;
    else if (f.severity === 'warning') row.warnings++;
    else row.infos++;
    byRule.set(f.ruleId, row);
  }
  const total = (r: { errors: number; warnings: number; infos: number }): number => r.errors + r.warnings + r.infos;
  return {
    title: doc.header?.title?.value ?? null,
    area,
    period: doc.period ? { text: `${doc.period.start.text} to ${doc.period.end.text}`, first: doc.period.start.first, last: doc.period.end.last } : null,
    status,
    frameworks: doc.frameworkRefs.map((ref) => {
      const found = workspace.resolveFramework(ref.value);
      return { id: ref.value, title: found?.title ?? null, found: found !== undefined };
    }),
    counts,
    findings: severityCounts(findings),
    byRule: [...byRule.values()].sort((a, b) => total(b) - total(a) || a.ruleId.localeCompare(b.ruleId)),
  };
}
