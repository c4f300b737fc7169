/**
 * The hand-written scanner (`grammar/scanner.ts`) gives what Chevrotain's
 * lexer built from `tokens.ts` gives, with offsets only: the same token
 * objects (type, image, offsets, and the same properties in the same order),
 * the same comments and the same runs of unexpected characters; and so
 * `lexOffsets` (the scanner) gives the same tokens, comments and problems as
 * `lex` (Chevrotain, full positions). Held on every file of the seeds and the
 * fixtures, the bench's generated documents, and fast-check text built from
 * the language's fragments and from arbitrary UTF-16.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { IToken } from 'chevrotain';
import fc from 'fast-check';
import { generateStrategy } from '../../bench/generate.js';
import { KEYWORDS, PLACEHOLDER_WORDS } from '../../grammar/keywords.js';
import { lex, lexOffsets, tokenizeOffsetsWithChevrotain } from '../../grammar/lexer.js';
import { LineIndex, TokenPositions } from '../../grammar/positions.js';
import { scanOffsets, SCANNER_MIRRORS_TOKENS, type ScanError } from '../../grammar/scanner.js';
import { FIXTURES, SEEDS } from '../support/paths.js';

/** A token as the parser reads it, with its property order (one object shape for the parser's inline caches). */
function described(t: IToken): string {
  return `${t.tokenType.name}#${t.tokenTypeIdx} ${JSON.stringify(t.image)} ${t.startOffset}-${t.endOffset} {${Object.keys(t).join(',')}}`;
}

function summary(r: { readonly tokens: readonly IToken[]; readonly comments: readonly IToken[]; readonly errors: readonly ScanError[] }): { tokens: string[]; comments: string[]; errors: string[] } {
  return {
    tokens: r.tokens.map(described),
    comments: r.comments.map(described),
    errors: r.errors.map((e) => `${e.offset}+${e.length}`),
  };
}

function assertSameAsChevrotain(text: string, name: string): void {
  const scanned = scanOffsets(text);
  const reference = tokenizeOffsetsWithChevrotain(text);
  assert.deepEqual(summary(scanned), summary(reference), `${name}: the scanner and Chevrotain's lexer differ on ${JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}…` : text)}`);
  // The tokens hold the type objects of tokens.ts themselves (the parser compares them, and their categories, by identity).
  for (let i = 0; i < scanned.tokens.length; i++) assert.equal(scanned.tokens[i]!.tokenType, reference.tokens[i]!.tokenType);
  // The parse takes the scanner's line starts for its LineIndex: they must be the ones it would compute (`\n`, `\r\n`, a lone `\r`).
  assert.deepEqual(scanned.lineStarts, [...new LineIndex(text).lineStartOffsets], `${name}: the scanner's line starts differ from LineIndex's`);
}

/** What `lexOffsets` gives (the parse's lexer) against `lex` (Chevrotain with full positions): tokens, comments with ranges, problems in words. */
function assertLexResultsAgree(text: string): void {
  const lines = new LineIndex(text);
  const mine = lexOffsets(text, lines, new TokenPositions(lines));
  const reference = lex(text, lines);
  assert.deepEqual(mine.tokens.map((t) => [t.tokenType.name, t.image, t.startOffset, t.endOffset]), reference.tokens.map((t) => [t.tokenType.name, t.image, t.startOffset, t.endOffset]));
  assert.deepEqual(mine.comments, reference.comments);
  assert.deepEqual(mine.problems, reference.problems);
}

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) filesUnder(full, out);
    else out.push(full);
  }
  return out;
}

/** Pieces of the language and of what authors paste, each where the scanner makes a decision. */
const FRAGMENTS: readonly string[] = [
  ...KEYWORDS.map((k) => k.word),
  ...PLACEHOLDER_WORDS,
  'X', 'XX', 'XXX', 'XXXX', 'XXXXX', 'Xx', 'tbcs', 'TBCX', 'tb', 'to-do', 'to.', 'to-', 'by_', 'fromage', 'Strategy', 'NATIONAL', 'nat',
  'P1', 'P1.2', 'PC.1', 'a-b-c', 'a..b', 'a.-b', '_x', 'x_', 'é', 'naïve',
  'NI', 'NI 40', 'NI40', 'NI-40', 'NI - 40', 'NI\t-\t7', 'NI -', 'NI-', 'NIX', 'N', 'NI 4a', 'ni 40',
  '2010-04', '2010-04-01', '2010-04-1', '2010-04-123', '2010-04.', '2010-04-01.5', '2010-4', '201-04', '20100-04', '2010-04-',
  '0', '42', '3.5', '1.2.3', '1.', '.5', '45%', '%', '1,000',
  '"', '"text"', '"a \\" b"', '"a\\\\"', '"\\n"', '"unterminated', '"ends in \\', '"\\\u2028"', '"\\\u2029"', '"\\\r"', '"\u2028"', '"a\\', '\\', '""',
  '\u201c', '\u201d', '\u201ccurly\u201d', '\u201cunclosed', '\u201c\u201c\u201d', "'single'", '\u2018curly single\u2019', "'", '\u2019',
  '//', '// a comment', '/', '//\u2028x', '/ /',
  '{', '}', ',', ' ', '\t', '\n', '\r', '\r\n', '\n\r', '\f', '\v', '\u00a0', '\ufeff', '\u2028', '\u2029', '\u0000', '\u00ff', '\u0100',
  '\ud83d\ude00', '\ud83d', '\ude00', '#', '@', '!', '$', '&', '*', '(', ')', '[', ']', ';', ':', '<', '>', '?', '=', '+', '|', '~', '`', '^',
];

