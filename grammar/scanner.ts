/**
 * A hand-written scanner for the parse: the tokens, comments and
 * unexpected-character runs that Chevrotain's lexer built from `tokens.ts`
 * gives with offsets only (`lexer.ts`), from one loop over the character
 * codes that dispatches on the first character, with no regular expression.
 *
 * Why hand-written (issue 12): the regex lexer tries each candidate pattern
 * in turn, a regular-expression call per token and a second one where a
 * keyword has `Name` as its longer alternative; it was a quarter of the
 * parse. A Chevrotain parser takes any token vector, so the grammar stays one
 * Chevrotain grammar.
 *
 * `tokens.ts` stays the specification. This module mirrors its patterns by
 * hand, so at load it checks that they are the ones mirrored here (sources,
 * order, groups, longer alternatives); if `tokens.ts` changes and this file
 * does not, `SCANNER_MIRRORS_TOKENS` is false and `lexer.ts` lexes with
 * Chevrotain, never with a scanner that could differ. The keywords are not
 * copied: which words are keywords (and which are `tbc` or placeholders) is
 * worked out at load from the token patterns themselves, with Chevrotain's
 * rule (first pattern in order wins, then `Name` if it matches longer).
 * `test/grammar/scanner.test.ts` holds the scanner to Chevrotain's lexer,
 * token for token, on the seeds, the fixtures, the bench document and
 * fast-check text.
 */
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import {
  allTokens,
  Comma,
  CurlyString,
  DateLiteral,
  IndicatorCode,
  LCurly,
  LineComment,
  Name,
  NumberLiteral,
  Percent,
  RCurly,
  Slash,
  StringLiteral,
  UnterminatedString,
  WhiteSpace,
} from './tokens.js';

/** A run of characters no token starts with: Chevrotain's lexing error (offset and length). */
export interface ScanError {
  readonly offset: number;
  readonly length: number;
}

export interface ScanResult {
  /** The tokens the parser reads, shaped as Chevrotain's offset-only tokens with `endOffset` (`lexer.ts`). */
  readonly tokens: IToken[];
  /** `// …` comments, in order (Chevrotain's `comments` group). */
  readonly comments: IToken[];
  readonly errors: ScanError[];
  /** Indices in `tokens` of the `{` and `}`, in order: the brace plans read these, not every token. */
  readonly braces: number[];
  /** The UnterminatedString tokens, in order (each is a problem). */
  readonly unterminated: IToken[];
  /**
   * The offset each line starts at, as `LineIndex` computes them (`\n`,
   * `\r\n` and a lone `\r` end a line): every line break is in a run of
   * white space (no token, comment or run of unexpected characters holds
   * one), which the scan steps through anyway.
   */
  readonly lineStarts: number[];
}

/** The patterns mirrored below, in lexing order; another source, order, group or longer alternative means the scanner is not used. */
const MIRRORED: readonly (readonly [TokenType, string])[] = [
  [WhiteSpace, '[ \\t\\r\\n\\f\\v\\u00a0\\ufeff]+'],
  [LineComment, '\\/\\/[^\\n\\r]*'],
  [StringLiteral, '"[^"\\\\\\r\\n]*(?:\\\\.[^"\\\\\\r\\n]*)*"'],
  [UnterminatedString, '"[^"\\\\\\r\\n]*(?:\\\\.[^"\\\\\\r\\n]*)*'],
  [CurlyString, '\\u201c[^\\u201d\\r\\n]*\\u201d'],
  [IndicatorCode, 'NI[ \\t]*-?[ \\t]*\\d+'],
  [DateLiteral, '\\d{4}-\\d{2}(?:-\\d{2})?(?![\\d.])'],
  [NumberLiteral, '\\d+(?:\\.\\d+)*'],
  [Percent, '%'],
  [LCurly, '{'],
  [RCurly, '}'],
  [Comma, ','],
  [Slash, '\\/'],
];
const NAME_SOURCE = '[A-Za-z_][A-Za-z0-9_]*(?:[.\\-][A-Za-z0-9_]+)*';

/** The one alternative a token falls back to when it matches longer (Chevrotain takes a type or a list). */
function longerAlt(t: TokenType): TokenType | undefined {
  const alt = t.LONGER_ALT;
  if (alt === undefined) return undefined;
  if (Array.isArray(alt)) return alt.length === 1 ? alt[0] : undefined;
  return alt as TokenType;
}

