/**
 * Strategy: Open Report Preview in the packaged extension, used as a person
 * would: the preview button in the editor title opens the report beside the
 * strategy, a `file:line` in it takes the cursor to that line, and typing in
 * the strategy updates the report. Leaves report-preview.png in the
 * screenshots folder, and the document as it found it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbench, uiEnvironment } from './workbench.js';

/** A strategy of the test workspace that answers to a framework there: its report has every section. */
function strategyWithFramework(workspace: string): string {
  const dir = join(workspace, 'strategies');
  const files = readdirSync(dir).filter((f) => f.endsWith('.strategy')).sort();
  const frameworks = new Set(files.map((f) => /^framework\s+([A-Za-z0-9_.-]+)/m.exec(readFileSync(join(dir, f), 'utf8'))?.[1]).filter(Boolean));
  const found = files.find((f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    const named = /^\s+framework\s+([A-Za-z0-9_.-]+)/m.exec(text)?.[1];
    return /^strategy\b/m.test(text) && named !== undefined && frameworks.has(named) && /^\s*commitment\b/m.test(text);
  });
  if (!found) throw new Error('no strategy in the test workspace names a framework of the workspace');
  return found;
}

describe('the report preview in VS Code (code-server)', function () {
  const env = uiEnvironment();
  let wb: Workbench;
  let file: string;

  before(async function () {
    this.timeout(120_000);
    file = strategyWithFramework(env.workspace);
    wb = await Workbench.open(env);
    await wb.quickOpen(file);
    await wb.strategyStatus().filter({ hasText: /^\s*Strategy(: \d+)?\s*$/ }).waitFor({ timeout: 60_000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`failed-${this.currentTest.title.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}`);
  });

  after(async () => {
    await wb?.close();
  });

  const report = () => wb.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');

  it('opens beside the editor from the preview button in the editor title', async function () {
    this.timeout(90_000);
    await wb.page.locator('.editor-actions .action-label[aria-label*="Open Report Preview"]').first().click();
    await report().locator('h1', { hasText: 'Strategy report' }).waitFor({ timeout: 60_000 });
    await report().locator('h3', { hasText: 'Coverage of the national framework' }).waitFor();
    await wb.activeTab(`Report: `);
    // Two editor groups: the strategy on the left, the report beside it.
    assert.equal(await wb.page.locator('.editor-group-container').count(), 2);
    await report().locator('h3', { hasText: 'Gaps' }).scrollIntoViewIfNeeded();
    await wb.screenshot('report-preview');
  });

  it('takes the cursor to the line of a finding when its file:line is pressed', async function () {
    this.timeout(60_000);
    const place = report().locator('ul.findings button.place').nth(3);
    const line = Number(await place.getAttribute('data-line'));
    assert.ok(line > 1);
    await place.click();
    await wb.activeTab(file);
    await wb.cursorAt(line);
  });

  it('follows the text as the author types, and says so in the report', async function () {
    this.timeout(90_000);
    await wb.quickOpen(file);
    await wb.page.keyboard.press('Control+End');
    await wb.page.keyboard.type('\npriority 98 "Typed in the editor" {\ncommitment 1 "Check the preview follows"\n}\n');
    await report().locator('h4', { hasText: 'Priority 98 — Typed in the editor' }).waitFor({ timeout: 30_000 });
    await report().getByText('Commitment 1 has no owner').first().waitFor();
    // Leave the document as it was for the other suites: undo until it is clean.
    for (let i = 0; i < 20 && (await wb.page.locator('.tabs-container .tab.active.dirty').count()) > 0; i++) await wb.page.keyboard.press('Control+Z');
    assert.equal(await wb.page.locator('.tabs-container .tab.active.dirty').count(), 0);
    await report().locator('h4', { hasText: 'Priority 98' }).waitFor({ state: 'detached', timeout: 30_000 });
  });
});
