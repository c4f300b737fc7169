/**
 * The national view: for a framework that several of the reported strategies
 * answer to, which strategy answers which national action (a heat map of
 * actions × strategies), and the actions nobody picks up.
 */
import type { AnalysedDocument } from '../analysis/document-model.js';
import { frameworkFor } from '../analysis/engine.js';
import type { FrameworkIndex } from '../analysis/framework-index.js';
import type { Workspace } from '../analysis/workspace.js';
import { collectAnswers } from './coverage.js';
import { titleOf } from './labels.js';
import type { NationalView } from './report-model.js';

/** A national view needs at least this many local strategies: with one, the coverage section says it all. */
export const NATIONAL_VIEW_MIN_STRATEGIES = 2;

export function buildNationalViews(
  docs: readonly { doc: AnalysedDocument; file: string }[],
  workspace: Workspace,
  displayOf: (uri: string) => string,
): NationalView[] {
  const byFramework = new Map<FrameworkIndex, { doc: AnalysedDocument; file: string }[]>();
  for (const entry of docs) {
    if (entry.doc.kind !== 'strategy') continue;
    const framework = frameworkFor(entry.doc, workspace);
    if (!framework) continue;
    const list = byFramework.get(framework);
    if (list) list.push(entry);
    else byFramework.set(framework, [entry]);
  }
  const views: NationalView[] = [];
  for (const [framework, strategies] of byFramework) {
    if (strategies.length < NATIONAL_VIEW_MIN_STRATEGIES) continue;
    const answers = strategies.map((s) => collectAnswers(s.doc, s.file, framework));
    const actions = [...framework.actions.values()].map((a) => {
      const counts = answers.map((ans) => ans.actions.get(a.number)?.length ?? 0);
      return {
        number: a.number,
        title: titleOf(a.node),
        aim: a.aim?.id?.value ?? null,
        counts,
        strategiesAnswering: counts.filter((c) => c > 0).length,
      };
    });
    views.push({
      framework: { id: framework.id, title: framework.title ?? null, file: displayOf(framework.document.uri) },
      strategies: strategies.map((s) => ({ file: s.file, title: s.doc.header?.title?.value ?? null })),
      actions,
      unanswered: actions.filter((a) => a.strategiesAnswering === 0).map((a) => a.number),
    });
  }
  return views.sort((a, b) => a.framework.id.localeCompare(b.framework.id));
}
