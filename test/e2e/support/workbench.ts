// Drives the VS Code workbench in Chromium the way a user does: keyboard shortcuts, the command palette,
// the mouse. Every wait is on something visible in the UI (a Playwright locator or a DOM condition),
// never a fixed sleep.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { CHROMIUM, SCREENSHOT_DIR } from './paths';

/** The flags from issue 6: no sandbox (root in a container), no GPU, nothing that phones home. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
];

export const UI_TIMEOUT_MS = 30_000;

export interface Squiggle {
  /** 1-based editor line. */
  line: number;
  severity: 'error' | 'warning' | 'info' | 'hint';
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The page-side probes of support/pageProbes.js. */
interface PageProbes {
  squiggles(): Squiggle[];
  squiggleRect(line: number): Rect | null;
  lineText(line: number): string | null;
}
declare global {
  interface Window {
    solAuditE2e: PageProbes;
  }
}

/** Screenshots taken so far in this test process, over every suite. */
let screenshotCount = 0;

export class Workbench {
  private constructor(private readonly browser: Browser, readonly page: Page) {}

  /** Launches Chromium with a fresh profile (Playwright's own temporary one) and opens the workbench. */
  static async open(workbenchUrl: string): Promise<Workbench> {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    context.setDefaultTimeout(UI_TIMEOUT_MS);
    await context.addInitScript({ path: path.join(__dirname, 'pageProbes.js') });
    // Loopback only: any other request is a bug in the product or the set-up, and is refused here.
    await context.route('**/*', (route) => {
      const { protocol, hostname } = new URL(route.request().url());
      const local = protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1' || hostname === 'localhost';
      return local ? route.continue() : route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    await page.goto(workbenchUrl);
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.explorer-folders-view').waitFor();
    return new Workbench(browser, page);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** Saves build/e2e-screenshots/NN-<name>.png, numbered in the order the steps of the whole run took. */
  async screenshot(name: string): Promise<string> {
    if (screenshotCount === 0) {
      // The folder shows one run: the previous run's pictures go when this run takes its first.
      fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    }
    screenshotCount += 1;
    const file = path.join(SCREENSHOT_DIR, `${String(screenshotCount).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /**
   * The input box an extension opened with this title. Waiting on the title matters: the box reuses the
   * command palette's widget, so typing before it appears would go into the palette.
   */
  async inputBox(title: string): Promise<Locator> {
    const box = this.quickInput().filter({ has: this.page.locator('.quick-input-title', { hasText: title }) });
    await box.waitFor();
    return box.locator('input');
  }

  /** Quick Open (Ctrl+P), the file name, Enter; resolves when its editor is the active one. */
  async openFile(fileName: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    await this.quickInput().locator('input').fill(fileName);
    // Wait for the focused row, not any row: until the search answers, the list still shows the recently
    // opened files and Enter would open whichever of them is focused.
    await this.quickInput().locator('.monaco-list-row.focused', { hasText: fileName }).waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tab.active[data-resource-name="${fileName}"]`).waitFor();
    await this.editor().locator('.view-line').first().waitFor();
  }

  /** Runs a command by its palette title: F1, the title, Enter on the matching row. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.quickInput().locator('input').fill(`>${title}`);
    await this.quickInput().locator('.monaco-list-row.focused', { hasText: title }).waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Moves the cursor to the end of a 1-based line: Go to Line (Ctrl+G), then End. */
  async goToLineEnd(line: number): Promise<void> {
    await this.goTo(`:${line}`);
    await this.page.keyboard.press('End');
  }

  /** Moves the cursor to a 1-based line and column with Go to Line (Ctrl+G, "line:column"). */
  async goToPosition(line: number, column: number): Promise<void> {
    await this.goTo(`:${line}:${column}`);
    await this.page.waitForFunction(
      (expected) => document.querySelector('[id="status.editor.selection"]')?.textContent?.includes(expected) ?? false,
      `Ln ${line}, Col ${column}`,
    );
  }

  private async goTo(query: string): Promise<void> {
    await this.page.keyboard.press('Control+G');
    await this.quickInput().locator('input').fill(query);
    await this.page.keyboard.press('Enter');
    await this.quickInput().waitFor({ state: 'hidden' });
  }

  /** The active text editor. */
  editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  async squiggles(): Promise<Squiggle[]> {
    return this.page.evaluate(() => window.solAuditE2e.squiggles());
  }

  /** Resolves when a squiggle is rendered on the 1-based line. */
  async waitForSquiggleOn(line: number): Promise<void> {
    try {
      await this.page.waitForFunction((target) => window.solAuditE2e.squiggleRect(target) !== null, line, {
        timeout: UI_TIMEOUT_MS,
      });
    } catch (error) {
      throw new Error(`no squiggle on line ${line}; rendered: ${JSON.stringify(await this.squiggles())}: ${error}`);
    }
  }

  /** Resolves when no squiggle is rendered on the 1-based line. */
  async waitForNoSquiggleOn(line: number): Promise<void> {
    await this.page.waitForFunction((target) => window.solAuditE2e.squiggleRect(target) === null, line, {
      timeout: UI_TIMEOUT_MS,
    });
  }

  /** Resolves with the line's rendered text once it satisfies the predicate's pattern. */
  async waitForLineText(line: number, pattern: RegExp): Promise<string> {
    const handle = await this.page.waitForFunction(
      ({ target, source, flags }) => {
        const text = window.solAuditE2e.lineText(target);
        return text !== null && new RegExp(source, flags).test(text) ? text : null;
      },
      { target: line, source: pattern.source, flags: pattern.flags },
      { timeout: UI_TIMEOUT_MS },
    );
    return (await handle.jsonValue()) as string;
  }

  async lineText(line: number): Promise<string | null> {
    return this.page.evaluate((target) => window.solAuditE2e.lineText(target), line);
  }

  /**
   * Points the mouse at the middle of the first squiggle on the line, as a user does to see its hover.
   * Aims again if the hover has not opened after a while: a late layout change can move the squiggle.
   */
  async hoverSquiggle(line: number): Promise<Locator> {
    const hover = this.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /\S/ }).first();
    for (let attempt = 1; ; attempt += 1) {
      const rect = await this.page.evaluate((target) => window.solAuditE2e.squiggleRect(target), line);
      if (!rect) throw new Error(`no squiggle on line ${line} to hover`);
      await this.page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
      try {
        await hover.waitFor({ timeout: attempt < 3 ? 5_000 : UI_TIMEOUT_MS });
        return hover;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  }

  /**
   * Picks an entry of the open quick-fix menu (Ctrl+.) with the keyboard: arrows until the focused row
   * matches, then Enter. The mouse is not used because the menu's pointer block swallows clicks.
   */
  async chooseQuickFix(label: string): Promise<void> {
    const menu = this.page.locator('.action-widget');
    await menu.locator('.monaco-list-row', { hasText: label }).first().waitFor();
    const rowCount = await menu.locator('.monaco-list-row').count();
    for (let step = 0; step <= rowCount; step += 1) {
      const focused = (await menu.locator('.monaco-list-row.focused').getAttribute('aria-label')) ?? '';
      if (focused.includes(label)) {
        await this.page.keyboard.press('Enter');
        await menu.waitFor({ state: 'hidden' });
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`the quick-fix menu never focused "${label}"`);
  }

  /** Opens the language status hover (the {} next to the language name) and returns it. */
  async openLanguageStatus(): Promise<Locator> {
    await this.page.locator('[id="status.languageStatus"]').click();
    const hover = this.page.locator('.hover-language-status').first();
    await hover.waitFor();
    return this.page.locator('.monaco-hover:not(.hidden)', { has: hover }).first();
  }

  /** Closes whatever menu, hover or input is open, so the next step starts from the editor. */
  async dismissOverlays(): Promise<void> {
    for (let press = 0; press < 3; press += 1) await this.page.keyboard.press('Escape');
  }

  /** Opens the Problems panel from its status-bar counter and types the filter, as a user does. */
  async openProblems(filter: string): Promise<Locator> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.locator('[id="status.problems"]').click();
    await panel.waitFor();
    await this.page.locator('.markers-panel-action-filter input, .viewpane-filter input').first().fill(filter);
    return panel;
  }
}