/**
 * The words a word pattern (between `Slash` and `Name`) can match: plain
 * words and alternations of them (`to`, `tbc|TBC`), or one letter repeated
 * (`X{1,4}`); undefined for any other pattern, which the scanner does not mirror.
 */
function wordsOf(source: string): string[] | undefined {
  if (/^[A-Za-z]+(?:\|[A-Za-z]+)*$/.test(source)) return source.split('|');
  const repeat = /^([A-Za-z])\{1,([1-9])\}$/.exec(source);
  if (repeat) return Array.from({ length: Number(repeat[2]) }, (_, k) => repeat[1]!.repeat(k + 1));
  return undefined;
}

/**
 * Which token a whole word is where it is not a `Name`, from the word
 * patterns in lexing order: the first that matches at the word's start wins
 * and gives way to `Name` if `Name` matches longer, which it does unless that
 * pattern matched the whole word. Undefined if `tokens.ts` is not the
 * language mirrored here.
 */
function wordTable(): Map<string, TokenType> | undefined {
  const patterned = allTokens.filter((t) => t.PATTERN !== Lexer.NA);
  const last = patterned[patterned.length - 1];
  if (last !== Name || !(Name.PATTERN instanceof RegExp) || Name.PATTERN.source !== NAME_SOURCE || Name.PATTERN.flags !== '' || Name.GROUP !== undefined) return undefined;
  if (longerAlt(Name) !== undefined || Name.PUSH_MODE !== undefined || Name.POP_MODE !== undefined) return undefined;
  for (const t of patterned) if (typeof t.tokenTypeIdx !== 'number' || t.PUSH_MODE !== undefined || t.POP_MODE !== undefined) return undefined;
  for (let k = 0; k < MIRRORED.length; k++) {
    const [mirrored, source] = MIRRORED[k]!;
    const t = patterned[k];
    const group = t === WhiteSpace ? Lexer.SKIPPED : t === LineComment ? 'comments' : undefined;
    if (t !== mirrored || !(t.PATTERN instanceof RegExp) || t.PATTERN.source !== source || t.PATTERN.flags !== '' || t.GROUP !== group || longerAlt(t) !== undefined) return undefined;
  }
  const wordTokens = patterned.slice(MIRRORED.length, -1);
  const candidates: string[] = [];
  for (const t of wordTokens) {
    const words = t.PATTERN instanceof RegExp && t.PATTERN.flags === '' && t.GROUP === undefined && longerAlt(t) === Name ? wordsOf(t.PATTERN.source) : undefined;
    if (!words) return undefined;
    candidates.push(...words);
  }
  const table = new Map<string, TokenType>();
  for (const word of candidates) {
    for (const t of wordTokens) {
      const pattern = new RegExp((t.PATTERN as RegExp).source, 'y');
      const m = pattern.exec(word);
      if (!m) continue;
      if (m[0].length === word.length) table.set(word, t);
      break;
    }
  }
  return table;
}

const WORDS = wordTable();
/** Whether this scanner lexes exactly as Chevrotain's lexer built from `tokens.ts`; if not, `lexer.ts` does not use it. */
export const SCANNER_MIRRORS_TOKENS = WORDS !== undefined;

/*
 * The words that are not Names, in an open-addressing table looked up from
 * the character codes of a scanned name: a keyword's token takes the
 * table's string as its image, so it allocates no string (most of the
 * scanner's cost is its allocations: tokens and images).
 */
const SLOTS = 256;
const SLOT_MASK = SLOTS - 1;
const slotWord: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
const slotType: (TokenType | undefined)[] = new Array<TokenType | undefined>(SLOTS).fill(undefined);
let LONGEST_WORD = 0;

