/**
 * Runs the extension-host suite (host/index.ts) inside code-server's real
 * extension host, the route of /work/shared/design/real-vscode-testing.md:
 * code-server must run with `--vscode-option enable-smoke-test-driver`; this
 * opens its workbench in headless Chromium with a `payload` naming the
 * extension under development and the tests, and waits for the workbench to
 * call `window.codeAutomationExit(code)` when the extension host exits.
 *
 *   node out/test/vscode/run-in-code-server.js --url http://127.0.0.1:PORT --folder WS
 *        --dev EXTENSION_DIR --tests out/test/vscode/host/index [--env JSON] [--timeout MS]
 *
 * Exit status: 0 when every test passed, 1 when any failed, 2 when the run
 * itself broke (no browser, timeout).
 */
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

function option(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : fallback;
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

/** code-server's remote authority is "remote"; the payload's paths must be vscode-remote URIs (file:// ones are ignored). */
function remote(path: string): string {
  return `vscode-remote://remote${resolve(path)}`;
}

async function main(): Promise<number> {
  const url = option('url');
  const folder = resolve(option('folder'));
  const timeoutMs = Number(option('timeout', '600000'));
  const payload: [string, string][] = [
    ['extensionDevelopmentPath', remote(option('dev'))],
    ['extensionTestsPath', remote(option('tests'))],
    ['extensionEnvironment', option('env', '{}')],
  ];
  const started = Date.now();
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let exited: (code: number) => void = () => undefined;
    const exit = new Promise<number>((r) => (exited = r));
    // Exposed before the page loads: the workbench looks for it when the test extension host exits.
    await page.exposeFunction('codeAutomationExit', (code: number) => exited(code));
    page.on('console', (m) => {
      const text = m.text();
      for (const tag of ['[test]', '[metric]']) {
        const at = text.indexOf(tag);
        if (at >= 0) console.log(text.slice(at).replace(/\s+$/, ''));
      }
    });
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    await page.goto(`${url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
    const code = await Promise.race([exit, timeout]);
    clearTimeout(timer);
    console.log(`[runner] extension host exited with ${code} after ${Date.now() - started} ms`);
    return code === 0 ? 0 : code === 'timeout' ? 2 : 1;
  } finally {
    await browser.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
