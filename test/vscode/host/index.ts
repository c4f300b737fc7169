/**
 * The extension-host test entry: VS Code (desktop through @vscode/test-electron,
 * or code-server through its `payload` route) loads this module inside the
 * extension host and awaits run(). Resolving ends the host with exit code 0,
 * rejecting with 1; CI also gets a tally file (TEST_RESULTS_FILE) in the format
 * of scripts/mocha-reporter.cjs, and one console line per test, since
 * code-server forwards the extension host's console to the browser page.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'base' });
  const only = process.env['STRATEGY_VSCODE_GREP'];
  if (only) mocha.grep(only);
  for (const f of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, f));
  const resultsFile = process.env['TEST_RESULTS_FILE'];
  const suite = process.env['STRATEGY_TEST_SUITE'] ?? 'vscode-extension-host';
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes, pending } = runner.stats ?? { passes: 0, pending: 0 };
      if (resultsFile) writeFileSync(resultsFile, `${JSON.stringify({ suite, passed: passes, failed: failures, pending })}\n`);
      console.log(`[test] done: ${passes} passing, ${failures} failing, ${pending} pending in ${Date.now() - started} ms`);
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
    runner.on('pass', (t) => console.log(`[test] ok   ${t.fullTitle()} (${t.duration ?? 0} ms)`));
    runner.on('pending', (t) => console.log(`[test] skip ${t.fullTitle()}`));
    runner.on('fail', (t, err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      console.log(`[test] FAIL ${t.fullTitle()}\n${e.stack ?? e.message}`);
    });
  });
}
