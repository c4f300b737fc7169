/**
 * Ranking texts by similarity to a query with Okapi BM25: how "Link to
 * national action…" finds the framework actions a local commitment most
 * likely serves. BM25 rather than plain word overlap because it discounts
 * words every action uses ("drug", "local") and does not favour long texts.
 */

/** Words that carry no meaning for matching commitments to actions. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been being by can for from has have in into is it its of on or our so such that the their them ' +
    'then there these they this those to was we were will with within which who whom whose all any more most other ' +
    'also through across over under between including ensure ensuring work working continue continued support'
  ).split(' '),
);

/**
 * A light stemmer: enough to match "treatment"/"treat", "offenders"/"offender",
 * "reducing"/"reduce" without a dictionary.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('ments')) w = w.slice(0, -5);
  else if (w.length > 4 && w.endsWith('ment')) w = w.slice(0, -4);
  else if (w.length > 5 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  // "reduce"/"reduc(ing)", "engage"/"engag(ed)": drop a final e so both forms meet.
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

export function terms(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (raw.length < 2 || STOP_WORDS.has(raw) || /^\d+$/.test(raw)) continue;
    out.push(stem(raw));
  }
  return out;
}

export interface WeightedText {
  readonly text: string;
  readonly weight: number;
}

export interface Ranked<T> {
  readonly item: T;
  readonly score: number;
}

/**
 * A BM25 index over a fixed set of documents; build once, query many times.
 * Inverted: each term keeps the documents that use it, so a query costs
 * what its terms' postings hold, not (terms × documents) map lookups (a
 * completion inside a long priority queries with hundreds of terms, against
 * a framework of hundreds of actions, on every keystroke).
 */
export class Bm25Index<T> {
  private readonly items: T[] = [];
  /** Per term, the documents using it and how often, in document order. */
  private readonly postings = new Map<string, { docs: number[]; freqs: number[] }>();
  /** Per document, the length part of BM25's denominator. */
  private readonly lengthNorm: number[] = [];

  constructor(
    items: readonly T[],
    textOf: (item: T) => string,
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    let total = 0;
    const lengths: number[] = [];
    for (const item of items) {
      const words = terms(textOf(item));
      const freq = new Map<string, number>();
      for (const w of words) freq.set(w, (freq.get(w) ?? 0) + 1);
      const doc = this.items.length;
      for (const [w, f] of freq) {
        let list = this.postings.get(w);
        if (!list) this.postings.set(w, (list = { docs: [], freqs: [] }));
        list.docs.push(doc);
        list.freqs.push(f);
      }
      this.items.push(item);
      lengths.push(words.length);
      total += words.length;
    }
    const averageLength = this.items.length > 0 ? total / this.items.length : 0;
    for (const length of lengths) this.lengthNorm.push(this.k1 * (1 - this.b + (this.b * length) / (averageLength || 1)));
  }

  /**
   * Documents with a positive score, best first; ties keep the documents'
   * order. A query in weighted parts counts each word at the weight of the
   * heaviest part it appears in: a commitment's own words matter more than
   * the title of the priority it stands in.
   */
  rank(query: string | readonly WeightedText[]): Ranked<T>[] {
    const weights = new Map<string, number>();
    for (const part of typeof query === 'string' ? [{ text: query, weight: 1 }] : query) {
      for (const term of terms(part.text)) weights.set(term, Math.max(weights.get(term) ?? 0, part.weight));
    }
    const n = this.items.length;
    const scores = new Float64Array(n);
    // Terms in the query's order, so that each document's score is summed in the same order as term by term.
    for (const [term, weight] of weights) {
      const list = this.postings.get(term);
      if (!list) continue;
      const df = list.docs.length;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let i = 0; i < df; i++) {
        const doc = list.docs[i];
        const f = list.freqs[i];
        scores[doc] += (weight * idf * f * (this.k1 + 1)) / (f + this.lengthNorm[doc]);
      }
    }
    const scored: { item: T; score: number; i: number }[] = [];
    for (let doc = 0; doc < n; doc++) if (scores[doc] > 0) scored.push({ item: this.items[doc], score: scores[doc], i: doc });
    return scored.sort((x, y) => y.score - x.score || x.i - y.i).map(({ item, score }) => ({ item, score }));
  }
}
