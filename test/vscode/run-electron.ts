/**
 * `npm run test:vscode`: the extension-host suite in desktop VS Code through
 * @vscode/test-electron, on machines that can download VS Code. (Where they
 * cannot, .ci/suites/vscode.sh runs the same suite in code-server.)
 */
import { runTests } from '@vscode/test-electron';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../support/paths.js';
import { prepareWorkspace } from './workspace.js';

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'strategy-vscode-'));
  const ws = prepareWorkspace(join(scratch, 'ws'));
  console.log(`test workspace: ${ws.root} (strategy documents from ${ws.origin})`);
  await runTests({
    // The extension host of VS Code 1.95 is Node 20, which the CLI the tests call refuses: use a current VS Code.
    version: process.env['VSCODE_VERSION'] ?? 'stable',
    extensionDevelopmentPath: REPO,
    extensionTestsPath: join(REPO, 'out', 'test', 'vscode', 'host', 'index'),
    launchArgs: [ws.root, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(scratch, 'user-data'), '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { STRATEGY_TEST_SUITE: 'vscode-desktop', ...(process.env['TEST_RESULTS_FILE'] ? { TEST_RESULTS_FILE: process.env['TEST_RESULTS_FILE'] } : {}) },
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
