/**
 * A hand-written scanner producing Chevrotain tokens: the same token types,
 * images, offsets, lines and columns, comments and unexpected-character
 * runs as Chevrotain's regex lexer built from `tokens.ts` would, in one pass
 * over the characters with no regular expression and no substring per
 * skipped character. The token definitions in `tokens.ts` stay the
 * specification (the parser, the TextMate grammar and the tests read them);
 * `test/grammar/scanner.test.ts` holds this scanner to Chevrotain's lexer
 * token for token on the seeds, the corpus and generated hostile text.
 *
 * Why hand-written rather than the library: the regex lexer was a sixth of
 * the parse and most of its garbage (issue 12); a parser takes any token
 * vector, so the grammar stays one Chevrotain grammar.
 */
import type { IToken, TokenType } from 'chevrotain';
import { KEYWORDS, PLACEHOLDER_WORDS } from './keywords.js';
import {
  Comma,
  CurlyString,
  DateLiteral,
  IndicatorCode,
  keywordTokens,
  LCurly,
  LineComment,
  Name,
  NumberLiteral,
  Percent,
  Placeholder,
  RCurly,
  Slash,
  StringLiteral,
  Tbc,
  UnterminatedString,
} from './tokens.js';

/** A run of characters no token starts with (Chevrotain's lexing error: offset and length). */
export interface ScanError {
  readonly offset: number;
  readonly length: number;
}

export interface ScanResult {
  readonly tokens: IToken[];
  /** `// …` comments, in order (Chevrotain's `comments` group). */
  readonly comments: IToken[];
  readonly errors: ScanError[];
}

/**
 * Which token a whole word is, where it is not a Name. Chevrotain tries the
 * keywords in order, then `tbc`-words, then placeholders, each with Name as
 * its longer alternative: so a word is a keyword only if it is one and no
 * earlier keyword is a prefix of it (that prefix would match first and lose
 * to the longer Name).
 */
const WORD_TOKENS: ReadonlyMap<string, TokenType> = (() => {
  const map = new Map<string, TokenType>();
  const words = KEYWORDS.map((k) => k.word as string);
  for (const word of words) {
    const first = words.find((w) => word.startsWith(w));
    if (first === word) map.set(word, keywordTokens[word as keyof typeof keywordTokens]);
  }
  const anyKeywordPrefix = (w: string): boolean => words.some((k) => w.startsWith(k));
  for (const w of PLACEHOLDER_WORDS) if (!anyKeywordPrefix(w)) map.set(w, Tbc);
  for (const w of ['X', 'XX', 'XXX', 'XXXX']) if (!anyKeywordPrefix(w) && !map.has(w)) map.set(w, Placeholder);
  return map;
})();

const enum C {
  Tab = 9,
  LF = 10,
  VT = 11,
  FF = 12,
  CR = 13,
  Space = 32,
  Quote = 34,
  Percent = 37,
  Comma = 44,
  Dash = 45,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  A = 65,
  I = 73,
  N = 78,
  Z = 90,
  Backslash = 92,
  Underscore = 95,
  a = 97,
  z = 122,
  LCurly = 123,
  RCurly = 125,
  Nbsp = 0xa0,
  LineSeparator = 0x2028,
  ParagraphSeparator = 0x2029,
  CurlyOpen = 0x201c,
  CurlyClose = 0x201d,
  Bom = 0xfeff,
}

function isDigit(c: number): boolean {
  return c >= C.Zero && c <= C.Nine;
}

function isWordStart(c: number): boolean {
  return (c >= C.a && c <= C.z) || (c >= C.A && c <= C.Z) || c === C.Underscore;
}

function isWordChar(c: number): boolean {
  return isWordStart(c) || isDigit(c);
}

function isSpace(c: number): boolean {
  return c === C.Space || c === C.Tab || c === C.LF || c === C.CR || c === C.FF || c === C.VT || c === C.Nbsp || c === C.Bom;
}

/** What `.` in a regular expression does not match. */
function isLineTerminator(c: number): boolean {
  return c === C.LF || c === C.CR || c === C.LineSeparator || c === C.ParagraphSeparator;
}

/** End of a Name (`[A-Za-z_][A-Za-z0-9_]*(?:[.\-][A-Za-z0-9_]+)*`) starting at `i`. */
function nameEnd(text: string, i: number): number {
  let j = i + 1;
  const n = text.length;
  while (j < n && isWordChar(text.charCodeAt(j))) j++;
  while (j + 1 < n) {
    const sep = text.charCodeAt(j);
    if ((sep !== C.Dot && sep !== C.Dash) || !isWordChar(text.charCodeAt(j + 1))) break;
    j += 2;
    while (j < n && isWordChar(text.charCodeAt(j))) j++;
  }
  return j;
}

/** End of an indicator code (`NI[ \t]*-?[ \t]*\d+`) at `i`, or -1. */
function indicatorEnd(text: string, i: number): number {
  if (text.charCodeAt(i + 1) !== C.I) return -1;
  let j = i + 2;
  let c = text.charCodeAt(j);
  while (c === C.Space || c === C.Tab) c = text.charCodeAt(++j);
  if (c === C.Dash) c = text.charCodeAt(++j);
  while (c === C.Space || c === C.Tab) c = text.charCodeAt(++j);
  if (!isDigit(c)) return -1;
  while (isDigit(text.charCodeAt(j))) j++;
  return j;
}

function digitsAt(text: string, i: number, count: number): boolean {
  for (let k = 0; k < count; k++) if (!isDigit(text.charCodeAt(i + k))) return false;
  return true;
}

