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

function size(bag: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const v of bag.values()) n += v;
  return n;
}

export interface Coverage {
  readonly sourceWords: number;
  readonly coveredWords: number;
  readonly ratio: number;
}

/** Each source word counts as covered as many times as the output holds it, up to its count in the source. */
export function coverageOf(sourceText: string, outputText: string): Coverage {
  const source = wordBag(sourceText);
  const output = wordBag(outputText);
  let covered = 0;
  for (const [w, n] of source) covered += Math.min(n, output.get(w) ?? 0);
  const sourceWords = size(source);
  return { sourceWords, coveredWords: covered, ratio: sourceWords === 0 ? 1 : Math.round((covered / sourceWords) * 10000) / 10000 };
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
