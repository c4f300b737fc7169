/**
 * The output formats' contract with the lint workers: a file's part is plain
 * data made from that file alone, so parts made on another thread (copied
 * by structured clone) join into the same output, and SARIF's artifact
 * index, which only the joiner knows, lands in each result and nowhere else.
 */
import assert from 'node:assert/strict';
import { LineIndex } from '../../grammar/positions.js';
import { createFormatter, OUTPUT_FORMATS } from '../../server/cli/formatters/index.js';
import type { FileResult } from '../../server/cli/lint-result.js';
import type { Finding } from '../../server/rules/rule.js';

const at = (line: number, character: number) => ({ line, character, offset: line * 20 + character });

function file(name: string, messages: readonly string[]): FileResult {
  const text = `${messages.map((_, i) => `line ${i} of ${name}`).join('\n')}\n`;
  const findings: Finding[] = messages.map((message, i) => ({ ruleId: i % 2 ? 'open-note' : 'missing-owner', severity: i % 3 ? 'warning' : 'error', message, range: { start: at(i, 0), end: at(i, 4) } }));
  return { path: `/w/${name}`, display: name, text, lines: new LineIndex(text), findings };
}

// Messages that quote what a SARIF result's artifact index looks like before the joiner fills it in.
const FILES = [file('a.strategy', ['"index": -1', 'plain']), file('b.strategy', []), file('c.strategy', ['\\"index\\": -1 and "index": -1', 'x', 'y'])];

describe('output formats: parts made on one thread, joined on another', () => {
  for (const format of OUTPUT_FORMATS) {
    it(`${format}: parts copied by structured clone join into the same output`, () => {
      const formatter = createFormatter(format, { cwd: '/w', version: '1.0.0', colour: format === 'stylish' });
      const direct = formatter.join();
      const copied = formatter.join();
      let a = '';
      let b = '';
      for (const f of FILES) {
        const part = formatter.part(f);
        a += direct.add(part);
        b += copied.add(structuredClone(part));
      }
      a += direct.end();
      b += copied.end();
      assert.equal(b, a);
      assert.ok(a.includes('plain'), 'the findings are in the output');
    });
  }

  it('sarif: each result names its own file’s artifact index, and messages quoting the placeholder stay as written', () => {
    const formatter = createFormatter('sarif', { cwd: '/w', version: '1.0.0', colour: false });
    const joiner = formatter.join();
    for (const f of FILES) joiner.add(formatter.part(f));
    const log = JSON.parse(joiner.end()) as { runs: { artifacts: { location: { uri: string } }[]; results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; index: number } } }[] }[] }[] };
    const run = log.runs[0]!;
    assert.deepEqual(
      run.artifacts.map((x) => x.location.uri),
      ['a.strategy', 'b.strategy', 'c.strategy'],
    );
    assert.deepEqual(
      run.results.map((r) => [r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.artifactLocation.index]),
      [['a.strategy', 0], ['a.strategy', 0], ['c.strategy', 2], ['c.strategy', 2], ['c.strategy', 2]],
    );
    assert.deepEqual(
      run.results.map((r) => r.message.text),
      ['"index": -1', 'plain', '\\"index\\": -1 and "index": -1', 'x', 'y'],
    );
  });
});
