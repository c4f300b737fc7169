/**
 * The national view: for a framework that several of the reported strategies
 * answer to, which strategy answers which national action (a heat map of
 * actions × strategies), and the actions nobody picks up.
 */
import type { AnalysedDocument } from '../analysis/document-model.js';
import type { FrameworkIndex } from '../analysis/framework-index.js';
import type { Answers } from './coverage.js';
import { locate } from './locations.js';
import { titleOf } from './labels.js';
import type { NationalView } from './report-model.js';

/** A national view needs at least this many local strategies: with one, the coverage section says it all. */
export const NATIONAL_VIEW_MIN_STRATEGIES = 2;

interface FrameworkTally {
  readonly strategies: { file: string; title: string | null }[];
  /** Per strategy, in the framework's action order: how many of its commitments support each action. */
  readonly counts: Uint32Array[];
  readonly actionNumbers: readonly string[];
}

/**
 * Gathers the national views a document at a time: per strategy it keeps one
 * count per national action, not the strategy's tree, so a report streams.
 */
export class NationalViewCollector {
  private readonly byFramework = new Map<FrameworkIndex, FrameworkTally>();

  /** A strategy, the framework it answers to, and who in it answers what. */
  add(entry: { doc: AnalysedDocument; file: string }, framework: FrameworkIndex, answers: Answers): void {
    let tally = this.byFramework.get(framework);
    if (!tally) {
      tally = { strategies: [], counts: [], actionNumbers: [...framework.actions.keys()] };
      this.byFramework.set(framework, tally);
    }
    const counts = new Uint32Array(tally.actionNumbers.length);
    tally.actionNumbers.forEach((n, i) => (counts[i] = answers.actions.get(n)?.length ?? 0));
    tally.strategies.push({ file: entry.file, title: entry.doc.header?.title?.value ?? null });
    tally.counts.push(counts);
  }

  views(displayOf: (uri: string) => string): NationalView[] {
    const views: NationalView[] = [];
    for (const [framework, tally] of this.byFramework) {
      if (tally.strategies.length < NATIONAL_VIEW_MIN_STRATEGIES) continue;
      const file = displayOf(framework.document.uri);
      const actions = [...framework.actions.values()].map((a, i) => {
        const counts = tally.counts.map((c) => c[i]!);
        return {
          number: a.number,
          title: titleOf(a.node),
          aim: a.aim?.id?.value ?? null,
          location: locate(file, a.node.keywordRange),
          counts,
          strategiesAnswering: counts.filter((c) => c > 0).length,
        };
      });
      views.push({
        framework: { id: framework.id, title: framework.title ?? null, file },
        strategies: tally.strategies,
        actions,
        unanswered: actions.filter((a) => a.strategiesAnswering === 0).map((a) => a.number),
      });
    }
    return views.sort((a, b) => a.framework.id.localeCompare(b.framework.id));
  }
}
