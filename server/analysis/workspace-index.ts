/**
 * The summaries of every strategy file in the workspace, open or not, and the
 * cross-file questions asked of them: who supports national action 40, which
 * strategies name framework drugs-2008, which declarations match "treat".
 *
 * Frameworks are resolved through the `Workspace` (which holds every
 * framework's full analysis, since the rules need them), exactly as
 * `frameworkFor` resolves them for the engine, so the index and the
 * diagnostics agree on which framework a strategy answers to.
 */
import type { DocumentSummary, ReferenceTarget, SummaryReference, SummarySymbol } from './document-summary.js';
import type { FrameworkIndex } from './framework-index.js';
import { frameworkIndexOf } from './framework-index.js';
import type { Workspace } from './workspace.js';

export interface ReferenceHit {
  readonly summary: DocumentSummary;
  readonly reference: SummaryReference;
  /** The declaration the reference stands in (a commitment, usually). */
  readonly container: SummarySymbol | undefined;
}

export interface SymbolHit {
  readonly summary: DocumentSummary;
  readonly symbol: SummarySymbol;
  readonly score: number;
}

/** Lets long loops give way: called every few hundred items; returns false to stop. */
export type Checkpoint = () => boolean | Promise<boolean>;

export class WorkspaceIndex {
  private readonly summaries = new Map<string, DocumentSummary>();

  set(summary: DocumentSummary): void {
    this.summaries.set(summary.key, summary);
  }

  delete(key: string): boolean {
    return this.summaries.delete(key);
  }

  get(key: string): DocumentSummary | undefined {
    return this.summaries.get(key);
  }

  has(key: string): boolean {
    return this.summaries.has(key);
  }

  all(): DocumentSummary[] {
    return [...this.summaries.values()];
  }

  get size(): number {
    return this.summaries.size;
  }

  /** The framework a summarised document answers to, resolved as the engine resolves it. */
  frameworkOf(summary: DocumentSummary, workspace: Workspace): FrameworkIndex | undefined {
    if (summary.kind === 'framework') {
      const doc = workspace.get(summary.key);
      return doc ? frameworkIndexOf(doc) : undefined;
    }
    for (const ref of summary.frameworkRefs) {
      const found = workspace.resolveFramework(ref.value);
      if (found) return found;
    }
    return undefined;
  }

  /** Strategies (open or not) that name framework `id` in their header. */
  strategiesNaming(id: string): DocumentSummary[] {
    return this.all().filter((s) => s.frameworkRefs.some((r) => r.value === id));
  }

  /**
   * Every reference to `target` `value` of `framework` from the strategies
   * that answer to it: `supports action 40` anywhere in the workspace.
   * Indicators are not a framework's: for them `framework` is ignored.
   */
  async referencesTo(
    framework: FrameworkIndex | undefined,
    target: ReferenceTarget,
    value: string | undefined,
    workspace: Workspace,
    checkpoint?: Checkpoint,
  ): Promise<ReferenceHit[]> {
    const hits: ReferenceHit[] = [];
    let visited = 0;
    for (const summary of this.summaries.values()) {
      if (checkpoint && ++visited % 200 === 0 && !(await checkpoint())) break;
      if (target !== 'indicator') {
        if (summary.kind === 'framework' || !framework) continue;
        if (this.frameworkOf(summary, workspace)?.document !== framework.document) continue;
      }
      const references = summary.references;
      for (let i = 0; i < references.length; i++) {
        if (references.target(i) !== target || (value !== undefined && references.value(i) !== value)) continue;
        const reference = references.at(i)!;
        hits.push({ summary, reference, container: summary.symbols.at(reference.parent) });
      }
    }
    return hits;
  }

  /**
   * Declarations matching `query`, best first: an exact id, then ids and
   * titles that start with it, then words that start with it, then a
   * subsequence of its letters (as editors match symbol names). Within a
   * rank, files come in index order. Nothing is lower-cased or copied per
   * declaration: the matchers are case-insensitive expressions, so a query
   * over a thousand files makes no garbage.
   */
  async searchSymbols(query: string, limit: number, checkpoint?: Checkpoint): Promise<SymbolHit[]> {
    const matcher = symbolMatcher(query);
    const buckets = new Map<number, { summary: DocumentSummary; index: number }[]>();
    // Once `limit` hits score `s` or better, a later hit scoring `s` or worse would rank below them all: skip it.
    let floor = 0;
    const raiseFloor = (): void => {
      let better = 0;
      for (const s of SCORES) {
        better += buckets.get(s)?.length ?? 0;
        if (better >= limit) {
          floor = Math.max(floor, s);
          return;
        }
      }
    };
    let visited = 0;
    for (const summary of this.summaries.values()) {
      if (checkpoint && ++visited % 100 === 0 && !(await checkpoint())) break;
      const symbols = summary.symbols;
      for (let i = 0; i < symbols.length; i++) {
        const score = matcher(symbols.id(i), symbols.title(i), floor);
        if (score <= floor) continue;
        const list = buckets.get(score);
        if (list) list.push({ summary, index: i });
        else buckets.set(score, [{ summary, index: i }]);
        raiseFloor();
      }
      if (floor >= SCORES[0]!) break;
    }
    const ranked = [...buckets.entries()].sort((a, b) => b[0] - a[0]).flatMap(([score, list]) => list.map((h) => ({ ...h, score })));
    return ranked.slice(0, limit).map((f) => ({ summary: f.summary, symbol: f.summary.symbols.at(f.index)!, score: f.score }));
  }
}

/** The scores `symbolMatcher` gives, best first. */
const SCORES = [100, 80, 60, 40, 30, 10, 1] as const;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Scores a declaration's id and title against `query` (see `searchSymbols`);
 * 0 for no match, or for a match that could not score above `floor`.
 */
export function symbolMatcher(query: string): (id: string | undefined, title: string | undefined, floor?: number) => number {
  const q = query.trim();
  if (q === '') return () => 1;
  const e = escapeRegExp(q);
  const exact = new RegExp(`^${e}$`, 'i');
  const prefix = new RegExp(`^${e}`, 'i');
  const wordStart = new RegExp(`(?:^|\\s)${e}`, 'i');
  const anywhere = new RegExp(e, 'i');
  const letters = q.replace(/\s+/g, '').toLowerCase();
  return (id, title, floor = 0) => {
    if (id !== undefined) {
      if (exact.test(id)) return 100;
      if (floor >= 80) return 0;
      if (prefix.test(id)) return 80;
    }
    if (floor >= 60) return 0;
    if (title !== undefined && prefix.test(title)) return 60;
    if (floor >= 40) return 0;
    if ((title !== undefined && wordStart.test(title)) || (id !== undefined && anywhere.test(id))) return 40;
    if (floor >= 30) return 0;
    if (title !== undefined && anywhere.test(title)) return 30;
    if (floor >= 10) return 0;
    // A hand loop, not an expression: a lazy `a.*?b.*?c…` backtracks badly on long titles that do not match.
    return (id !== undefined && isSubsequence(letters, id)) || (title !== undefined && isSubsequence(letters, title)) ? 10 : 0;
  };
}

/** Whether the letters of `needle` (lower case) appear in order in `hay`, ignoring ASCII case. */
function isSubsequence(needle: string, hay: string): boolean {
  let at = 0;
  for (let i = 0; i < hay.length && at < needle.length; i++) {
    let c = hay.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c === needle.charCodeAt(at)) at++;
  }
  return at === needle.length;
}
