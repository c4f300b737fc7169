/**
 * The packaged extension, installed from its .vsix with `code-server
 * --install-extension`, used as a person would: open a converted seed, read
 * the Problems panel, type a measure and pick from the suggestions, hover and
 * press F12 on a national action, convert a document from the explorer's
 * context menu. Each step leaves a screenshot in test-output/screenshots/.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { runCli } from '../../support/run-cli.js';
import { Workbench, uiEnvironment, type UiEnvironment } from './workbench.js';

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}

interface Seed {
  /** A strategy that names a framework of the workspace and has a measure and a commitment. */
  strategy: string;
  framework: string;
  /** The framework's first action, which the tests link a commitment to. */
  action: string;
  actionText: string;
  actionLine: number;
  measureLine: number;
  /** A commitment written on one line, without a block (1-based line, and its indentation). */
  commitmentLine: number;
  commitmentIndent: number;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function findSeed(env: UiEnvironment): Seed {
  const dir = join(env.workspace, 'strategies');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.strategy'))
    .sort()
    .map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
  for (const fw of files) {
    const id = /^\s*framework\s+([A-Za-z0-9_.-]+)\s+["\u201c]/m.exec(fw.text)?.[1];
    const action = /^[ \t]*action (\d+) "((?:[^"\\]|\\.)*)"/m.exec(fw.text);
    if (!id || !action) continue;
    const names = new RegExp(`^\\s*framework\\s+(?:[A-Za-z0-9_.-]+\\s*,\\s*)*${id.replace(/[.-]/g, '\\$&')}\\s*(?:,|$|//)`, 'm');
    for (const st of files) {
      if (st === fw || !names.test(st.text)) continue;
      const measure = /^[ \t]*measure NI ?\d+/m.exec(st.text);
      const commitment = /^([ \t]*)commitment\b[^\n{]*$/m.exec(st.text);
      if (!measure || !commitment) continue;
      return {
        strategy: st.path,
        framework: fw.path,
        action: action[1]!,
        actionText: action[2]!,
        actionLine: lineOf(fw.text, action.index + action[0].indexOf('action')),
        measureLine: lineOf(st.text, measure.index + measure[0].indexOf('measure')),
        commitmentLine: lineOf(st.text, commitment.index),
        commitmentIndent: commitment[1]!.length,
      };
    }
  }
  throw new Error('no strategy in the test workspace names a framework of the workspace and has a measure and a one-line commitment');
}

