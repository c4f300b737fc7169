/**
 * The conversion report's figures: how many of each construct the output
 * holds (counted on the parsed output, so they are what the linter and the
 * exporter will see), and word coverage: the share of the source's words,
 * counted with repetition, that the output still contains.
 */
import { childrenOf, type Statement, type StrategyDocument } from '../../grammar/index.js';

const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
const SEPARATOR = 0;
const LETTERS = 1;
const DIGITS = 2;

/** Letter, digit or neither; ASCII is decided without a regular expression, since nearly all text is ASCII. */
function classOf(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return LETTERS;
  if (c >= 48 && c <= 57) return DIGITS;
  if (c < 128) return SEPARATOR;
  const ch = text.charAt(i);
  return LETTER.test(ch) ? LETTERS : DIGIT.test(ch) ? DIGITS : SEPARATOR;
}

/**
 * Words with their counts, in lower case. Letters and digits count apart,
 * so that "NI40" and "NI 40" are the same two words.
 */
export function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  let start = 0;
  let current = SEPARATOR;
  for (let i = 0; i <= text.length; i++) {
    const cls = i < text.length ? classOf(text, i) : SEPARATOR;
    if (cls === current) continue;
    if (current !== SEPARATOR) {
      const w = text.slice(start, i).toLowerCase();
      bag.set(w, (bag.get(w) ?? 0) + 1);
    }
    start = i;
    current = cls;
  }
  return bag;
}


export interface Coverage {
  readonly sourceWords: number;
  readonly coveredWords: number;
  readonly ratio: number;
  /** The share of the source's words the output holds in any order (each output word once). */
  readonly anyOrder: number;
  /** Passages of the source (their first words) that the output does not hold in their order. */
  readonly missing: readonly string[];
}

const MISSING_LISTED = 20;

/** The words of a text in order, in lower case, split as `wordBag` splits them. */
export function wordList(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let current = SEPARATOR;
  for (let i = 0; i <= text.length; i++) {
    const cls = i < text.length ? classOf(text, i) : SEPARATOR;
    if (cls === current) continue;
    if (current !== SEPARATOR) out.push(text.slice(start, i).toLowerCase());
    start = i;
    current = cls;
  }
  return out;
}

/** A jump further than this many output words must be confirmed by the words after it. */
const NEAR = 12;
/** How many later places of a word are tried before it counts as not in order. */
const CANDIDATES = 8;
/** Runs of this many words or more that the output holds elsewhere, word for word, were moved, not lost. */
const MOVED_RUN = 2;

/**
 * The source's words that the output holds, in their order. Words are
 * matched left to right, each output word once; a match far ahead is taken
 * only when the next two words follow it there too, so a common word does
 * not skip the text between. A run of unmatched source words that the
 * output holds word for word elsewhere (a glossary or partner list placed
 * after the prose around it) counts as moved. A word the output holds only
 * as many times as it is repeated elsewhere does not count twice, so a
 * repeated line that was dropped shows.
 */
