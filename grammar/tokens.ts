/**
 * Token types of the Strategy language. Keyword tokens are generated from
 * `keywords.ts`; everything else is declared here, in lexing order.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { DIRECTIONS, KEYWORDS, PLACEHOLDER_WORDS, STATUS_VALUES, type Keyword } from './keywords.js';

/*
 * Categories: abstract tokens the parser consumes where several token types
 * may stand (an id is a name or a number; an owner is a name or a quoted
 * string). Consuming a category instead of calling a sub-rule keeps the
 * syntax tree small, which is most of the parser's cost.
 */
export const IdToken = createToken({ name: 'IdToken', pattern: Lexer.NA });
export const OwnerToken = createToken({ name: 'OwnerToken', pattern: Lexer.NA });
export const TermToken = createToken({ name: 'TermToken', pattern: Lexer.NA });
export const QuantityToken = createToken({ name: 'QuantityToken', pattern: Lexer.NA });
export const DirectionToken = createToken({ name: 'DirectionToken', pattern: Lexer.NA });
export const StatusToken = createToken({ name: 'StatusToken', pattern: Lexer.NA });
/**
 * Every token that cannot start a statement (except the braces). Where a
 * statement should stand, the parser takes a run of them as one stray piece
 * and reports it, instead of Chevrotain's repetition recovery, which recurses
 * once per recovery and so runs out of stack on a long list of them.
 */
export const StrayToken = createToken({ name: 'StrayToken', pattern: Lexer.NA });

/** The keywords a statement starts with; every other keyword is a StrayToken where a statement should stand. */
export const STATEMENT_KEYWORDS: ReadonlySet<string> = new Set([
  'strategy', 'framework', 'priority', 'section', 'aim', 'national', 'commitment', 'action', 'measure', 'target', 'outcome',
  'narrative', 'note', 'owner', 'timing', 'supports', 'coverage', 'area', 'vision', 'period', 'status', 'partners', 'glossary',
]);

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED, line_breaks: true });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: 'comments' });

/**
 * Text in double quotes, on one line (a line break inside is written `\n`).
 * Keeping strings to one line means a missing quote costs one line, not the
 * rest of the file.
 */
export const StringLiteral = createToken({
  name: 'StringLiteral',
  // `"(?:[^"\\\r\n]|\\.)*"` unrolled (the same strings): one step per run of plain characters, not per character.
  pattern: /"[^"\\\r\n]*(?:\\.[^"\\\r\n]*)*"/,
  start_chars_hint: ['"'],
  categories: [OwnerToken, TermToken],
});
/**
 * A string whose closing quote is missing: it runs to the end of the line.
 * It is a StringLiteral for the parser (so one missing quote does not derail
 * the rest of the file) and reported once by the lexer pass.
 */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"[^"\\\r\n]*(?:\\.[^"\\\r\n]*)*/,
  categories: [StringLiteral, OwnerToken, TermToken],
  start_chars_hint: ['"'],
});

/** Text in typographic quotes, as pasted from a word processor: “like this”. */
export const CurlyString = createToken({
  name: 'CurlyString',
  pattern: /\u201c[^\u201d\r\n]*\u201d/,
  categories: [StringLiteral, OwnerToken, TermToken],
  start_chars_hint: ['\u201c'],
});

/** A National Indicator code as people write it: `NI 40`, `NI40`, `NI-40`. */
export const IndicatorCode = createToken({ name: 'IndicatorCode', pattern: /NI[ \t]*-?[ \t]*\d+/, start_chars_hint: ['N'], categories: [StrayToken] });
export const DateLiteral = createToken({ name: 'DateLiteral', pattern: /\d{4}-\d{2}(?:-\d{2})?(?![\d.])/, categories: [StrayToken] });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /\d+(?:\.\d+)*/, categories: [IdToken, QuantityToken, StrayToken] });
export const Percent = createToken({ name: 'Percent', pattern: /%/, categories: [StrayToken] });
export const LCurly = createToken({ name: 'LCurly', pattern: /{/ });
export const RCurly = createToken({ name: 'RCurly', pattern: /}/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/, categories: [StrayToken] });
export const Slash = createToken({ name: 'Slash', pattern: /\//, categories: [StrayToken] });

export const Name = createToken({
  name: 'Name',
  pattern: /[A-Za-z_][A-Za-z0-9_]*(?:[.\-][A-Za-z0-9_]+)*/,
  categories: [IdToken, OwnerToken, TermToken, StrayToken],
});

/** `X`, `XX`, `XXX`: the value a draft has not filled in yet. */
export const Placeholder = createToken({ name: 'Placeholder', pattern: /X{1,4}/, longer_alt: Name, categories: [QuantityToken, TermToken, StrayToken] });
export const Tbc = createToken({
  name: 'Tbc',
  pattern: new RegExp(PLACEHOLDER_WORDS.join('|')),
  longer_alt: Name,
  categories: [QuantityToken, TermToken, StrayToken],
});

function keywordToken(word: string): TokenType {
  const name = `Kw_${word}`;
  const categories: TokenType[] = (DIRECTIONS as readonly string[]).includes(word) ? [DirectionToken] : (STATUS_VALUES as readonly string[]).includes(word) ? [StatusToken] : [];
  if (!STATEMENT_KEYWORDS.has(word)) categories.push(StrayToken);
  return createToken({ name, pattern: new RegExp(word), longer_alt: Name, categories });
}

export const keywordTokens: Readonly<Record<Keyword, TokenType>> = Object.fromEntries(
  KEYWORDS.map((k) => [k.word, keywordToken(k.word)]),
) as Record<Keyword, TokenType>;

/**
 * Order matters: longer keywords before their prefixes is not needed thanks to
 * `longer_alt`, but keywords must precede `Name`, and the indicator code must
 * precede `Name` so that `NI 40` is one token.
 */
export const allTokens: TokenType[] = [
  IdToken,
  OwnerToken,
  TermToken,
  QuantityToken,
  DirectionToken,
  StatusToken,
  StrayToken,
  WhiteSpace,
  LineComment,
  StringLiteral,
  UnterminatedString,
  CurlyString,
  IndicatorCode,
  DateLiteral,
  NumberLiteral,
  Percent,
  LCurly,
  RCurly,
  Comma,
  Slash,
  ...Object.values(keywordTokens),
  Tbc,
  Placeholder,
  Name,
];

export const tokenLabels: ReadonlyMap<TokenType, string> = new Map<TokenType, string>([
  [StringLiteral, 'text in quotes'],
  [UnterminatedString, 'text in quotes'],
  [CurlyString, 'text in quotes'],
  [IndicatorCode, 'an indicator code such as NI 40'],
  [DateLiteral, 'a date such as 2010-04'],
  [NumberLiteral, 'a number'],
  [Percent, '%'],
  [LCurly, '`{`'],
  [RCurly, '`}`'],
  [Comma, '`,`'],
  [Slash, '`/`'],
  [Name, 'a name or code'],
  [IdToken, 'an id or code'],
  [OwnerToken, "an owner's name in quotes or an acronym"],
  [TermToken, 'a term'],
  [QuantityToken, 'a number, a placeholder such as X, or tbc'],
  [DirectionToken, 'increase, reduce or maintain'],
  [StatusToken, `one of ${STATUS_VALUES.join(', ')}`],
  [Placeholder, 'a placeholder such as X'],
  [Tbc, '`tbc`'],
  ...Object.entries(keywordTokens).map(([word, t]) => [t, `\`${word}\``] as [TokenType, string]),
]);
