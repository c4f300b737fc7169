/**
 * Diagnostics reused across edits (server/lsp/diagnostics.ts's
 * `DiagnosticConverter`, whose bytes message-encoder.ts keeps): after each
 * edit the published diagnostics of an edited document are exactly those a
 * fresh document of the same text gets, over the real server on stdio. The
 * edits move findings in place (typing on a line, lines added and removed
 * above them), add and remove findings, and touch related locations.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { copyFolder, LspClient, uriOfPath, WORKSPACE_FIXTURES } from './support/lsp-client.js';

/** The same text edited step by step: each step a function of the last text. */
const STEPS: readonly [string, (text: string) => string][] = [
  ['a character typed in a title (offsets move, lines do not)', (t) => t.replace('commitment P1.1 "', 'commitment P1.1 "x')],
  ['a blank line added above later findings (their lines move)', (t) => t.replace('priority P3 ', '\npriority P3 ')],
  ['a commitment without owner or target added (new findings)', (t) => t.replace('  commitment P1.2 ', '  commitment P1.9 "New work" { }\n  commitment P1.2 ')],
  ['a duplicate id (a finding with a related location)', (t) => t.replace('  commitment P1.9 "New work" { }\n', '  commitment P1.1 "Again" { }\n')],
  ['a line removed above the duplicate (its related location moves)', (t) => t.replace(/\n\n(?=priority P1 )/, '\n')],
  ['the title typed back (a finding leaves its line as it was)', (t) => t.replace('commitment P1.1 "x', 'commitment P1.1 "')],
  ['two lines added at once, further up', (t) => t.replace('priority P1 ', '// a note\n// another\npriority P1 ')],
];

describe('language server: diagnostics reused across edits', function () {
  let copy: { path: string; remove: () => void };
  let client: LspClient;
  before(async () => {
    copy = copyFolder(WORKSPACE_FIXTURES);
    client = await LspClient.start({ folders: [copy.path] });
    await client.ready();
  });
  after(async () => {
    await client.stop();
    copy.remove();
  });

  it('publishes after each edit what a fresh document of the same text shows', async () => {
    const path = join(copy.path, 'gloucestershire.strategy');
    const uri = uriOfPath(path);
    let text = readFileSync(path, 'utf8');
    await client.openAndWait(path, text);
    let scratch = 0;
    let moved = 0;
    let version = 1;
    for (const [what, step] of STEPS) {
      const next = step(text);
      assert.notEqual(next, text, `the step applies: ${what}`);
      text = next;
      const expected = ++version;
      const published = client.nextDiagnostics(uri, (p) => p.version === expected);
      assert.equal(await client.change(uri, text), expected);
      const edited = (await published).diagnostics;
      // A fresh document of the same text: nothing cached for it. Its related locations in itself name it.
      const freshUri = uriOfPath(join(copy.path, `fresh-${scratch++}.strategy`));
      const fresh = await client.openAndWait(join(copy.path, 'unused'), text, freshUri);
      await client.close(freshUri);
      const asEdited = (ds: Diagnostic[]): Diagnostic[] => JSON.parse(JSON.stringify(ds).split(freshUri).join(uri)) as Diagnostic[];
      assert.deepEqual(edited, asEdited(fresh), what);
      assert.ok(edited.length > 0, `${what}: there are findings to reuse`);
      if (edited.some((d) => d.relatedInformation?.some((r) => r.location.uri === uri))) moved++;
    }
    assert.ok(moved >= 2, 'related locations in the document itself were checked after moving');
  });
});
