/**
 * Property-based hardening (issue 10): the real seeds and fixtures, mutated
 * by fast-check (cuts, insertions of the fragments people and recovery
 * stumble on, duplicated and shuffled lines), must parse, lint, fix and
 * format without throwing; every range must lie inside its document; format
 * must be idempotent and keep the model; `--fix` must not add a syntax
 * error; and the time taken must stay within a generous bound per KB.
 *
 * A failure prints fast-check's seed and path; replay it with
 * `FUZZ_SEED=<seed> FUZZ_PATH=<path> npx mocha out/test/grammar/fuzz.test.js`.
 * FUZZ_RUNS raises the number of cases (default kept small for the unit suite).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import fc from 'fast-check';
import { format, parse, type Range } from '../../grammar/index.js';
import { applySafeFixes } from '../../server/analysis/fixes.js';
import { lintText } from '../support/lint.js';
import { FIXTURES, REPO, SEEDS } from '../support/paths.js';
import { withoutRanges } from '../support/strip.js';
import { strategyFiles } from '../support/strategy-files.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 200);
const SEED = process.env['FUZZ_SEED'] !== undefined ? Number(process.env['FUZZ_SEED']) : undefined;
const PATH = process.env['FUZZ_PATH'];

/** Generous: the point is to catch quadratic blow-ups, not to time the parser (bench/ does that). */
const BASE_MS = 400;
const MS_PER_KB = 60;

const CORPUS = [...strategyFiles(SEEDS), ...strategyFiles(FIXTURES)].map((file) => ({ name: relative(REPO, file), text: readFileSync(file, 'utf8') }));

const FRAGMENTS = ['{', '}', '"', '“', '”', '//', ' X ', 'NI 4', 'NI', '\n', '\r\n', 'commitment', 'owner', 'target from', 'by 2013-13', '%', ',', '/', 'tbc', "'", '\\', '2009/1', 'priority P9 "', '\u0000', '\ufeff', '\ud83d', '{{{{', '}}}}', 'section "s"', 'narrative', '\t', 'é'];

type Mutation =
  | { readonly kind: 'cut'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly fragment: string }
  | { readonly kind: 'duplicate-line'; readonly at: number; readonly times: number }
  | { readonly kind: 'swap-lines'; readonly a: number; readonly b: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), fragment: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat(), times: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    if (m.kind === 'cut') {
      const at = out.length === 0 ? 0 : m.at % out.length;
      out = out.slice(0, at) + out.slice(at + m.length);
    } else if (m.kind === 'insert') {
      const at = m.at % (out.length + 1);
      out = out.slice(0, at) + m.fragment + out.slice(at);
    } else {
      const lines = out.split('\n');
      if (m.kind === 'duplicate-line') {
        const i = m.at % lines.length;
        lines.splice(i, 0, ...Array<string>(m.times).fill(lines[i]!));
      } else {
        const a = m.a % lines.length;
        const b = m.b % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      }
      out = lines.join('\n');
    }
  }
  return out;
}

/**
 * The model as format must keep it: without positions, and without the
 * spelling of indicator codes, which the canonical layout normalises
 * (`NI-40` and `NI\t40` print as `NI 40`; the code is the same).
 */
function modelOf(text: string): unknown {
  return JSON.parse(
    JSON.stringify(withoutRanges(parse(text).document.items), function (this: Record<string, unknown>, key, v: unknown) {
      return key === 'text' && typeof this['code'] === 'number' ? undefined : v;
    }),
  );
}

function assertInside(range: Range, text: string, what: string): void {
  const { start, end } = range;
  assert.ok(start.offset >= 0 && end.offset <= text.length && start.offset <= end.offset, `${what}: range [${start.offset}, ${end.offset}] outside a text of ${text.length}`);
  assert.ok(start.line <= end.line && (start.line < end.line || start.character <= end.character), `${what}: range runs backwards`);
}

function check(name: string, text: string): void {
  const started = performance.now();
  const parsed = parse(text);
  for (const p of parsed.problems) {
    assertInside(p.range, text, `problem "${p.message}"`);
    assert.ok(p.message.length > 10 && !/undefined|NaN|\[object/.test(p.message), `message: ${p.message}`);
  }
  const findings = lintText(text);
  for (const f of findings) {
    assertInside(f.range, text, `${f.ruleId}: ${f.message}`);
    for (const fix of [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])]) for (const e of fix.edits) assertInside(e.range, text, `${f.ruleId} fix "${fix.title}"`);
  }
  const fixed = applySafeFixes(text, findings);
  if (parsed.problems.length === 0) assert.deepEqual(parse(fixed).problems, [], `${name}: --fix added a syntax error`);
  const formatted = format(text);
  if (formatted.ok) {
    const again = format(formatted.text);
    assert.ok(again.ok, `${name}: formatted text does not parse`);
    assert.equal(again.text, formatted.text, `${name}: format is not idempotent`);
    assert.deepEqual(modelOf(formatted.text), modelOf(text), `${name}: format changed the model`);
  }
  let ms = performance.now() - started;
  const bound = BASE_MS + MS_PER_KB * (text.length / 1024);
  // A shared machine pauses now and then: over the bound, time parse and lint again and keep the best of three.
  for (let retry = 0; retry < 2 && ms > bound; retry++) {
    const again = performance.now();
    parse(text);
    lintText(text);
    format(text);
    ms = Math.min(ms, performance.now() - again);
  }
  assert.ok(ms <= bound, `${name}: ${ms.toFixed(0)} ms for ${(text.length / 1024).toFixed(1)} KB, over ${bound.toFixed(0)} ms`);
}

describe('fuzz: mutated seeds and fixtures (fast-check)', function () {
  this.timeout(240_000);

  it(`the corpus is real: ${CORPUS.length} documents from seeds/ and test/fixtures/`, () => {
    assert.ok(CORPUS.length >= 10, 'seeds and fixtures found');
    for (const doc of CORPUS) check(doc.name, doc.text);
  });

  it('mutated documents never throw, keep ranges inside, format idempotently to the same model, in time linear in their size', () => {
    fc.assert(
      fc.property(fc.nat({ max: CORPUS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 12 }), (which, mutations) => {
        const doc = CORPUS[which]!;
        check(`${doc.name} with ${JSON.stringify(mutations)}`, mutate(doc.text, mutations));
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}), ...(PATH !== undefined ? { path: PATH } : {}), endOnFailure: true },
    );
  });

  it('documents scaled up (lines repeated hundreds of times) stay linear', () => {
    fc.assert(
      fc.property(fc.nat({ max: CORPUS.length - 1 }), fc.integer({ min: 50, max: 400 }), fc.nat(), (which, times, at) => {
        const doc = CORPUS[which]!;
        check(`${doc.name} with a line repeated ${times} times`, mutate(doc.text, [{ kind: 'duplicate-line', at, times }]));
      }),
      { numRuns: Math.max(5, Math.round(RUNS / 6)), ...(SEED !== undefined ? { seed: SEED } : {}), endOnFailure: true },
    );
  });
});
