/** Finding acronyms in prose, and the definitions a text gives them inline. */

/** Abbreviations every reader knows; a workspace adds its own through `acronyms` in the config. */
export const UNIVERSAL_ACRONYMS: ReadonlySet<string> = new Set(['UK', 'NHS', 'GP', 'HIV', 'TV', 'OK', 'ID', 'MP', 'AM', 'PM', 'HM', 'ISBN']);

const NOT_ACRONYMS: ReadonlySet<string> = new Set([
  'TBC', 'TBD', 'X', 'XX', 'XXX', 'XXXX', 'NB', 'II', 'III', 'IV', 'VI', 'VII', 'VIII', 'IX', 'XI', 'XII',
  'DRAFT', 'FINAL', 'NOTE', 'NEW', 'KEY', 'AIMS', 'AIM',
  // Question words and the like, written in capitals for emphasis (“WHAT” drugs should we focus upon?)
  'WHAT', 'WHO', 'WHERE', 'WHEN', 'WHY', 'HOW', 'NOT', 'ONLY', 'MUST', 'WILL', 'ARE', 'CAN', 'OUR', 'YOU',
  'A', 'I', 'AN', 'AND', 'OR', 'OF', 'THE', 'TO', 'IN', 'ON', 'FOR', 'BY', 'WE', 'IS', 'IT', 'BE', 'AT', 'AS', 'NO', 'SO', 'ALL',
]);

export interface AcronymUse {
  readonly acronym: string;
  /** Offset of the acronym within the text. */
  readonly index: number;
}

const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isLetter = (c: number): boolean => isUpper(c) || isLower(c);
/** What a word is made of after its first letter: letters and `&` (AT&T, A&E). */
const isWordPart = (c: number): boolean => isLetter(c) || c === 0x26;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** `\w` of a regular expression without the u flag. */
const isWordChar = (c: number): boolean => isLetter(c) || isDigit(c) || c === 0x5f;

/** Two capitals in one word: text without this has no acronym. */
const MAY_HAVE_ACRONYM = /[A-Z][A-Za-z&]*[A-Z]/;

/**
 * Whether `text`'s letters are capitals throughout, five or more of them: a
 * heading ("RECOVERY", "PREVENTION AND TREATMENT"), whose words are words,
 * not acronyms.
 */
function isHeading(text: string): boolean {
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLower(c)) return false;
    if (isUpper(c)) letters++;
  }
  return letters >= 5;
}

/**
 * Words that look like acronyms: 2–7 letters, mostly capitals (HO, MoJ, DfE,
 * CDRPs, PPO's). Text written all in capitals (a heading) is skipped: its
 * words are words, not acronyms. One loop over character codes (it reads
 * every text of every document; the regular expressions it replaced were a
 * tenth of a lint, profiled); test/rules/acronym-of.test.ts holds it to them.
 */
export function findAcronyms(text: string): AcronymUse[] {
  // The regular expression first: most prose has no word with two capitals, and V8 finds that faster than a loop (measured).
  if (!MAY_HAVE_ACRONYM.test(text) || isHeading(text)) return [];
  const out: AcronymUse[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // A word: a letter, letters and `&`, then perhaps a possessive ('s, ’s).
    const start = i;
    let capitals = isUpper(text.charCodeAt(i)) ? 1 : 0;
    i++;
    while (i < n && isWordPart(text.charCodeAt(i))) if (isUpper(text.charCodeAt(i++))) capitals++;
    if (i + 1 < n && (text.charCodeAt(i) === 0x27 || text.charCodeAt(i) === 0x2019) && text.charCodeAt(i + 1) === 0x73) i += 2;
    // An acronym starts with a capital and holds two.
    if (capitals < 2 || !isUpper(text.charCodeAt(start))) continue;
    const before = start > 0 ? text.charCodeAt(start - 1) : -1;
    const after = i < n ? text.charCodeAt(i) : -1;
    if (isWordChar(before) || before === 0x2d || isWordChar(after)) continue;
    // Part of a web address or file name (GOV.UK, www.nice.org.uk), not an acronym.
    if ((after === 0x2e && i + 1 < n && isLetter(text.charCodeAt(i + 1))) || before === 0x2e) continue;
    const acronym = acronymOf(text.slice(start, i));
    if (acronym) out.push({ acronym, index: start });
  }
  return out;
}

/**
 * The acronym a word is (plural and possessive endings removed), if it is
 * one: 2–7 characters, starting with a capital, at least two capitals and
 * fewer small letters than capitals. Character codes, not regular
 * expressions: this runs for every capitalised word of every document.
 */
