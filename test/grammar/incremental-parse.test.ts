/**
 * The incremental reparse must give exactly what a full parse gives (tree,
 * ranges, problems), compared as JSON, after random edits of the seeds, the
 * fixtures and generated documents; and it must actually be incremental for
 * the edits typing makes (else the property would hold trivially).
 *
 * A failure prints fast-check's seed and path; replay with
 * `FUZZ_SEED=<seed> FUZZ_PATH=<path> npx mocha out/test/grammar/incremental-parse.test.js`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { parse, type ParseResult } from '../../grammar/index.js';
import { changedSpan, reparse, shiftPositions } from '../../grammar/incremental-parse.js';
import { LineIndex } from '../../grammar/positions.js';
import { FIXTURES, REPO, SEEDS } from '../support/paths.js';
import { strategyFiles } from '../support/strategy-files.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);
const SEED = process.env['FUZZ_SEED'] !== undefined ? Number(process.env['FUZZ_SEED']) : undefined;
const PATH = process.env['FUZZ_PATH'];

/** What a full parse says, as JSON (the line index is derived from the text). */
export function parseJson(r: ParseResult): string {
  return JSON.stringify({ document: r.document, problems: r.problems });
}

/** Fragments typing and pasting produce, the ones that break blocks among them. */
const FRAGMENTS = [
  'x', ' ', '\n', '\r\n', '}', '{', '"', '\u201c', '// note\n', 'NI 40', 'NI 31', '2012-13', '2020-99-99', 'tbc', '%',
  'priority P9 "Inserted" {\n  commitment P9.1 "New" {\n    owner "DAAT"\n  }\n}\n',
  'commitment C1 "Typed" {\n owner "A"\n measure NI 40\n}\n',
  '  note "to check"\n', 'owner "Police", "NHS"\n', 'target reduce 10% by 2012-03\n', 'supports action 3\n',
  'strategy s "Second header" {\n}\n', 'aim A1 "Loose"\n', '"A paragraph"\n', 'section "S" {\n', '\u0000',
];

interface Doc {
  readonly name: string;
  readonly text: string;
}

async function documents(): Promise<Doc[]> {
  const files = [...strategyFiles(SEEDS), ...strategyFiles(FIXTURES)];
  const docs: Doc[] = files.map((f) => ({ name: f, text: readFileSync(f, 'utf8') })).filter((d) => d.text.length < 400_000);
  const generator = (await import(pathToFileURL(join(REPO, 'bench', 'generate-workspace.mjs')).href)) as {
    generatedStrategy(index: number, bytes: number, frameworkId?: string): string;
    generatedFramework(id: string): string;
  };
  docs.push({ name: 'generated strategy', text: generator.generatedStrategy(7, 30 * 1024) });
  docs.push({ name: 'generated framework', text: generator.generatedFramework('national-0') });
  docs.push({ name: 'generated, CRLF', text: generator.generatedStrategy(8, 12 * 1024).replace(/\n/g, '\r\n') });
  return docs;
}

interface Edit {
  /** Where, as a fraction of the text's length. */
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 400 })),
  insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constant(''), fc.string({ maxLength: 6 })),
});

