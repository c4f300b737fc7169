/**
 * Regression cases of issue 10 ("never crash, never lose a byte") for the
 * grammar: huge lists, deep nesting, runs of stray tokens, binary content and
 * the cap on syntax problems. Each document here used to crash the parser
 * (stack overflow) or flood the output.
 */
import assert from 'node:assert/strict';
import { format, parse } from '../../grammar/index.js';
import { MAX_NESTING_DEPTH, MAX_SYNTAX_PROBLEMS } from '../../grammar/parse.js';
import { LineIndex } from '../../grammar/positions.js';

function depthOf(items: readonly unknown[]): number {
  let deepest = 0;
  const stack: [readonly unknown[], number][] = [[items, 1]];
  while (stack.length > 0) {
    const [list, depth] = stack.pop()!;
    for (const s of list as { items?: unknown[] }[]) {
      if (s.items && s.items.length > 0) stack.push([s.items, depth + 1]);
      deepest = Math.max(deepest, depth);
    }
  }
  return deepest;
}

describe('grammar: hardening (issue 10)', () => {
  it('a list of 130,000 statements parses (it overflowed the stack in items.push(...list))', () => {
    const r = parse('note "n"\n'.repeat(130_000));
    assert.equal(r.problems.length, 0);
    assert.equal(r.document.items.length, 130_000);
  });

  it('400 nested blocks are one problem, "nested deeper than", and the document parses on', () => {
    const n = 400;
    const text = `${'priority "p" {\n'.repeat(n)}${'}\n'.repeat(n)}priority "after" {}\n`;
    const r = parse(text);
    const deep = r.problems.filter((p) => /nested deeper than 32 levels/.test(p.message));
    assert.equal(deep.length, 1);
    assert.equal(deep[0]!.range.start.line, MAX_NESTING_DEPTH);
    assert.ok(depthOf(r.document.items) <= MAX_NESTING_DEPTH + 1);
    const last = r.document.items[r.document.items.length - 1] as { title?: { value: string } };
    assert.equal(last.title?.value, 'after', 'what follows the deep part is still read');
    assert.equal(format(text).ok, false, 'a document with a part left out is never rewritten');
  });

  it('a stray `{` inside a block nested too deep is left out with it; one outside is reported and what it holds is read', () => {
    const deep = 'priority "p" {\n'.repeat(MAX_NESTING_DEPTH + 2);
    const text = `${deep}note "deep" { }\ncommitment "c" {}\n${'}\n'.repeat(MAX_NESTING_DEPTH + 2)}priority "q" {\n  note "x" { }\n  { commitment "held" {} }\n  commitment "after" {}\n}\n`;
    const r = parse(text);
    assert.deepEqual(
      r.problems.filter((p) => !p.message.includes('cannot stand in')).map((p) => `${p.range.start.line}: ${p.message.slice(0, 40)}`),
      [
        `${MAX_NESTING_DEPTH}: Blocks are nested deeper than 32 levels `,
        `${MAX_NESTING_DEPTH * 2 + 7}: This \`{\` opens no block: \`note\` takes no`,
        `${MAX_NESTING_DEPTH * 2 + 8}: This \`{\` opens no block: \`note\` takes no`,
      ],
    );
    const q = r.document.items[r.document.items.length - 1] as unknown as { items: { kind: string; title?: { value: string }; text?: { value: string } }[] };
    assert.deepEqual(q.items.map((s) => `${s.kind} ${(s.title ?? s.text)?.value}`), ['note x', 'commitment held', 'commitment after']);
  });

  it('178 unclosed blocks and 20,000 `{` do not crash, and report at most the cap and one "and N more"', () => {
    for (const text of ['commitment "x" {\n'.repeat(178), '{'.repeat(20_000)]) {
      const r = parse(text);
      assert.equal(r.problems.length, MAX_SYNTAX_PROBLEMS + 1);
      const closing = r.problems[MAX_SYNTAX_PROBLEMS]!;
      assert.match(closing.message, /^…and \d+ more syntax problems \(only the first 100 are reported\)/);
      assert.ok((closing.omitted ?? 0) > 0);
    }
  });

  it('runs of tokens that cannot start a statement do not recurse in recovery (5,000 `% note "x"`, in a block and at the top)', () => {
    const run = '% note "x"\n'.repeat(5000);
    for (const text of [run, `priority "p" {\n${run}}\n`]) {
      const r = parse(text);
      assert.ok(r.problems.length > 0 && r.problems.length <= MAX_SYNTAX_PROBLEMS + 1);
      assert.match(r.problems[0]!.message, /Unexpected `%`|Expected a statement/);
    }
  });

  it('5,000 braces that open no block (`{ note "x" }`, `note "x" { }`) are reported, not recursed on', () => {
    for (const text of ['priority "p" {\n' + '{ note "x" }\n'.repeat(5000) + '}\n', '{ note "x" }\n'.repeat(5000), 'priority "p" {\n' + 'note "x" { }\n'.repeat(5000) + '}\n']) {
      const r = parse(text);
      assert.equal(r.problems.length, MAX_SYNTAX_PROBLEMS + 1);
      assert.match(r.problems[0]!.message, /opens no block/);
    }
    const one = parse('priority "p" {\n  note "x" { }\n}\n');
    assert.deepEqual(one.problems.map((p) => p.message), ['This `{` opens no block: `note` takes none. Remove it, and the `}` that closes it.']);
  });

  it('1,000 `section "s"` lines without braces do not nest in recovery (an invented `{` took in the rest)', () => {
    const r = parse('section "s"\n'.repeat(1000));
    assert.equal(depthOf(r.document.items), 1);
  });

  it('binary content is one problem, not thousands', () => {
    let bytes = '';
    let seed = 7;
    for (let i = 0; i < 200_000; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bytes += String.fromCharCode(seed >>> 24);
    }
    const text = Buffer.from(bytes, 'latin1').toString('utf8');
    const r = parse(text);
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0]!.message, /looks like a binary file/);
    assert.equal(r.document.items.length, 0);
  });

  it('one NUL inside quoted text is still text', () => {
    assert.deepEqual(parse('note "a\u0000b"\n').problems, []);
  });

  it('a position past the end of a line is that line\'s end, never the next line (LineIndex.offsetAt)', () => {
    const lines = new LineIndex('ab\r\ncd\nef');
    assert.equal(lines.offsetAt(0, 99), 2);
    assert.equal(lines.offsetAt(1, 99), 6);
    assert.equal(lines.offsetAt(2, 99), 9);
    assert.equal(lines.offsetAt(1, 1), 5);
  });
});