function wordHash(text: string, start: number, end: number): number {
  let h = 0;
  for (let k = start; k < end; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0;
  return h & SLOT_MASK;
}

for (const [word, type] of WORDS ?? []) {
  let slot = wordHash(word, 0, word.length);
  while (slotWord[slot] !== undefined) slot = (slot + 1) & SLOT_MASK;
  slotWord[slot] = word;
  slotType[slot] = type;
  LONGEST_WORD = Math.max(LONGEST_WORD, word.length);
}

/** The table's slot of the word `text[start, end)`, or -1 if it is a Name. */
function wordSlot(text: string, start: number, end: number): number {
  const length = end - start;
  if (length > LONGEST_WORD) return -1;
  for (let slot = wordHash(text, start, end); ; slot = (slot + 1) & SLOT_MASK) {
    const word = slotWord[slot];
    if (word === undefined) return -1;
    if (word.length !== length) continue;
    let k = 0;
    while (k < length && word.charCodeAt(k) === text.charCodeAt(start + k)) k++;
    if (k === length) return slot;
  }
}

const enum Ch {
  Tab = 9,
  LF = 10,
  CR = 13,
  Space = 32,
  Quote = 34,
  Dash = 45,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  I = 73,
  N = 78,
  Backslash = 92,
  LCurly = 123,
  RCurly = 125,
  Nbsp = 0xa0,
  LineSeparator = 0x2028,
  ParagraphSeparator = 0x2029,
  CurlyOpen = 0x201c,
  CurlyClose = 0x201d,
  Bom = 0xfeff,
}

/** What an ASCII character starts: the dispatch of the scanner's loop. */
const enum Start {
  Nothing = 0,
  Space,
  Word,
  Digit,
  Quote,
  Slash,
  Single,
}

const START = new Uint8Array(128);
/** `[A-Za-z0-9_]`: a character inside a Name's segment. */
const WORD_CHAR = new Uint8Array(128);
/** The token of each one-character pattern, and its image. */
const SINGLE: (TokenType | undefined)[] = new Array<TokenType | undefined>(128).fill(undefined);
const SINGLE_IMAGE: (string | undefined)[] = new Array<string | undefined>(128).fill(undefined);
for (let c = 0; c < 128; c++) {
  const s = String.fromCharCode(c);
  if (/[A-Za-z0-9_]/.test(s)) WORD_CHAR[c] = 1;
  if (/[ \t\r\n\f\v]/.test(s)) START[c] = Start.Space;
  else if (/[A-Za-z_]/.test(s)) START[c] = Start.Word;
  else if (/[0-9]/.test(s)) START[c] = Start.Digit;
}
START[Ch.Quote] = Start.Quote;
START[Ch.Slash] = Start.Slash;
for (const [ch, t] of [['%', Percent], ['{', LCurly], ['}', RCurly], [',', Comma]] as const) {
  START[ch.charCodeAt(0)] = Start.Single;
  SINGLE[ch.charCodeAt(0)] = t;
  SINGLE_IMAGE[ch.charCodeAt(0)] = ch;
}

function isDigit(c: number): boolean {
  return c >= Ch.Zero && c <= Ch.Nine;
}

/** `[A-Za-z0-9_]`; false past the end (NaN). */
function isWordChar(c: number): boolean {
  return c < 128 && WORD_CHAR[c] === 1;
}

function isSpace(c: number): boolean {
  return c < 128 ? START[c] === Start.Space : c === Ch.Nbsp || c === Ch.Bom;
}

/** End of a typographic string (`\u201c[^\u201d\r\n]*\u201d`) from its opening quote at `i`, or -1 where it does not close on its line. */
function curlyEnd(text: string, i: number): number {
  const n = text.length;
  for (let j = i + 1; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === Ch.CurlyClose) return j + 1;
    if (c === Ch.LF || c === Ch.CR) return -1;
  }
  return -1;
}

/** Whether some pattern matches at `i`: where Chevrotain's lexer ends a run of unexpected characters. */
function somethingStartsAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return START[c] !== Start.Nothing;
  return c === Ch.Nbsp || c === Ch.Bom || (c === Ch.CurlyOpen && curlyEnd(text, i) >= 0);
}

/** End of a Name (`[A-Za-z_][A-Za-z0-9_]*(?:[.\-][A-Za-z0-9_]+)*`) starting at `i`. */
function nameEnd(text: string, i: number): number {
  let j = i + 1;
  while (isWordChar(text.charCodeAt(j))) j++;
  for (;;) {
    const sep = text.charCodeAt(j);
    if ((sep !== Ch.Dot && sep !== Ch.Dash) || !isWordChar(text.charCodeAt(j + 1))) return j;
    j += 2;
    while (isWordChar(text.charCodeAt(j))) j++;
  }
}