export function acronymOf(word: string): string | undefined {
  let end = word.length;
  // "PPO's", "PPO’s"
  if (end >= 2 && word.charCodeAt(end - 1) === 0x73 && (word.charCodeAt(end - 2) === 0x27 || word.charCodeAt(end - 2) === 0x2019)) end -= 2;
  // "CDRPs": capitals (or &) throughout, then a plural s
  if (end >= 3 && word.charCodeAt(end - 1) === 0x73) {
    let plural = true;
    for (let i = 0; i < end - 1 && plural; i++) plural = isUpper(word.charCodeAt(i)) || word.charCodeAt(i) === 0x26;
    if (plural) end--;
  }
  if (end < 2 || end > 7 || !isUpper(word.charCodeAt(0))) return undefined;
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < end; i++) {
    const c = word.charCodeAt(i);
    if (isUpper(c)) upper++;
    else if (isLower(c)) lower++;
  }
  if (upper < 2 || lower > upper - 1) return undefined;
  const core = end === word.length ? word : word.slice(0, end);
  return NOT_ACRONYMS.has(core) || core === 'NI' ? undefined : core;
}

const MINOR_WORDS = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'to', '&', 'with']);

/**
 * The words of `text` before `end`, as `text.slice(0, end).trim().split(/\s+/)`
 * would give them, but only the last `count` or more of them: the text may be
 * a whole document's prose (a megabyte split into words per acronym was most
 * of a lint after each keystroke). A window is widened until it holds more
 * words than asked for (its first may be cut) or reaches the start.
 */
function lastWords(text: string, end: number, count: number): string[] {
  for (let width = 256; ; width *= 4) {
    const from = Math.max(0, end - width);
    const words = text.slice(from, end).trim().split(/\s+/);
    if (from === 0) return words;
    if (words.length > count) return words.slice(1);
  }
}

/**
 * The expansion a text gives an acronym inline, as in "Crime and Disorder
 * Reduction Partnerships (CDRP)": the shortest run of words before the
 * parenthesis whose initials spell it.
 */
export function inlineDefinition(text: string, acronym: string): string | undefined {
  const at = text.indexOf(`(${acronym})`) >= 0 ? text.indexOf(`(${acronym})`) : text.indexOf(`(${acronym}s)`);
  if (at < 0) return undefined;
  const words = lastWords(text, at, 13);
  const target = acronym.toLowerCase();
  for (let take = 1; take <= Math.min(words.length, 12); take++) {
    const run = words.slice(words.length - take);
    const initials = run
      .filter((w) => !MINOR_WORDS.has(w.toLowerCase()))
      .map((w) => w.replace(/^[^A-Za-z]+/, '').charAt(0).toLowerCase())
      .join('');
    if (initials === target) return run.join(' ').replace(/^[^A-Za-z]+/, '');
  }
  return undefined;
}

/** What each `(…)` of a text holds (no parentheses inside): where an inline definition may stand, as in "(CDRP)". */
export function parenthesised(text: string): string[] {
  if (text.indexOf('(') < 0) return [];
  const out: string[] = [];
  const re = /\(([^()]*)\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1]!);
  return out;
}

/** Where `(acronym)`, else `(acronyms)`, stands in `text` (as `inlineDefinition` looks for it), or -1. */
function definitionAt(text: string, acronym: string): number {
  const at = text.indexOf(`(${acronym})`);
  return at >= 0 ? at : text.indexOf(`(${acronym}s)`);
}

/**
 * `inlineDefinition` of `texts` joined by line breaks, without joining them:
 * `first` gives, for what a `(…)` holds, the first text holding it
 * (`parenthesised`). Only that text and the texts before it that hold the
 * words it needs are joined (a document's prose joined on every edit was
 * most of this rule's time in the language server).
 */
export function inlineDefinitionAmong(texts: readonly string[], first: ReadonlyMap<string, number>, acronym: string): string | undefined {
  const i = first.get(acronym) ?? first.get(`${acronym}s`);
  if (i === undefined) return undefined;
  let tail = texts[i]!;
  // 13 whole words before the parenthesis are all `inlineDefinition` reads (a run is at most 12 words, and the first may be cut).
  for (let j = i - 1; j >= 0 && tail.slice(0, definitionAt(tail, acronym)).trim().split(/\s+/).length < 14; j--) tail = `${texts[j]!}\n${tail}`;
  return inlineDefinition(tail, acronym);
}
