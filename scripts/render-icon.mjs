// Renders images/icon.svg to images/icon.png (128×128), the extension's icon:
// VS Code and the Marketplace need a PNG. Uses the Debian chromium that the
// real-VS-Code suites install (scripts/vscode-test/install-tools.sh).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const svg = readFileSync(`${root}images/icon.svg`, 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: `${root}images/icon.png`, omitBackground: true });
  console.log('wrote images/icon.png');
} finally {
  await browser.close();
}
