/**
 * Whatever it is given, the converter returns text that parses with no
 * problems, and never throws: seeds cut and shuffled, markup broken in every
 * way, characters the language must escape.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertText } from '../../client/converter/index.js';
import { parse } from '../../grammar/index.js';
import { SEEDS } from '../support/paths.js';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FRAGMENTS = [
  '# ', '## ', '### ', '**', '*', '***', '- ', '1. ', '2.1 ', '\t', '|', '| --- |', '<b>', '</b>', '<ul>', '<li>', '</li>', '</ul>', '<p>', '<table><tr><td>',
  '<sup>1</sup>', '"', '\\', '{', '}', '//', '/*', 'NI 40', 'NI', 'X', 'XX %', 'TBC', 'COMMITMENT 3', 'Key Priority 2 –', 'Local Targets:', 'National Aims:',
  'In the next three years we will:', 'Glossary', 'Strategic Objective\tKey Actions\tDepartmental Owner\tTiming', '3. Do a thing\tHO/MoJ\tBy end March 2009',
  'Lead: Public Health', 'Timescale: 2025/26', '?add para', '(add reference)', 'priority', 'commitment', 'framework', 'strategy', 'narrative', '\u201c', '\u201d',
  '\u0000', '\u200b', '\ufeff', '🙂', 'é', '\r', '\n', '\n\n', '    ', '---', 'Page 3 of 9', '[link](http://x)', '<https://x.org>', 'Vision: ', 'DRAFT',
  'Outcome\tAction\tMeasure\tTarget', 'Reduction Increase', '<ul style="x"> One thing Two thing', '2010 – 2013', 'from', 'to', 'by', 'ongoing',
];

function garbage(rand: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    const r = rand();
    if (r < 0.6) out += FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)]!;
    else if (r < 0.9) out += ['word', 'Words', 'CAPS', 'the', 'and', 'Drug', 'partnership', '2008', '42'][Math.floor(rand() * 9)]! + ' ';
    else out += String.fromCharCode(Math.floor(rand() * 0x2fff));
  }
  return out;
}

function assertConverts(text: string, name: string): void {
  let result;
  try {
    result = convertText(text, name);
  } catch (e) {
    assert.fail(`convertText threw on ${name}: ${e instanceof Error ? e.stack : String(e)}\n--- input ---\n${text.slice(0, 2000)}`);
  }
  const problems = parse(result.text).problems;
  assert.deepEqual(problems, [], `${name} gave text that does not parse:\n${result.text.slice(0, 3000)}`);
  assert.ok(result.report.coverage.ratio >= 0 && result.report.coverage.ratio <= 1);
}

describe('converter robustness', function () {
  this.timeout(120000);

  it('converts 400 documents of random markup into text that parses', () => {
    const rand = random(20240611);
    for (let n = 0; n < 400; n++) assertConverts(garbage(rand, 20 + Math.floor(rand() * 400)), `random-${n}.md`);
  });

  it('converts the seeds cut at random points and with their lines shuffled', () => {
    const rand = random(7);
    const seeds = readdirSync(SEEDS).filter((f) => /\.(?:txt|md)$/.test(f));
    for (const f of seeds) {
      const text = readFileSync(join(SEEDS, f), 'utf8');
      for (let k = 0; k < 15; k++) {
        const a = Math.floor(rand() * text.length);
        const b = a + Math.floor(rand() * (text.length - a));
        assertConverts(text.slice(a, b), `${f} [${a}, ${b})`);
      }
      const lines = text.split('\n');
      for (let i = lines.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      assertConverts(lines.join('\n'), `${f} shuffled`);
    }
  });

  it('converts empty, blank and one-character documents, and HTML with nothing in it', () => {
    for (const t of ['', ' ', '\n\n\n', '#', '*', '"', '\\', '\t', '<', '<html></html>', '<!doctype html><p></p>', '|', '1.', '- ']) assertConverts(t, JSON.stringify(t));
    assertConverts('<html><body><table><tr><td rowspan="99999">x</td></tr></table></body></html>', 'huge-rowspan.html');
  });

  it('escapes what the language must escape, so the words come back unchanged', () => {
    const title = 'A "quoted" \\ back\\slash { brace } // not a comment';
    const { text } = convertText(`# Northam Plan\n\nNortham will act.\n\n${title}\n`, 'x.md');
    const doc = parse(text);
    assert.deepEqual(doc.problems, []);
    assert.ok(doc.document.items.some((s) => s.kind === 'paragraph' && s.text.value === title));
  });
});
