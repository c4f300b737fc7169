/**
 * Drives code-server's workbench in headless Chromium the way a person uses
 * VS Code: keyboard shortcuts, Quick Open, the command palette, menus. Each
 * step waits for what the person would wait to see (a tab, a widget, a row),
 * never for a fixed time.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export interface UiEnvironment {
  readonly url: string;
  readonly workspace: string;
  readonly extensions: string;
  readonly screenshots: string;
}

export function uiEnvironment(): UiEnvironment {
  const get = (name: string): string => {
    const v = process.env[name];
    if (!v) throw new Error(`${name} is not set: run this suite through .ci/suites/vscode.sh`);
    return v;
  };
  return {
    url: get('STRATEGY_UI_URL'),
    workspace: get('STRATEGY_UI_WORKSPACE'),
    extensions: get('STRATEGY_UI_EXTENSIONS'),
    screenshots: get('STRATEGY_UI_SCREENSHOTS'),
  };
}

/** Attribute selectors need quotes escaped. */
function q(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

export class Workbench {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
    private readonly env: UiEnvironment,
  ) {}

  static async open(env: UiEnvironment): Promise<Workbench> {
    const browser = await chromium.launch({ executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    await page.goto(`${env.url}/?folder=${encodeURIComponent(env.workspace)}`);
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
    return new Workbench(browser, page, env);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(this.env.screenshots, { recursive: true });
    const path = join(this.env.screenshots, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** Ctrl+P, the file's name, Enter: waits for its editor tab to be the active one. */
  async quickOpen(fileName: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    await this.page.waitForSelector('.quick-input-widget input');
    await this.page.keyboard.type(fileName);
    // The row of that file (a source document of the same name may rank first): picked, not just the top row.
    await this.page.locator(`.quick-input-list .monaco-list-row[aria-label*="${q(fileName)}"]`).first().click();
    await this.activeTab(fileName);
    await this.page.waitForSelector('.editor-instance .monaco-editor .view-line');
  }

  async activeTab(fileName: string, timeout = 30_000): Promise<void> {
    await this.page.waitForSelector(`.tabs-container .tab.active[aria-label*="${q(fileName)}"]`, { timeout });
  }

  /** F1, the command's title, Enter. */
  async command(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.page.waitForSelector('.quick-input-widget input');
    await this.page.keyboard.type(title);
    await this.page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${q(title)}"]`);
    await this.page.keyboard.press('Enter');
  }

  /** Ctrl+G to a 1-based line and column, then waits for the status bar to show the cursor there. */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    await this.page.waitForSelector('.quick-input-widget input');
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.cursorAt(line, column);
  }

  /**
   * To the end of the line the cursor is on. Strategy files wrap long prose
   * (`editor.wordWrap` is on for them): one End stops at the end of the
   * wrapped row, a second goes on to the end of the line.
   */
  async endOfLine(): Promise<void> {
    await this.page.keyboard.press('End');
    await this.page.keyboard.press('End');
  }

  async cursorAt(line: number, column?: number): Promise<void> {
    const text = column === undefined ? `Ln ${line},` : `Ln ${line}, Col ${column}`;
    await this.page.locator('#status\\.editor\\.selection', { hasText: text }).waitFor({ timeout: 20_000 });
  }

  /** Hides the panel (Problems, Output…) with its own "Hide Panel" button. */
  async hidePanel(): Promise<void> {
    await this.page.locator('.part.panel .action-label[aria-label^="Hide Panel"]').first().click();
    await this.page.locator('.part.panel').waitFor({ state: 'hidden' });
  }

  /** The extension's status bar item (VS Code gives it the id `<extension id>.<item id>`). */
  strategyStatus(): Locator {
    return this.page.locator('[id="strategy-tools.strategy-language.strategy.status"]');
  }

  async languageMode(): Promise<string> {
    return (await this.page.locator('#status\\.editor\\.mode').innerText()).trim();
  }

  /**
   * Every row of a virtualised list (only the rows in view are in the page):
   * reads the rows in view, pages down with the keyboard, and stops when the
   * focused row no longer moves.
   */
  async allRows(list: Locator, attribute = 'aria-label'): Promise<string[]> {
    const seen = new Map<number, string>();
    const focusedRow = list.locator('.monaco-list-row.focused').first();
    const focused = (): Promise<string | null> => focusedRow.getAttribute('data-index');
    // Focus the list without clicking a row: a click on a tree row would fold it. A list that re-renders as it is
    // focused (problems of other files arriving) can drop the focus, and then Home focuses no row: focus it again.
    for (let attempt = 1; ; attempt++) {
      await list.focus();
      await this.page.keyboard.press('Home');
      const landed = await focusedRow.waitFor({ timeout: 3000 }).then(
        () => true,
        () => false,
      );
      if (landed || attempt === 5) break;
    }
    for (let previous: string | null = '-'; ; ) {
      for (const row of await list.locator('.monaco-list-row').all()) {
        seen.set(Number(await row.getAttribute('data-index')), (await row.getAttribute(attribute)) ?? '');
      }
      const now = await focused();
      if (now === previous) break;
      previous = now;
      await this.page.keyboard.press('PageDown');
      // At the end of the list the focus stays put: that is the only wait that runs out.
      await list
        .locator(`.monaco-list-row.focused:not([data-index="${now ?? ''}"])`)
        .waitFor({ timeout: 1500 })
        .catch(() => undefined);
    }
    return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  }
}
