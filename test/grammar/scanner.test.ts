/**
 * The hand-written scanner (issue 12) against Chevrotain's regex lexer built
 * from the same token definitions: for every real document, the generated
 * benchmark document and fast-check's hostile text, the same tokens (type,
 * image, offsets, lines, columns), the same comments and the same
 * unexpected-character runs.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { IToken } from 'chevrotain';
import { scan } from '../../grammar/scanner.js';
import { regexTokenize } from '../../grammar/regex-lexer.js';
import { generateStrategy } from '../../bench/generate.js';
import { FIXTURES, SEEDS } from '../support/paths.js';

function shape(t: IToken): string {
  return `${t.tokenType.name}|${t.image}|${t.startOffset}-${t.endOffset}|${t.startLine}:${t.startColumn}-${t.endLine}:${t.endColumn}`;
}

function assertSameAsRegexLexer(text: string, label: string): void {
  const ours = scan(text);
  const theirs = regexTokenize(text);
  assert.deepEqual(ours.tokens.map(shape), theirs.tokens.map(shape), `tokens of ${label}`);
  assert.deepEqual(ours.comments.map(shape), (theirs.groups['comments'] ?? []).map(shape), `comments of ${label}`);
  assert.deepEqual(
    ours.errors.map((e) => [e.offset, e.length]),
    theirs.errors.map((e) => [e.offset, e.length]),
    `unexpected characters in ${label}`,
  );
  for (const t of ours.tokens) assert.equal(t.tokenTypeIdx, t.tokenType.tokenTypeIdx);
}

function textFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) textFiles(full, out);
    else if (/\.(strategy|txt|md)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Fragments the lexer's edge cases turn on. */
const PIECES = [
  'NI 40', 'NI-40', 'NI\t- 7', 'NI', 'NIX', 'NI -', '2010-04', '2010-04-01', '2010-04-1', '2010-04-01.5', '2010-045', '2010-04.', '1.2.3', '1.', '12/13',
  '"text"', '"open', '"a\\"b"', '"a\\', '\\', '\u201ccurly\u201d', '\u201copen', '\u201d', "'single'", '\u2018x\u2019', '// note', '/', '%', ',', '{', '}',
  'to', 'towards', 'to-do', 'by2013', 'tbc', 'TBC', 'tbcx', 'Tbc', 'X', 'XXXX', 'XXXXX', 'X1', 'strategy', 'strategyX', 'aim', 'aims', 'action', 'a.b', 'a.', 'a-b-c', 'a--b',
  '_x', 'priority', 'consultation', 'é', '€', '#', '@@', '\u00a0', '\ufeff', '\u2028', '\r', '\n', '\r\n', '\t', ' ', '\f', '\v', '\0', '😀',
];

describe('scanner', () => {
  it('lexes every seed and fixture exactly as Chevrotain\'s regex lexer does', () => {
    const files = [...textFiles(SEEDS), ...textFiles(FIXTURES)];
    assert.ok(files.length > 20, `found ${files.length} files`);
    for (const file of files) assertSameAsRegexLexer(readFileSync(file, 'utf8'), file);
  });

  it('lexes the generated benchmark document exactly as Chevrotain\'s lexer does', () => {
    assertSameAsRegexLexer(generateStrategy(256 * 1024, 7), 'generated');
  });

  it('lexes hostile text exactly as Chevrotain\'s lexer does (fast-check)', () => {
    const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, fc.constantFrom('', ' ', '\n', '')), { maxLength: 40 }), (parts) => {
        const text = parts.map(([p, s]) => p + s).join('');
        assertSameAsRegexLexer(text, JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });
});