describe('the packaged extension, used in VS Code (code-server) as a person would', function () {
  const env = uiEnvironment();
  let wb: Workbench;
  let seed: Seed;

  before(async function () {
    this.timeout(120_000);
    seed = findSeed(env);
    wb = await Workbench.open(env);
  });

  afterEach(async function () {
    // A failing step leaves a picture of what the person would have seen.
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`failed-${this.currentTest.title.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}`);
  });

  after(async () => {
    await wb?.close();
  });

  it('was installed from the .vsix with the bundles and assets, and no sources, tests or node_modules', () => {
    const installed = readdirSync(env.extensions).find((d) => d.startsWith('strategy-tools.strategy-language-'));
    assert.ok(installed, `the extension in ${env.extensions}`);
    const root = join(env.extensions, installed);
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(relative(root, p));
      }
    };
    walk(root);
    // vsce stores README.md, CHANGELOG.md and LICENSE as readme.md, changelog.md and LICENSE.txt.
    const have = new Set(files.map((f) => f.toLowerCase()));
    for (const f of ['package.json', 'dist/extension.js', 'dist/server.js', 'dist/converter.js', 'syntaxes/strategy.tmLanguage.json', 'language-configuration.json', 'schemas/strategy.config.schema.json', 'images/icon.png', 'readme.md', 'changelog.md', 'LICENSE.txt', 'docs/rules/README.md']) {
      assert.ok(have.has(f.toLowerCase()), `${f} in ${files.join(', ')}`);
    }
    const unwanted = files.filter((f) => /\.ts$|^(client|server|grammar|test|seeds|node_modules|out|scripts|bench|\.ci|\.tools)\//.test(f));
    assert.deepEqual(unwanted, []);
  });

  it('opens a converted seed in the Strategy language, with the server running in the status bar', async () => {
    await wb.quickOpen(basename(seed.strategy));
    assert.equal(await wb.languageMode(), 'Strategy');
    // The extension's item says "Strategy" or "Strategy: N" once the server runs (not "starting", "stopped", "no server").
    await wb.strategyStatus().filter({ hasText: /^\s*Strategy(: \d+)?\s*$/ }).waitFor({ timeout: 60_000 });
  });

  it('lists the findings of `strategy lint` in the Problems panel', async function () {
    this.timeout(120_000);
    // The whole folder, as the editor sees it: the seed's framework is another file.
    const lint = await runCli(['lint', '-f', 'json', 'strategies'], { cwd: env.workspace });
    const expected = (JSON.parse(lint.stdout) as { filePath: string; messages: Finding[] }[]).filter((f) => f.filePath.endsWith(basename(seed.strategy))).flatMap((f) => f.messages);
    assert.ok(expected.length > 0, 'the seed has findings');
    await wb.page.keyboard.press('Control+Shift+M');
    const panel = wb.page.locator('.markers-panel .monaco-list').first();
    await panel.locator('.monaco-list-row').first().waitFor();
    // Only this file's problems: the panel's own filter box, as a person would narrow it down.
    const filter = wb.page.locator('.panel input[placeholder^="Filter"]').first();
    await filter.fill(basename(seed.strategy));
    // The file's row and its first finding, at least, once the filter has applied, and the panel's count of what it
    // shows is this file's: rows read before then can be another file's (the list re-renders as the filter applies).
    await panel.locator('.monaco-list-row').nth(1).waitFor();
    await wb.page.getByText(`Showing ${expected.length} of`).first().waitFor({ timeout: 30_000 });
    await wb.screenshot('problems');
    const rows = await wb.allRows(panel);
    const missing = expected.filter((f) => !rows.some((r) => r.includes(f.message)));
    assert.deepEqual(missing.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`), [], `rows: ${rows.slice(0, 5).join(' / ')}`);
    await filter.fill('');
    await wb.hidePanel();
  });

  it('suggests NI 40 with its title when typing `NI 4` in a measure', async function () {
    this.timeout(60_000);
    await wb.quickOpen(basename(seed.strategy));
    await wb.goTo(seed.measureLine, 1);
    await wb.endOfLine();
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.type('measure NI 4');
    const title = 'Number of drug users recorded as being in effective treatment';
    const row = wb.page.locator('.suggest-widget.visible .monaco-list-row').filter({ hasText: 'NI 40' }).first();
    if (!(await row.isVisible())) await wb.page.keyboard.press('Control+Space');
    await row.waitFor({ timeout: 20_000 });
    // The row shows the start of the title; the details beside it show all of it. A person moves down to
    // NI 40 (NI 4 itself may come first) and opens the details with Ctrl+Space.
    assert.match(await row.innerText(), new RegExp(title.slice(0, 30)));
    const focused = wb.page.locator('.suggest-widget.visible .monaco-list-row.focused');
    for (let i = 0; i < 20 && !/NI 40\b/.test(await focused.innerText()); i++) {
      const before = await focused.getAttribute('data-index');
      await wb.page.keyboard.press('ArrowDown');
      await wb.page.locator(`.suggest-widget.visible .monaco-list-row.focused:not([data-index="${before ?? ''}"])`).waitFor();
    }
    const details = wb.page.locator('.suggest-details-container').filter({ hasText: title }).first();
    if (!(await details.isVisible())) await wb.page.keyboard.press('Control+Space');
    await details.waitFor({ timeout: 10_000 });
    await wb.screenshot('completion');
    await wb.page.keyboard.press('Escape');
    await wb.command('File: Revert File');
    await wb.page.waitForSelector('.tabs-container .tab.active:not(.dirty)');
  });

  it('shows the national action’s text on hover over a `supports action N` the author types', async function () {
    this.timeout(60_000);
    await wb.quickOpen(basename(seed.strategy));
    // The author opens a block on a commitment and links it to a national action, as a person types it
    // (the editor closes the brace and indents the new line).
    await wb.goTo(seed.commitmentLine, 1);
    await wb.endOfLine();
    await wb.page.keyboard.type(' {');
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.type(`supports action ${seed.action}`);
    await wb.goTo(seed.commitmentLine + 1, seed.commitmentIndent + 2 + 'supports action '.length + 1);
    await wb.page.keyboard.press('Control+K');
    await wb.page.keyboard.press('Control+I');
    await wb.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: seed.actionText.slice(0, 50) }).first().waitFor({ timeout: 20_000 });
    await wb.screenshot('hover');
    await wb.page.keyboard.press('Escape');
  });

  it('goes to the action in the framework file with F12', async function () {
    this.timeout(60_000);
    // The cursor is still on the action's number from the previous step.
    await wb.cursorAt(seed.commitmentLine + 1);
    await wb.page.keyboard.press('F12');
    await wb.activeTab(basename(seed.framework));
    await wb.cursorAt(seed.actionLine);
    await wb.screenshot('definition');
    // Leave the strategy as it is on disk for the next step.
    await wb.page.locator(`.tabs-container .tab[aria-label*="${basename(seed.strategy)}"]`).first().click();
    await wb.activeTab(basename(seed.strategy));
    await wb.command('File: Revert File');
    await wb.page.waitForSelector('.tabs-container .tab.active:not(.dirty)');
  });

  it('converts a document from the explorer’s context menu, writes it beside the source and opens it', async function () {
    this.timeout(120_000);
    const source = readdirSync(join(env.workspace, 'sources')).find((f) => /gloucestershire/i.test(f)) ?? readdirSync(join(env.workspace, 'sources'))[0]!;
    const output = join(env.workspace, 'sources', source.replace(/\.[^.]+$/, '.strategy'));
    assert.ok(!existsSync(output));
    const explorer = wb.page.locator('.explorer-folders-view');
    const folderRow = explorer.locator('.monaco-list-row[aria-label="sources"], .monaco-list-row[aria-label^="sources,"], .monaco-list-row[aria-label^="sources "]').first();
    await folderRow.click();
    const sourceRow = explorer.locator(`.monaco-list-row[aria-label*="${source}"]`).first();
    await sourceRow.waitFor();
    await sourceRow.click({ button: 'right' });
    const item = wb.page.locator('.context-view .monaco-menu .action-item', { hasText: 'Convert Document to Strategy' }).first();
    await item.waitFor();
    await wb.screenshot('convert-menu');
    await item.click();
    // The command reports when it has written and opened the result; the strategies/ folder holds a file of the same name, so the tab must say "sources".
    await wb.page.locator('.notifications-toasts .notification-list-item', { hasText: 'Converted' }).first().waitFor({ timeout: 90_000 });
    assert.ok(existsSync(output), `${output} written`);
    await wb.page.locator('.tabs-container .tab.active', { hasText: 'sources' }).filter({ hasText: basename(output) }).waitFor();
    assert.equal(await wb.languageMode(), 'Strategy');
    await wb.screenshot('convert');

    // The author edits the result and saves it; converting again would replace that work, so VS Code asks, and Cancel leaves it alone.
    await wb.page.keyboard.press('Escape');
    await wb.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await wb.page.keyboard.press('Control+Home');
    await wb.page.keyboard.type('// checked by the policy team\n');
    await wb.page.keyboard.press('Control+S');
    await wb.page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: 'sources' }).waitFor();
    assert.match(readFileSync(output, 'utf8'), /^\/\/ checked by the policy team/);
    const before = statSync(output).mtimeMs;
    await sourceRow.click({ button: 'right' });
    await item.waitFor();
    await item.hover();
    await item.click();
    const dialog = wb.page.locator('.monaco-dialog-box', { hasText: 'already exists' });
    await dialog.waitFor({ timeout: 30_000 });
    await wb.screenshot('convert-ask');
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(statSync(output).mtimeMs, before);
    assert.ok(!existsSync(output.replace(/\.strategy$/, '-2.strategy')));
  });
});