/** End of a date (`\d{4}-\d{2}(?:-\d{2})?(?![\d.])`) at `i`, or -1. */
function dateEnd(text: string, i: number): number {
  if (!digitsAt(text, i, 4) || text.charCodeAt(i + 4) !== C.Dash || !digitsAt(text, i + 5, 2)) return -1;
  const free = (at: number): boolean => {
    const c = text.charCodeAt(at);
    return !isDigit(c) && c !== C.Dot;
  };
  if (text.charCodeAt(i + 7) === C.Dash && digitsAt(text, i + 8, 2) && free(i + 10)) return i + 10;
  return free(i + 7) ? i + 7 : -1;
}

/** End of a number (`\d+(?:\.\d+)*`) at `i` (a digit). */
function numberEnd(text: string, i: number): number {
  let j = i + 1;
  while (isDigit(text.charCodeAt(j))) j++;
  while (text.charCodeAt(j) === C.Dot && isDigit(text.charCodeAt(j + 1))) {
    j += 2;
    while (isDigit(text.charCodeAt(j))) j++;
  }
  return j;
}

/**
 * The body of a double-quoted string from the quote at `i`: where it stops,
 * and whether it stops at its closing quote. The regex's body alternatives
 * start with different characters, so the greedy scan is the only match.
 */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  const n = text.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === C.Quote) return -(j + 1); // closed: negative marks a terminated string
    if (c === C.Backslash) {
      if (j + 1 < n && !isLineTerminator(text.charCodeAt(j + 1))) {
        j += 2;
        continue;
      }
      break;
    }
    if (c === C.LF || c === C.CR) break;
    j++;
  }
  return j;
}

/** End of a typographic string (`\u201c[^\u201d\r\n]*\u201d`) at `i`, or -1. */
function curlyEnd(text: string, i: number): number {
  const n = text.length;
  for (let j = i + 1; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === C.CurlyClose) return j + 1;
    if (c === C.LF || c === C.CR) return -1;
  }
  return -1;
}

/** Whether any token (or skipped whitespace) starts at `i`: where Chevrotain's lexer re-synchronises after an error. */
function somethingStartsAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isSpace(c) || isWordStart(c) || isDigit(c) || c === C.Quote) return true;
  if (c === C.Percent || c === C.LCurly || c === C.RCurly || c === C.Comma || c === C.Slash) return true;
  return c === C.CurlyOpen && curlyEnd(text, i) >= 0;
}

/** A token as Chevrotain's lexer makes it: the same fields in the same order, so the parser sees one object shape. */
function token(text: string, tokenType: TokenType, start: number, end: number, line: number, column: number): IToken {
  return {
    image: text.slice(start, end),
    startOffset: start,
    endOffset: end - 1,
    startLine: line,
    endLine: line,
    startColumn: column,
    endColumn: column + (end - start) - 1,
    tokenTypeIdx: tokenType.tokenTypeIdx!,
    tokenType,
  };
}

/**
 * The token that starts at `i` (not whitespace): its type and end, or
 * undefined where nothing starts (an unexpected character).
 */
function tokenAt(text: string, i: number, c: number): { type: TokenType; end: number } | undefined {
  if (isWordStart(c)) {
    if (c === C.N) {
      const end = indicatorEnd(text, i);
      if (end >= 0) return { type: IndicatorCode, end };
    }
    const end = nameEnd(text, i);
    return { type: (end - i <= 12 ? WORD_TOKENS.get(text.slice(i, end)) : undefined) ?? Name, end };
  }
  if (isDigit(c)) {
    const date = dateEnd(text, i);
    return date >= 0 ? { type: DateLiteral, end: date } : { type: NumberLiteral, end: numberEnd(text, i) };
  }
  switch (c) {
    case C.Quote: {
      const end = stringEnd(text, i);
      return end < 0 ? { type: StringLiteral, end: -end } : { type: UnterminatedString, end };
    }
    case C.LCurly:
      return { type: LCurly, end: i + 1 };
    case C.RCurly:
      return { type: RCurly, end: i + 1 };
    case C.Comma:
      return { type: Comma, end: i + 1 };
    case C.Percent:
      return { type: Percent, end: i + 1 };
    case C.Slash: {
      if (text.charCodeAt(i + 1) !== C.Slash) return { type: Slash, end: i + 1 };
      let end = i + 2;
      const n = text.length;
      while (end < n) {
        const d = text.charCodeAt(end);
        if (d === C.LF || d === C.CR) break;
        end++;
      }
      return { type: LineComment, end };
    }
    case C.CurlyOpen: {
      const end = curlyEnd(text, i);
      return end >= 0 ? { type: CurlyString, end } : undefined;
    }
    default:
      return undefined;
  }
}

export function scan(text: string): ScanResult {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const errors: ScanError[] = [];
  const n = text.length;
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      do {
        const s = text.charCodeAt(i);
        if (s === C.LF) {
          line++;
          lineStart = i + 1;
        } else if (s === C.CR) {
          if (text.charCodeAt(i + 1) === C.LF) i++;
          line++;
          lineStart = i + 1;
        } else if (!isSpace(s)) break;
        i++;
      } while (i < n);
      continue;
    }
    const found = tokenAt(text, i, c);
    if (found) {
      (found.type === LineComment ? comments : tokens).push(token(text, found.type, i, found.end, line, i - lineStart + 1));
      i = found.end;
      continue;
    }
    // Nothing starts here: skip to where something does, as one error.
    const start = i;
    i++;
    while (i < n && !somethingStartsAt(text, i)) i++;
    errors.push({ offset: start, length: i - start });
  }
  return { tokens, comments, errors };
}