const fragmentText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 2, arbitrary: fc.constantFrom(' ', '\n', '', '\t') }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), { maxLength: 60 })
  .map((parts) => parts.join(''));

/** Any UTF-16 code units, lone surrogates included, with the characters the scanner dispatches on made frequent. */
const codeUnitText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('"', '\\', '\u201c', '\u201d', '\n', '\r', '/', '-', '.', 'N', 'I', '0', '9', 'X', 't', 'o'),
    ),
    { maxLength: 80 },
  )
  .map((units) => units.join(''));

describe('scanner (issue 12): the hand-written scanner lexes as Chevrotain does', () => {
  it('mirrors the token patterns of tokens.ts (else the parse would lex with Chevrotain)', () => {
    assert.equal(SCANNER_MIRRORS_TOKENS, true);
  });

  it('gives Chevrotain’s tokens, comments and errors on every file of the seeds and the fixtures', () => {
    const files = [...filesUnder(SEEDS), ...filesUnder(FIXTURES)];
    assert.ok(files.length > 20, `only ${files.length} files`);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assertSameAsChevrotain(text, file);
      assertLexResultsAgree(text);
    }
  });

  it('gives Chevrotain’s tokens on the generated bench documents', () => {
    for (const [size, seed] of [[1 << 20, 7], [64 * 1024, 1], [16 * 1024, 42]] as const) assertSameAsChevrotain(generateStrategy(size, seed), `generateStrategy(${size}, ${seed})`);
  });

  it('decides as Chevrotain does where a pattern backtracks or a keyword gives way to a name', () => {
    const cases: [string, string[]][] = [
      ['to todo to-do to. by_ fromage', ['Kw_to', 'Name', 'Name', 'Kw_to', 'Name', 'Name']],
      ['X XXXX XXXXX tbc tbcs TBD Tbc', ['Placeholder', 'Placeholder', 'Name', 'Tbc', 'Name', 'Tbc', 'Tbc']],
      ['NI 40 NI-40 NI4a NIX NI -', ['IndicatorCode', 'IndicatorCode', 'IndicatorCode', 'Name', 'Name', 'Name']],
      // `2010-04-123`: the date without its day (a `-` may follow it), then `-` unexpected; `2010-04.5` is no date.
      ['2010-04-123 2010-04.5', ['DateLiteral', 'NumberLiteral', 'NumberLiteral', 'NumberLiteral']],
      ['"a\\"b" "open\n\u201cc\u201d', ['StringLiteral', 'UnterminatedString', 'CurlyString']],
    ];
    for (const [text, types] of cases) assert.deepEqual(scanOffsets(text).tokens.map((t) => t.tokenType.name), types, text);
    // A typographic quote that does not close on its line starts nothing: one error for the run, up to where a token starts.
    assert.deepEqual(scanOffsets('a # b \u201c\u201c\u201c x').errors, [{ offset: 2, length: 1 }, { offset: 6, length: 3 }]);
  });

  it('ends strings and comments where Chevrotain does when it jumps from quote to backslash to line break', () => {
    const texts = [
      // Escapes before, at and after the closing quote; an escaped quote, an escaped backslash, a backslash escaping a line break or the end.
      '"a\\"b" "c\\\\" "d\\\\\\"e" "f\\\n"g" "h\\',
      // Strings that do not close on their line, with the next quote lines away (and none at all after the last).
      '"one\n"two\r\n"three\rnote "x" // "not a string\n"four\u2028still four" "five',
      // A comment ending at a lone CR, at CR LF, at the end; a quote inside one.
      '// a "b\r// c\r\n//d"\n"e" //',
      // Many unterminated strings and no closing quote anywhere after them.
      Array.from({ length: 200 }, (_, k) => `"line ${k} \\t`).join('\n'),
    ];
    for (const text of texts) assertSameAsChevrotain(text, 'stops');
  });

  it('gives Chevrotain’s tokens, comments and errors on text made of the language’s fragments', () => {
    fc.assert(
      fc.property(fragmentText, (text) => {
        assertSameAsChevrotain(text, 'fragments');
        assertLexResultsAgree(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives Chevrotain’s tokens, comments and errors on arbitrary UTF-16', () => {
    fc.assert(
      fc.property(fc.oneof(codeUnitText, fc.string({ unit: 'binary', maxLength: 80 })), (text) => {
        assertSameAsChevrotain(text, 'code units');
        assertLexResultsAgree(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives Chevrotain’s tokens on seeds with fragments spliced in', () => {
    const seeds = filesUnder(SEEDS).filter((f) => f.endsWith('.strategy')).map((f) => readFileSync(f, 'utf8'));
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(fragmentText, codeUnitText)), { minLength: 1, maxLength: 5 }), (seed, splices) => {
        let text = seed;
        for (const [at, piece] of splices) {
          const i = Math.floor(at * text.length);
          text = text.slice(0, i) + piece + text.slice(i);
        }
        assertSameAsChevrotain(text, 'spliced seed');
      }),
      { numRuns: 150 },
    );
  });
});
