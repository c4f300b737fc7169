/**
 * The output formats' contract with the lint workers: a file's part is plain
 * data made from that file alone, so parts made on another thread (copied
 * by structured clone) join into the same output, and SARIF's artifact
 * index, which only the joiner knows, lands in each result and nowhere else.
 */
import assert from 'node:assert/strict';
import { LineIndex } from '../../grammar/positions.js';
import { createFormatter, OUTPUT_FORMATS } from '../../server/cli/formatters/index.js';
import fc from 'fast-check';
import { countFindings, type FileResult } from '../../server/cli/lint-result.js';
import { ruleDocsUrl } from '../../server/rules/docs-url.js';
import type { Finding, TextEdit } from '../../server/rules/rule.js';

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

/** The json format's layout, written out: a rewrite of the formatter (for speed) must keep it byte for byte. */
function referenceJsonPart(r: FileResult): string {
  const edit = (e: TextEdit) => ({ range: [e.range.start.offset, e.range.end.offset], text: e.newText });
  const message = (f: Finding) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    docs: ruleDocsUrl(f.ruleId),
    message: f.message,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    ...(f.related?.length ? { related: f.related.map((x) => ({ uri: x.uri, line: x.range.start.line + 1, column: x.range.start.character + 1, message: x.message })) } : {}),
    ...(f.fix ? { fix: { title: f.fix.title, edits: f.fix.edits.map(edit) } } : {}),
    ...(f.suggestions?.length ? { suggestions: f.suggestions.map((s) => ({ title: s.title, edits: s.edits.map(edit) })) } : {}),
  });
  const c = countFindings(r.findings);
  const entry = {
    filePath: r.display,
    messages: r.findings.map(message),
    errorCount: c.errors,
    warningCount: c.warnings,
    infoCount: c.infos,
    fixableCount: c.fixable,
    ...(r.output !== undefined ? { output: r.output } : {}),
  };
  return JSON.stringify([entry], null, 2).slice(4, -2);
}

describe('json format', () => {
  // Texts with what JSON escapes: quotes, backslashes, control characters, line breaks, lone surrogates, non-ASCII.
  const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '"', '\\', '\n', '\t', '\u0001', '\u2028', 'é', '\ud800', '\udc00', '/', '{'), maxLength: 12 });
  const position = fc.record({ line: fc.nat(5000), character: fc.nat(300), offset: fc.nat(1 << 24) });
  const range = fc.record({ start: position, end: position });
  const edits = fc.array(fc.record({ range, newText: text }), { maxLength: 3 });
  const fixArb = fc.record({ title: text, edits });
  const finding: fc.Arbitrary<Finding> = fc.record(
    {
      ruleId: fc.constantFrom('missing-owner', 'syntax-error', 'undefined-acronym', 'duplicate-id'),
      severity: fc.constantFrom('error', 'warning', 'info'),
      message: text,
      range,
      related: fc.array(fc.record({ uri: text, range, message: text }), { maxLength: 2 }),
      fix: fixArb,
      suggestions: fc.array(fixArb, { maxLength: 2 }),
    },
    { requiredKeys: ['ruleId', 'severity', 'message', 'range'] },
  );

  it('writes each file’s entry as JSON.stringify with an indent of 2 did, on random findings', () => {
    const formatter = createFormatter('json', { cwd: '/w', version: '1.0.0', colour: false });
    fc.assert(
      fc.property(text, fc.array(finding, { maxLength: 6 }), fc.option(text, { nil: undefined }), (display, findings, output) => {
        const r: FileResult = { path: `/w/${display}`, display, text: '', lines: new LineIndex(''), findings, ...(output !== undefined ? { output } : {}) };
        assert.equal(formatter.part(r), referenceJsonPart(r));
      }),
      { numRuns: 500 },
    );
  });

  it('joins the parts into one JSON array', () => {
    const formatter = createFormatter('json', { cwd: '/w', version: '1.0.0', colour: false });
    const joiner = formatter.join();
    let out = '';
    for (const f of FILES) out += joiner.add(formatter.part(f));
    out += joiner.end();
    const parsed = JSON.parse(out) as { filePath: string; messages: unknown[] }[];
    assert.deepEqual(
      parsed.map((p) => [p.filePath, p.messages.length]),
      [['a.strategy', 2], ['b.strategy', 0], ['c.strategy', 3]],
    );
    assert.equal(out, `${JSON.stringify(parsed, null, 2)}\n`);
  });
});

describe('sarif format', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '"', '\\', '\n', '\t', '\u0001', '\u2028', 'é', '\ud800', '\udc00', '/', '{', ':'), maxLength: 12 });
  const position = fc.record({ line: fc.nat(50), character: fc.nat(300), offset: fc.nat(1 << 24) });
  const range = fc.record({ start: position, end: position });
  // Paths are well-formed text (a lone surrogate cannot be percent-encoded into a URI).
  const path = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '"', '\\', '%', 'é', '/', '#', '?'), minLength: 1, maxLength: 12 });
  const fixArb = fc.record({ title: text, edits: fc.array(fc.record({ range, newText: text }), { maxLength: 3 }) });
  const finding: fc.Arbitrary<Finding> = fc.record(
    {
      ruleId: fc.constantFrom('missing-owner', 'syntax-error', 'undefined-acronym', 'duplicate-id'),
      severity: fc.constantFrom('error', 'warning', 'info'),
      // Messages that quote the artifact index as its placeholder reads, and as a result's text around it reads.
      message: fc.oneof(text, fc.constant('"index": -1'), fc.constant('"index": -1,\n "region": {')),
      range,
      related: fc.array(fc.record({ uri: fc.oneof(path, fc.constant('/w/a.strategy')), range, message: text }), { maxLength: 2 }),
      fix: fixArb,
    },
    { requiredKeys: ['ruleId', 'severity', 'message', 'range'] },
  );
  const fileArb = fc.record({ display: path, findings: fc.array(finding, { maxLength: 4 }) });

  it('writes the log as JSON.stringify with an indent of 2 would, each result naming its own file’s artifact index, on random findings', () => {
    const formatter = createFormatter('sarif', { cwd: '/w', version: '1.0.0', colour: false });
    fc.assert(
      fc.property(fc.array(fileArb, { maxLength: 4 }), (files) => {
        const joiner = formatter.join();
        const body = 'line one\nline two\n';
        for (const f of files) joiner.add(structuredClone(formatter.part({ path: `/w/${f.display}`, display: f.display, text: body, lines: new LineIndex(body), findings: f.findings })));
        const out = joiner.end();
        const log = JSON.parse(out) as { runs: { results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { index: number } } }[] }[] }[] };
        assert.equal(out, `${JSON.stringify(log, null, 2)}\n`);
        const expected = files.flatMap((f, i) => f.findings.map((x) => [x.message, i]));
        assert.deepEqual(
          log.runs[0]!.results.map((r) => [r.message.text, r.locations[0]!.physicalLocation.artifactLocation.index]),
          expected,
        );
      }),
      { numRuns: 300 },
    );
  });
});