/**
 * End of an indicator code (`NI[ \t]*-?[ \t]*\d+`) at `i`, or -1. Greedy is
 * exact: giving back a blank or the dash only puts a blank or a dash where
 * the digits must start.
 */
function indicatorEnd(text: string, i: number): number {
  if (text.charCodeAt(i + 1) !== Ch.I) return -1;
  let j = i + 2;
  let c = text.charCodeAt(j);
  while (c === Ch.Space || c === Ch.Tab) c = text.charCodeAt(++j);
  if (c === Ch.Dash) c = text.charCodeAt(++j);
  while (c === Ch.Space || c === Ch.Tab) c = text.charCodeAt(++j);
  if (!isDigit(c)) return -1;
  do j++;
  while (isDigit(text.charCodeAt(j)));
  return j;
}

/** Whether the date may end before `at`: `(?![\d.])`. */
function dateMayEnd(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return !isDigit(c) && c !== Ch.Dot;
}

/**
 * End of a date (`\d{4}-\d{2}(?:-\d{2})?(?![\d.])`) at `i` (a digit), or -1.
 * As the regular expression backtracks: with the day if the day may end
 * there, else without it (where a `-` follows, which the look-ahead allows).
 */
function dateEnd(text: string, i: number): number {
  if (!isDigit(text.charCodeAt(i + 1)) || !isDigit(text.charCodeAt(i + 2)) || !isDigit(text.charCodeAt(i + 3))) return -1;
  if (text.charCodeAt(i + 4) !== Ch.Dash || !isDigit(text.charCodeAt(i + 5)) || !isDigit(text.charCodeAt(i + 6))) return -1;
  if (text.charCodeAt(i + 7) === Ch.Dash && isDigit(text.charCodeAt(i + 8)) && isDigit(text.charCodeAt(i + 9)) && dateMayEnd(text, i + 10)) return i + 10;
  return dateMayEnd(text, i + 7) ? i + 7 : -1;
}

/** End of a number (`\d+(?:\.\d+)*`) at `i` (a digit). */
function numberEnd(text: string, i: number): number {
  let j = i + 1;
  while (isDigit(text.charCodeAt(j))) j++;
  while (text.charCodeAt(j) === Ch.Dot && isDigit(text.charCodeAt(j + 1))) {
    j += 2;
    while (isDigit(text.charCodeAt(j))) j++;
  }
  return j;
}

/**
 * The next place of each character a string's body or a comment stops at,
 * found by the engine's `indexOf` (a native search many times faster than a
 * loop over the character codes: a loop over the strings' characters was
 * half of the scanner's time, and quoted text is most of a document) and
 * kept until the scan has passed it. The scan only moves forward, so each
 * character is searched over once and the whole scan stays linear, even in
 * a text of unterminated strings with no closing quote after them.
 */
class NextStop {
  private quote = -1;
  private backslash = -1;
  private lf = -1;
  private cr = -1;

  constructor(private readonly text: string) {}

  /** Where `text.indexOf(char, from)` is, or the text's length if it is nowhere. */
  private find(char: string, from: number): number {
    const at = this.text.indexOf(char, from);
    return at < 0 ? this.text.length : at;
  }

  /** The first `"` at or after `from` (the text's length if none); `from` never goes back. */
  quoteFrom(from: number): number {
    if (this.quote < from) this.quote = this.find('"', from);
    return this.quote;
  }

  backslashFrom(from: number): number {
    if (this.backslash < from) this.backslash = this.find('\\', from);
    return this.backslash;
  }

  /** The first line break (`\n` or `\r`) at or after `from`. */
  lineBreakFrom(from: number): number {
    if (this.lf < from) this.lf = this.find('\n', from);
    if (this.cr < from) this.cr = this.find('\r', from);
    return this.lf < this.cr ? this.lf : this.cr;
  }
}

/**
 * Where the body of a double-quoted string from the quote at `i` stops: at
 * its closing quote (the position after it, negated), or before a line break
 * or a backslash that escapes nothing (`\\.`: `.` takes no line terminator),
 * which makes an UnterminatedString. The body's two alternatives start with
 * different characters, so the greedy scan is the regular expression's only
 * match. It jumps from stop to stop: quote, backslash, line break.
 */
