/**
 * The report preview request over the real server (stdio): the same report
 * as `strategy report` on the same files, its numbers equal to the
 * diagnostics the editor shows, updated with the document's text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_PREVIEW_REQUEST, type ReportPreviewParams, type ReportPreviewResult } from '../../server/lsp/protocol.js';
import { runCli } from '../support/run-cli.js';
import { LspClient, uriOfPath, WORKSPACE_FIXTURES } from './support/lsp-client.js';

const GLOUCESTERSHIRE = join(WORKSPACE_FIXTURES, 'gloucestershire.strategy');
const GLOS = uriOfPath(GLOUCESTERSHIRE);

describe('language server: report preview', function () {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ folders: [WORKSPACE_FIXTURES] });
    await client.ready();
  });
  after(() => client.stop());

  const preview = (uri: string) =>
    client.connection.sendRequest(REPORT_PREVIEW_REQUEST, { uri, nonce: 'n0nce', cspSource: 'vscode-webview://x' } satisfies ReportPreviewParams) as Promise<ReportPreviewResult | null>;

  it('renders the open document’s report with the findings its diagnostics show', async () => {
    const diagnostics = await client.openAndWait(GLOUCESTERSHIRE);
    const r = (await preview(GLOS))!;
    assert.ok(r, 'a report');
    assert.equal(r.files['gloucestershire.strategy'], GLOS);
    assert.match(r.files['drugs-2008.strategy']!, /^file:.*drugs-2008\.strategy$/);
    assert.match(r.html, /Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;nonce-n0nce&#39;; script-src &#39;nonce-n0nce&#39;/);
    assert.match(r.html, /<script nonce="n0nce">/);
    const buttons = r.body.match(/<button type="button" class="place" data-file="gloucestershire\.strategy"/g) ?? [];
    assert.ok(buttons.length >= diagnostics.length, `${buttons.length} links for ${diagnostics.length} diagnostics`);
    const total = new RegExp(`${diagnostics.length} finding`);
    assert.match(r.body, total);
    // The same numbers as the CLI's report of the folder's files.
    const cli = await runCli(['report', 'gloucestershire.strategy', 'drugs-2008.strategy', '--format', 'json'], { cwd: WORKSPACE_FIXTURES });
    const model = JSON.parse(cli.stdout) as { documents: { file: string; overview: { findings: { errors: number; warnings: number; infos: number } } }[] };
    const f = model.documents.find((d) => d.file === 'gloucestershire.strategy')!.overview.findings;
    assert.equal(f.errors + f.warnings + f.infos, diagnostics.length);
  });

  it('follows the text as the author types', async () => {
    const text = readFileSync(GLOUCESTERSHIRE, 'utf8');
    await client.change(GLOS, `${text}\npriority 99 "Added while typing" {\n  commitment 1 "A new commitment with no owner"\n}\n`);
    const r = (await preview(GLOS))!;
    assert.match(r.body, /Priority 99 — Added while typing/);
    assert.match(r.body, /Commitment 1 has no owner/);
    assert.equal(r.version, 2);
  });

  it('answers null for a document it does not know', async () => {
    assert.equal(await preview('file:///nowhere/at-all.strategy'), null);
  });
});