function apply(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('incremental reparse', function () {
  this.timeout(600_000);
  let docs: Doc[] = [];
  before(async () => {
    docs = await documents();
  });

  it('gives what a full parse gives, after any sequence of edits of the seeds, fixtures and generated documents', () => {
    let incremental = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(editArb, { minLength: 1, maxLength: 6 }), (which, edits) => {
        const doc = docs[which % docs.length]!;
        let text = doc.text;
        let previous = parse(text);
        for (const e of edits) {
          const next = apply(text, e);
          const r = reparse(previous, text, next);
          total++;
          if (r.edit) incremental++;
          assert.equal(parseJson(r.result), parseJson(parse(next)), `${doc.name}: edit ${JSON.stringify(e)}`);
          text = next;
          previous = r.result;
        }
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}), ...(PATH !== undefined ? { path: PATH } : {}) },
    );
    // Guard against a property that holds because everything falls back to a full parse.
    if (process.env["FUZZ_VERBOSE"]) console.log(`${incremental}/${total} incremental`);
    assert.ok(incremental > total / 10, `only ${incremental} of ${total} edits were incremental`);
  });

  it('reparses one statement when a character is typed in a title, and moves what follows', () => {
    const text = 'strategy s "S" {\n  status draft\n}\npriority P1 "One" {\n  commitment P1.1 "A" {\n    owner "X"\n  }\n}\npriority P2 "Two" {\n}\n';
    const previous = parse(text);
    const at = text.indexOf('"One"') + 1;
    const next = `${text.slice(0, at)}Z${text.slice(at)}`;
    const r = reparse(previous, text, next);
    assert.deepEqual(r.edit, { first: 1, removed: 1, inserted: 1, offsetDelta: 1, lineDelta: 0 });
    assert.equal(parseJson(r.result), parseJson(parse(next)));
    // The statement before the edit is the same object; the one after too, moved in place (previous is consumed).
    assert.equal(r.result.document.items[0], previous.document.items[0]);
    assert.equal(r.result.document.items[2], previous.document.items[2]);
    assert.equal(r.result.document.items[2]!.range.start.offset, next.indexOf('priority P2'));
  });

  it('moves what follows an edit again and again, in place, as a full parse places it', () => {
    // A comment, a value problem (a date out of range) and shared positions after the edit, moved by edits of every kind.
    const tail = 'priority P2 "Two" {\n  // why\n  commitment P2.1 "B" {\n    timing by 2020-13\n  }\n}\n';
    let text = `priority P1 "One" {\n}\n${tail}`;
    let previous = parse(text);
    const kept = previous.document.items[1];
    for (const insert of ['x', '\n  note "n"\n', '', '\r\n\n', 'zz']) {
      const at = insert.includes('\n') ? text.indexOf('{') + 1 : text.indexOf('P1 "') + 4;
      const next = insert === '' ? text.slice(0, at) + text.slice(at + 2) : text.slice(0, at) + insert + text.slice(at);
      const r = reparse(previous, text, next);
      assert.ok(r.edit, JSON.stringify(insert));
      assert.equal(parseJson(r.result), parseJson(parse(next)));
      assert.equal(r.result.document.items[1], kept, 'the statement after the edit is the one first parsed');
      previous = r.result;
      text = next;
    }
  });

  it('relies on no position shared between top-level statements, comments and the problems of others', () => {
    // Moving a statement in place is safe only if nothing outside it holds one of its positions.
    for (const d of docs) {
      const r = parse(d.text);
      const owner = new Map<object, number>();
      const claim = (value: unknown, who: number): void => {
        if (typeof value !== 'object' || value === null) return;
        if (Array.isArray(value)) return value.forEach((v) => claim(v, who));
        const record = value as Record<string, unknown>;
        if (typeof record['offset'] === 'number' && typeof record['line'] === 'number') {
          const before = owner.get(value);
          assert.ok(before === undefined || before === who, `${d.name}: a position at offset ${String(record['offset'])} is shared by two statements`);
          owner.set(value, who);
          return;
        }
        for (const key in record) claim(record[key], who);
      };
      r.document.items.forEach((s, i) => claim(s, i));
      // A comment or problem belongs to the statement whose range holds it (or to none: -1 - its index).
      const holder = (offset: number, fallback: number): number => {
        const i = r.document.items.findIndex((s) => s.range.start.offset <= offset && offset < s.range.end.offset);
        return i >= 0 ? i : fallback;
      };
      r.document.comments.forEach((c, i) => claim(c, holder(c.range.start.offset, -1 - i)));
      r.problems.forEach((p, i) => claim(p, holder(p.range.start.offset, -10_000 - i)));
    }
  });

  it('keeps the very statements after an edit that changed neither the length nor the lines', () => {
    const text = 'priority P1 "One" {\n}\npriority P2 "Two" {\n}\n';
    const previous = parse(text);
    const next = text.replace('"One"', '"Eno"');
    const r = reparse(previous, text, next);
    assert.deepEqual(r.edit, { first: 0, removed: 1, inserted: 1, offsetDelta: 0, lineDelta: 0 });
    assert.equal(r.result.document.items[1], previous.document.items[1]);
    assert.equal(parseJson(r.result), parseJson(parse(next)));
  });

  it('parses in full when braces no longer balance, when the header is edited, or when the text has syntax problems', () => {
    const text = 'strategy s "S" {\n  status draft\n}\npriority P1 "One" {\n}\npriority P2 "Two" {\n}\n';
    const previous = parse(text);
    const brace = text.indexOf('{\n}\npriority P2');
    const unbalanced = `${text.slice(0, brace + 1)}{${text.slice(brace + 1)}`;
    assert.equal(reparse(previous, text, unbalanced).edit, undefined);
    const header = text.replace('status draft', 'status final');
    assert.equal(reparse(previous, text, header).edit, undefined);
    const broken = text.replace('"Two"', '"Two');
    const brokenParse = parse(broken);
    assert.equal(reparse(brokenParse, broken, broken.replace('"One"', '"Ones"')).edit, undefined);
  });

  it('judges a reparsed statement by the header even when the header stands after it, reporting each structure problem once', () => {
    const before = 'priority "P" {\n  note "x"\n}\nstrategy "S" {\n  timing 2024\n}\n';
    const after = before.replace('"x"', '"xy"');
    const r = reparse(parse(before), before, after);
    assert.ok(r.edit, 'the edit is incremental');
    assert.equal(JSON.stringify(r.result.problems), JSON.stringify(parse(after).problems));
    assert.equal(r.result.problems.filter((p) => p.kind === 'structure').length, 1);
  });

  it('finds the smallest changed span, and moves positions', () => {
    assert.deepEqual(changedSpan('abcdef', 'abXYef'), { start: 2, end: 4, newEnd: 4 });
    assert.deepEqual(changedSpan('aaa', 'aaaa'), { start: 3, end: 3, newEnd: 4 });
    // Across the chunks it compares whole.
    const long = 'abcdefghij'.repeat(1000);
    const edited = `${long.slice(0, 4321)}XYZ${long.slice(4322)}`;
    assert.deepEqual(changedSpan(long, edited), { start: 4321, end: 4322, newEnd: 4324 });
    assert.deepEqual(changedSpan(long, long.slice(0, 9000)), { start: 9000, end: 10000, newEnd: 9000 });
    assert.deepEqual(changedSpan(long, `Q${long}`), { start: 0, end: 0, newEnd: 1 });
    fc.assert(
      fc.property(fc.string({ maxLength: 5000 }), fc.string({ maxLength: 5000 }), fc.string({ maxLength: 5000 }), fc.string({ maxLength: 10 }), (a, b, c, x) => {
        const before = a + b + c;
        const after = a + x + c;
        const span = changedSpan(before, after);
        assert.equal(before.slice(0, span.start) + after.slice(span.start, span.newEnd) + before.slice(span.end), after);
        assert.ok(span.start >= 0 && span.end <= before.length && span.end - span.start <= b.length);
      }),
      { numRuns: 200 },
    );
    const p = { line: 1, character: 2, offset: 10 };
    const moved = shiftPositions({ a: { start: p, end: p }, b: [p] }, 5, 1);
    assert.deepEqual(moved.a.end, moved.a.start);
    assert.deepEqual(moved.b[0], moved.a.start);
    assert.deepEqual(moved.a.start, { line: 2, character: 2, offset: 15 });
  });
  it('derives the line index of an edited text from the previous one: the same lines as a fresh index', () => {
    // Line breaks of every kind, and edits that split or join a CR LF.
    const piece = fc.array(fc.constantFrom('a', 'bc', '\n', '\r', '\r\n', ' '), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(piece, piece, piece, piece, fc.boolean(), (a, b, c, x, computed) => {
        const before = a + b + c;
        const after = a + x + c;
        const previous = new LineIndex(before);
        if (computed) assert.ok(previous.lineCount > 0);
        const derived = LineIndex.edited(previous, after, changedSpan(before, after));
        assert.deepEqual(derived.lineStartOffsets, new LineIndex(after).lineStartOffsets, JSON.stringify({ before, after }));
      }),
      { numRuns: 500, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    // And as the reparse hands it on, after an edit that adds lines.
    const text = 'strategy "S" {\n  framework f\n}\n\npriority 1 "One" {\n}\n\npriority 2 "Two" {\n}\n';
    const first = parse(text);
    assert.ok(first.lines.lineCount > 0);
    const next = text.replace('priority 2', '\r\n\npriority 2');
    const r = reparse(first, text, next);
    assert.ok(r.edit, 'incremental');
    assert.deepEqual(r.result.lines.lineStartOffsets, new LineIndex(next).lineStartOffsets);
  });
});