function stringEnd(text: string, i: number, stops: NextStop): number {
  const n = text.length;
  let j = i + 1;
  for (;;) {
    const quote = stops.quoteFrom(j);
    const backslash = stops.backslashFrom(j);
    const lineBreak = stops.lineBreakFrom(j);
    if (quote < backslash && quote < lineBreak) return -(quote + 1);
    if (backslash < lineBreak) {
      const next = text.charCodeAt(backslash + 1);
      if (backslash + 1 >= n || next === Ch.LF || next === Ch.CR || next === Ch.LineSeparator || next === Ch.ParagraphSeparator) return backslash;
      j = backslash + 2;
    } else return lineBreak;
  }
}

/** End of a comment (`\/\/[^\n\r]*`) from its slashes at `i`: the next line break, or the text's end. */
function commentEnd(i: number, stops: NextStop): number {
  return stops.lineBreakFrom(i + 2);
}

/**
 * The tokens of `text`, as `offsetLexer.tokenize(text)` in `lexer.ts` gives
 * them. Only meaningful where `SCANNER_MIRRORS_TOKENS`.
 */
export function scanOffsets(text: string): ScanResult {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const errors: ScanError[] = [];
  const braces: number[] = [];
  const unterminated: IToken[] = [];
  const lineStarts = [0];
  const n = text.length;
  const stops = new NextStop(text);
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const start = i;
    let type: TokenType;
    /** The image where it is a constant string; else it is sliced from the text. */
    let image: string | undefined;
    switch (c < 128 ? START[c] : c === Ch.Nbsp || c === Ch.Bom ? Start.Space : Start.Nothing) {
      case Start.Space: {
        let s = c;
        for (;;) {
          if (s === Ch.LF || (s === Ch.CR && text.charCodeAt(i + 1) !== Ch.LF)) lineStarts.push(i + 1);
          if (++i >= n) break;
          s = text.charCodeAt(i);
          if (!isSpace(s)) break;
        }
        continue;
      }
      case Start.Word: {
        if (c === Ch.N) {
          const end = indicatorEnd(text, i);
          if (end >= 0) {
            i = end;
            type = IndicatorCode;
            break;
          }
        }
        i = nameEnd(text, i);
        const slot = wordSlot(text, start, i);
        if (slot >= 0) {
          image = slotWord[slot];
          type = slotType[slot]!;
        } else type = Name;
        break;
      }
      case Start.Digit: {
        const date = dateEnd(text, i);
        if (date >= 0) {
          i = date;
          type = DateLiteral;
        } else {
          i = numberEnd(text, i);
          type = NumberLiteral;
        }
        break;
      }
      case Start.Quote: {
        const end = stringEnd(text, i, stops);
        if (end < 0) {
          i = -end;
          type = StringLiteral;
        } else {
          i = end;
          type = UnterminatedString;
        }
        break;
      }
      case Start.Slash:
        if (text.charCodeAt(i + 1) === Ch.Slash) {
          i = commentEnd(i, stops);
          comments.push({ image: text.slice(start, i), startOffset: start, endOffset: i - 1, tokenTypeIdx: LineComment.tokenTypeIdx!, tokenType: LineComment });
          continue;
        }
        i++;
        type = Slash;
        image = '/';
        break;
      case Start.Single:
        if (c === Ch.LCurly || c === Ch.RCurly) braces.push(tokens.length);
        i++;
        type = SINGLE[c]!;
        image = SINGLE_IMAGE[c];
        break;
      default: {
        if (c === Ch.CurlyOpen) {
          const end = curlyEnd(text, i);
          if (end >= 0) {
            i = end;
            type = CurlyString;
            break;
          }
        }
        // Nothing starts here: skip to where something does, as one error (Chevrotain's recovery).
        do i++;
        while (i < n && !somethingStartsAt(text, i));
        errors.push({ offset: start, length: i - start });
        continue;
      }
    }
    // Every token is made in this literal (or the comment's above, the same shape), so the parser sees one object shape.
    const token: IToken = { image: image ?? text.slice(start, i), startOffset: start, endOffset: i - 1, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type };
    tokens.push(token);
    if (type === UnterminatedString) unterminated.push(token);
  }
  return { tokens, comments, errors, braces, unterminated, lineStarts };
}