export function coverageOf(sourceText: string, outputText: string): Coverage {
  const source = wordList(sourceText);
  const output = wordList(outputText);
  const positions = new Map<string, number[]>();
  output.forEach((w, k) => {
    const list = positions.get(w);
    if (list) list.push(k);
    else positions.set(w, [k]);
  });
  const used = new Uint8Array(output.length);
  const matched = new Uint8Array(source.length);
  const firstFrom = (list: readonly number[], from: number): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let pos = 0;
  for (let i = 0; i < source.length; i++) {
    const list = positions.get(source[i]!);
    if (!list) continue;
    for (let j = firstFrom(list, pos), tried = 0; j < list.length && tried < CANDIDATES; j++) {
      const p = list[j]!;
      if (used[p]) continue;
      tried++;
      // The next word, or one a little further on when the next word follows it: a common word alone does not
      // jump over text, which would leave the words between unmatched.
      const follows = source[i + 1] === output[p + 1];
      const confirmed = p === pos || (p - pos <= NEAR && (follows || i + 1 === source.length)) || (follows && source[i + 2] === output[p + 2]);
      if (confirmed) {
        used[p] = 1;
        matched[i] = 1;
        pos = p + 1;
        break;
      }
    }
  }
  // Moved runs.
  for (let i = 0; i < source.length; ) {
    if (matched[i]) {
      i++;
      continue;
    }
    let end = i;
    while (end < source.length && !matched[end]) end++;
    if (end - i >= MOVED_RUN) placeRun(source, i, end, output, positions, used, matched);
    i = end;
  }
  let covered = 0;
  for (const m of matched) covered += m;
  const sourceWords = source.length;
  // The passages (three words or more) the output does not hold in their order, for the reader to check.
  const missing: string[] = [];
  for (let i = 0; i < source.length && missing.length < MISSING_LISTED; ) {
    if (matched[i]) {
      i++;
      continue;
    }
    let end = i;
    while (end < source.length && !matched[end]) end++;
    if (end - i >= 3) missing.push(source.slice(i, Math.min(end, i + 12)).join(' ') + (end - i > 12 ? ' …' : ''));
    i = end;
  }
  // Words the output holds only elsewhere (a direction word written into the measure it belongs to).
  let anywhere = covered;
  const next = new Map<string, number>();
  for (let i = 0; i < source.length; i++) {
    if (matched[i]) continue;
    const list = positions.get(source[i]!);
    if (!list) continue;
    let j = next.get(source[i]!) ?? 0;
    while (j < list.length && used[list[j]!]) j++;
    next.set(source[i]!, j + 1);
    if (j < list.length) {
      used[list[j]!] = 1;
      anywhere++;
    }
  }
  const share = (n: number): number => (sourceWords === 0 ? 1 : Math.round((n / sourceWords) * 10000) / 10000);
  return { sourceWords, coveredWords: covered, ratio: share(covered), anyOrder: share(anywhere), missing };
}

/** Finds source[from, to) (or its longest prefix of MOVED_RUN words or more) as unused consecutive output words. */
function placeRun(source: readonly string[], from: number, to: number, output: readonly string[], positions: ReadonlyMap<string, number[]>, used: Uint8Array, matched: Uint8Array): void {
  let i = from;
  while (to - i >= MOVED_RUN) {
    let best = { at: -1, length: 0 };
    for (const p of positions.get(source[i]!) ?? []) {
      let n = 0;
      while (i + n < to && p + n < output.length && !used[p + n] && output[p + n] === source[i + n]) n++;
      if (n > best.length) best = { at: p, length: n };
      if (n === to - i) break;
    }
    if (best.length >= MOVED_RUN) {
      for (let k = 0; k < best.length; k++) {
        used[best.at + k] = 1;
        matched[i + k] = 1;
      }
      i += best.length;
    } else i++;
  }
}

const COUNTED: Partial<Record<Statement['kind'], string>> = {
  priority: 'priorities',
  section: 'sections',
  aim: 'aims',
  nationalAim: 'nationalAims',
  action: 'actions',
  commitment: 'commitments',
  measure: 'measures',
  target: 'targets',
  outcome: 'outcomes',
  narrative: 'narratives',
  paragraph: 'paragraphs',
  note: 'notes',
};

export function countConstructs(document: StrategyDocument): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of [...Object.values(COUNTED), 'glossary', 'partners']) counts[name] = 0;
  const visit = (items: readonly Statement[]): void => {
    for (const s of items) {
      const name = COUNTED[s.kind];
      if (name) counts[name] = (counts[name] ?? 0) + 1;
      if (s.kind === 'glossary') counts.glossary = (counts.glossary ?? 0) + s.entries.length;
      if (s.kind === 'partners') counts.partners = (counts.partners ?? 0) + s.entries.length;
      visit(childrenOf(s));
    }
  };
  visit(document.items);
  return counts;
}
