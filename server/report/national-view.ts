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

/** A strategy as the national view names it. */
export interface NationalStrategy {
  readonly file: string;
  readonly title: string | null;
}

/** How many of a strategy's commitments answer each of the framework's actions, in the framework's order: what the national view keeps of it. */
export function actionCounts(framework: FrameworkIndex, answers: Answers): number[] {
  return [...framework.actions.keys()].map((n) => answers.actions.get(n)?.length ?? 0);
}

/** The national view's input from one strategy: plain data, so that it can come from another thread. */
export interface NationalInput {
  readonly strategy: NationalStrategy;
  /** The framework's file (its uri), found again where the views are made. */
  readonly frameworkUri: string;
  readonly counts: readonly number[];
}

export function nationalInput(doc: AnalysedDocument, file: string, framework: FrameworkIndex, answers: Answers): NationalInput {
  return { strategy: { file, title: doc.header?.title?.value ?? null }, frameworkUri: framework.document.uri, counts: actionCounts(framework, answers) };
}

/**
 * Gathers the national views a document at a time: per strategy it keeps one
 * count per national action, not the strategy's tree, so a report streams.
 */
export class NationalViewCollector {
  private readonly byFramework = new Map<FrameworkIndex, FrameworkTally>();

  /** A strategy, the framework it answers to, and how many of its commitments answer each action (`actionCounts`). */
  add(strategy: NationalStrategy, framework: FrameworkIndex, counts: readonly number[]): void {
    let tally = this.byFramework.get(framework);
    if (!tally) {
      tally = { strategies: [], counts: [], actionNumbers: [...framework.actions.keys()] };
      this.byFramework.set(framework, tally);
    }
    if (counts.length !== tally.actionNumbers.length) throw new Error(`internal error: ${counts.length} action counts for framework ${framework.id}'s ${tally.actionNumbers.length} actions`);
    tally.strategies.push({ file: strategy.file, title: strategy.title });
    tally.counts.push(Uint32Array.from(counts));
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
