/**
 * `Bm25Index` ranks through an inverted index (completion ranks a
 * framework's actions on every keystroke): it must give what scoring every
 * document term by term gave, the same items in the same order with the
 * same scores to the bit, since ties are broken by order.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Bm25Index, terms, type Ranked, type WeightedText } from '../../server/analysis/text-similarity.js';

/** As it was written: every query term looked up in every document. */
function reference<T>(items: readonly T[], textOf: (item: T) => string, query: string | readonly WeightedText[], k1 = 1.2, b = 0.75): Ranked<T>[] {
  const docs: { item: T; freq: Map<string, number>; length: number }[] = [];
  const documentFrequency = new Map<string, number>();
  let total = 0;
  for (const item of items) {
    const words = terms(textOf(item));
    const freq = new Map<string, number>();
    for (const w of words) freq.set(w, (freq.get(w) ?? 0) + 1);
    for (const w of freq.keys()) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
    docs.push({ item, freq, length: words.length });
    total += words.length;
  }
  const averageLength = docs.length > 0 ? total / docs.length : 0;
  const weights = new Map<string, number>();
  for (const part of typeof query === 'string' ? [{ text: query, weight: 1 }] : query) {
    for (const term of terms(part.text)) weights.set(term, Math.max(weights.get(term) ?? 0, part.weight));
  }
  const n = docs.length;
  const scored: Ranked<T>[] = [];
  for (const doc of docs) {
    let score = 0;
    for (const [term, weight] of weights) {
      const f = doc.freq.get(term);
      if (!f) continue;
      const df = documentFrequency.get(term) ?? 0;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      score += (weight * idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * doc.length) / (averageLength || 1)));
    }
    if (score > 0) scored.push({ item: doc.item, score });
  }
  return scored.map((r, i) => ({ r, i })).sort((x, y) => y.r.score - x.r.score || x.i - y.i).map((x) => x.r);
}

const WORDS = ['drug', 'drugs', 'treatment', 'treat', 'offender', 'offenders', 'young', 'people', 'alcohol', 'harm', 'reduce', 'reducing', 'the', 'and', 'DIP', '2010', 'x'];
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }).map((w) => w.join(' '));

describe('Bm25Index', () => {
  it('ranks as scoring every document term by term did, on any documents and weighted query', () => {
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 25 }),
        fc.array(fc.record({ text, weight: fc.constantFrom(1, 0.5, 0.25) }), { maxLength: 3 }),
        (docs, query) => {
          const items = docs.map((t, i) => ({ i, t }));
          const got = new Bm25Index(items, (d) => d.t).rank(query);
          assert.deepEqual(got, reference(items, (d) => d.t, query));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('ranks the documents sharing most of the query first, a short one before a long one sharing as much', () => {
    const index = new Bm25Index(['reduce drug harm', 'alcohol treatment for young people', 'drug treatment places'], (t) => t);
    assert.deepEqual(
      index.rank('more drug treatment').map((r) => r.item),
      ['drug treatment places', 'reduce drug harm', 'alcohol treatment for young people'],
    );
    assert.deepEqual(index.rank('nothing shared'), []);
  });
});
