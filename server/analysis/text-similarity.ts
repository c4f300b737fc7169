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

/** A BM25 index over a fixed set of documents; build once, query many times. */
export class Bm25Index<T> {
  private readonly docs: { item: T; freq: Map<string, number>; length: number }[] = [];
  private readonly documentFrequency = new Map<string, number>();
  private readonly averageLength: number;

  constructor(
    items: readonly T[],
    textOf: (item: T) => string,
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    let total = 0;
    for (const item of items) {
      const words = terms(textOf(item));
      const freq = new Map<string, number>();
      for (const w of words) freq.set(w, (freq.get(w) ?? 0) + 1);
      for (const w of freq.keys()) this.documentFrequency.set(w, (this.documentFrequency.get(w) ?? 0) + 1);
      this.docs.push({ item, freq, length: words.length });
      total += words.length;
    }
    this.averageLength = this.docs.length > 0 ? total / this.docs.length : 0;
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
    const n = this.docs.length;
    const scored: Ranked<T>[] = [];
    for (const doc of this.docs) {
      let score = 0;
      for (const [term, weight] of weights) {
        const f = doc.freq.get(term);
        if (!f) continue;
        const df = this.documentFrequency.get(term) ?? 0;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += (weight * idf * f * (this.k1 + 1)) / (f + this.k1 * (1 - this.b + (this.b * doc.length) / (this.averageLength || 1)));
      }
      if (score > 0) scored.push({ item: doc.item, score });
    }
    return scored.map((r, i) => ({ r, i })).sort((x, y) => y.r.score - x.r.score || x.i - y.i).map((x) => x.r);
  }
}
