/**
 * The server's per-statement lint (server/analysis/block-lint.ts) must give
 * exactly `lintDocument`'s findings and suppressed findings, compared as
 * JSON, after random edits of the seeds, the fixtures and generated
 * documents, each linted in a workspace holding every seed and fixture (so
 * that framework references, duplicate ids across files and acronyms from a
 * framework's glossary all come into play).
 *
 * Replay a failure with `FUZZ_SEED=<seed> FUZZ_PATH=<path> npx mocha --no-config out/test/lsp/block-lint.test.js`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { reparse } from '../../grammar/incremental-parse.js';
import { BlockLinter, DOCUMENT_WIDE_RULES } from '../../server/analysis/block-lint.js';
import { analyseDocument } from '../../server/analysis/document-model.js';
import { DEFAULT_SETTINGS, lintDocument, type LintResult, type LintSettings } from '../../server/analysis/engine.js';
import { Workspace } from '../../server/analysis/workspace.js';
import { RULE_IDS } from '../../server/rules/registry.js';
import { FIXTURES, REPO, SEEDS } from '../support/paths.js';
import { strategyFiles } from '../support/strategy-files.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 60);
const SEED = process.env['FUZZ_SEED'] !== undefined ? Number(process.env['FUZZ_SEED']) : undefined;
const PATH = process.env['FUZZ_PATH'];

const json = (r: LintResult): string => JSON.stringify({ findings: r.findings, suppressed: r.suppressed });

/** Fragments that change findings: ids that clash, numbers out of sequence, acronyms, suppressions, notes, placeholders. */
const FRAGMENTS = [
  'x', '\n', '}', '{', '"', 'NI 40', 'NI 31', 'tbc', 'XX', 'CDRP', ' (CDRP)', '2031-01',
  'priority P1 "Again" {\n  commitment P1.1 "Clash" {\n    owner "DAAT"\n  }\n}\n',
  'priority P7 "Out of order" {\n  commitment P7.9 "Gap" {\n    supports action 999\n  }\n}\n',
  'glossary {\n  CDRP "Crime and Disorder Reduction Partnership"\n}\n',
  '// strategy-disable-next-line missing-owner\n', '// strategy-disable-file undefined-acronym\n', '// strategy-disable open-note\n',
  '  note "check with the NHS and the SMOG"\n', '  timing by 2030-01\n', '  target reduce XX% by 2011-03\n',
];

describe('per-statement lint (server)', function () {
  this.timeout(600_000);
  const workspace = new Workspace();
  const docs: { uri: string; text: string }[] = [];
  before(async () => {
    for (const f of [...strategyFiles(SEEDS), ...strategyFiles(FIXTURES)]) {
      const text = readFileSync(f, 'utf8');
      if (text.length > 400_000) continue;
      workspace.set(f, text);
      docs.push({ uri: f, text });
    }
    const generator = (await import(pathToFileURL(join(REPO, 'bench', 'generate-workspace.mjs')).href)) as {
      generatedStrategy(index: number, bytes: number, frameworkId?: string): string;
      generatedFramework(id: string): string;
    };
    workspace.set('/generated/national-0.strategy', generator.generatedFramework('national-0'));
    docs.push({ uri: '/generated/strategy.strategy', text: generator.generatedStrategy(3, 40 * 1024) });
  });

  // Chosen by index, so that a counterexample prints short.
  const SETTINGS: readonly LintSettings[] = [
    DEFAULT_SETTINGS,
    { ...DEFAULT_SETTINGS, catalogue: DEFAULT_SETTINGS.catalogue, knownAcronyms: new Set(['DAAT', 'SMOG']), severities: new Map([['open-note', 'off'], ['numbering-gap', 'error']]) },
  ];

  it('gives lintDocument’s findings after any sequence of edits', () => {
    let reused = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: SETTINGS.length - 1 }),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 200 })), insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })), lint: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        (which, settingsIndex, edits) => {
          const settings = SETTINGS[settingsIndex]!;
          const { uri, text: original } = docs[which % docs.length]!;
          const linter = new BlockLinter();
          let doc = analyseDocument(uri, original, 1);
          assert.equal(json(linter.lint(doc, workspace, settings, 0)), json(lintDocument(doc, workspace, settings)));
          let version = 1;
          for (const [n, e] of edits.entries()) {
            const at = Math.floor(e.at * doc.text.length);
            const next = doc.text.slice(0, at) + e.insert + doc.text.slice(Math.min(doc.text.length, at + e.remove));
            const re = reparse(doc.parsed, doc.text, next);
            doc = analyseDocument(uri, next, ++version, re.result);
            if (re.edit) reused++;
            // The server lints only the last of several quick edits: statements may have moved more than once since.
            if (!e.lint && n < edits.length - 1) continue;
            const got = linter.lint(doc, workspace, settings, 0);
            assert.equal(json(got), json(lintDocument(analyseDocument(uri, next, version), workspace, settings)), `${uri}: ${JSON.stringify(e)}`);
          }
        },
      ),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}), ...(PATH !== undefined ? { path: PATH } : {}) },
    );
    assert.ok(reused > 0, 'no edit was incremental');
  });

  it('names only rules that exist as document-wide', () => {
    for (const id of DOCUMENT_WIDE_RULES) assert.ok(RULE_IDS.includes(id), id);
  });
});
