/**
 * The report in a real browser: axe-core finds no WCAG 2.2 A/AA violation
 * (nor a best-practice one) in the report of every seed, all seeds together,
 * a national view and the editor preview; the page fetches nothing; it prints
 * one document per page; and the screenshots in docs/images come from here.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REPO } from '../support/paths.js';
import { testReports, type NamedReport } from '../report/seed-reports.js';
import { launchChromium } from './chromium.js';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = join(REPO, 'test-output', 'screenshots');

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[];
  passes: unknown[];
}

async function axe(page: Page): Promise<AxeResult> {
  await page.addScriptTag({ content: AXE_SOURCE });
  // A string, not a function: this project compiles without the DOM's types.
  return page.evaluate(`(async () => {
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] });
    return { violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })), passes: r.passes };
  })()`) as Promise<AxeResult>;
}

describe('the report in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let reports: NamedReport[];
  before(async () => {
    browser = await launchChromium();
    reports = await testReports();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => browser?.close());

  async function open(html: string, width = 1100): Promise<{ page: Page; requests: string[] }> {
    // bypassCSP lets the test inject axe-core; the page's own policy is checked by the request log and the preview test.
    const context = await browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
    });
    await page.setContent(html, { waitUntil: 'load' });
    return { page, requests };
  }

  it('has no accessibility violations (axe-core, WCAG 2.2 AA and best practice), in every report', async () => {
    const failures: string[] = [];
    for (const r of reports) {
      const { page, requests } = await open(r.html);
      // A national workspace's documents are folded shut; axe checks only what is shown, so unfold them all.
      await page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })");
      const result = await axe(page);
      for (const v of result.violations) failures.push(`${r.name}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary}`).join(' | ')}`);
      if (requests.length > 0) failures.push(`${r.name}: fetched ${requests.join(', ')}`);
      await page.context().close();
    }
    assert.deepEqual(failures, []);
  });

  it('prints one document per page, without the navigation, and the timeline stays a vector chart', async () => {
    const all = reports.find((r) => r.name === 'all seeds')!;
    const { page } = await open(all.html);
    await page.emulateMedia({ media: 'print' });
    const printed = (await page.evaluate(`({
      nav: getComputedStyle(document.querySelector('nav')).display,
      breaks: [...document.querySelectorAll('article.document')].map((a) => getComputedStyle(a).breakBefore),
      svg: document.querySelectorAll('figure svg').length,
    })`)) as { nav: string; breaks: string[]; svg: number };
    assert.equal(printed.nav, 'none');
    assert.ok(printed.breaks.length >= 6 && printed.breaks.every((b) => b === 'page'), printed.breaks.join());
    assert.ok(printed.svg > 0);
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10_000);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 6, `${pages} pages`);
    await page.context().close();
    // A national workspace's folded documents print unfolded.
    const folded = await open(reports.find((r) => r.name === 'national workspace')!.html);
    await folded.page.emulateMedia({ media: 'print' });
    const shown = (await folded.page.evaluate(`(() => {
      const headings = [...document.querySelectorAll('details:not([open]) h3')];
      return { headings: headings.length, hidden: headings.filter((h) => !h.checkVisibility()).length };
    })()`)) as { headings: number; hidden: number };
    assert.ok(shown.headings > 50, `${shown.headings} section headings in folded documents`);
    assert.equal(shown.hidden, 0);
    await folded.page.context().close();
  });

  it('takes the screenshots the README shows', async () => {
    const shots: [string, string, string][] = [
      ['all seeds', 'report-overview.png', '#d3'],
      ['seeds/national-drug-strategy-action-plan-2008-2011.strategy', 'report-timeline.png', '#d1-timeline'],
      ['seeds/gloucestershire-drugs-strategy-2010-2013-draft.strategy', 'report-gaps.png', '#d1-gaps'],
      ['national view', 'report-national-view.png', '#n1'],
      ['national workspace', 'report-index.png', '#contents'],
    ];
    for (const [name, file, selector] of shots) {
      const r = reports.find((x) => x.name === name)!;
      const { page } = await open(r.html, 1000);
      await page.setViewportSize({ width: 1000, height: 700 });
      await page.evaluate(`document.querySelector(${JSON.stringify(selector)}).scrollIntoView()`);
      await page.screenshot({ path: join(SHOTS, file) });
      await page.context().close();
      if (process.env.STRATEGY_UPDATE_DOC_IMAGES === '1') copyFileSync(join(SHOTS, file), join(REPO, 'docs', 'images', file));
    }
  });
});
