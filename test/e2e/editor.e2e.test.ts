// The product as a user meets it: the packaged .vsix installed into code-server, a Solidity workspace
// opened in Chromium, and each feature exercised with the keyboard and mouse. Screenshots of every step
// go to build/e2e-screenshots/. Run with `npm run test:e2e` (it runs scripts/e2e-setup.sh first).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FakeOpenAiServer } from '../../server/test/support/fakeOpenAiServer';
import { type CodeServer, startCodeServer } from './support/codeServer';
import { buildVsix } from './support/extensionPackage';
import { expectedFindings, fixtureText, lineOf } from './support/fixtures';
import { InstalledManifest } from './support/manifest';
import { FIXTURE_WORKSPACE } from './support/paths';
import { Workbench } from './support/workbench';

/** What the local OpenAI-compatible server answers to every request of this suite. */
const SCRIPTED_ANSWER = 'E2E scripted answer: deposit trusts tx.origin, so authorise with msg.sender instead.';

describe('Solidity Audit Hints in code-server', function () {
  let codeServer: CodeServer;
  let workbench: Workbench;
  const openAi = new FakeOpenAiServer();

  before(async function () {
    this.timeout(300_000);
    const vsix = buildVsix();
    await openAi.start();
    openAi.setFallback(() => ({ content: SCRIPTED_ANSWER }));
    codeServer = await startCodeServer({
      workspaceSource: FIXTURE_WORKSPACE,
      vsix,
      settings: { 'solAudit.ai.baseUrl': openAi.baseUrl, 'solAudit.ai.model': 'e2e-scripted-model' },
    });
    workbench = await Workbench.open(codeServer.workbenchUrl);
    await workbench.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'Vault.sol' }).waitFor();
    await workbench.screenshot('workbench');
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !workbench) return;
    await workbench.screenshot(`FAILED-${this.currentTest.title.replace(/\W+/g, '-')}`);
    // A failed step may leave a menu open; later steps start from a clean editor.
    await workbench.dismissOverlays();
  });

  after(async function () {
    await workbench?.close();
    await codeServer?.stop();
    await openAi.stop();
  });

  it('shows squiggles on the flagged lines and lists the findings with rule ids in Problems', async function () {
    const expected = expectedFindings('Vault.sol');
    await workbench.openFile('Vault.sol');
    for (const { line } of expected) await workbench.waitForSquiggleOn(line);
    const squiggleLines = [...new Set((await workbench.squiggles()).map((squiggle) => squiggle.line))];
    assert.deepEqual(squiggleLines, expected.map((finding) => finding.line));

    // The panel lists the whole workspace; its filter narrows it to this file, as a user would.
    const problems = await workbench.openProblems('**/Vault.sol');
    await problems.page().getByText(/Showing \d+ of \d+/).waitFor();
    const rows = problems.locator('.monaco-list-row').filter({ hasText: /\[Ln \d+, Col \d+\]/ });
    for (const { line, ruleId } of expected) {
      // Source and code render as separate elements ("sol-audit" "(tx-origin)"), so match them apart.
      await rows.filter({ hasText: 'sol-audit' }).filter({ hasText: ruleId }).filter({ hasText: `[Ln ${line},` }).waitFor();
    }
    assert.equal(await rows.count(), expected.length);
    await workbench.screenshot('diagnostics-and-problems');
  });

  it('explains a finding on hover', async function () {
    const [first] = expectedFindings('Vault.sol');
    const hover = await workbench.hoverSquiggle(first.line);
    await hover.getByText('tx.origin used for authorisation').first().waitFor();
    await hover.getByText('Exploit scenario').first().waitFor();
    await workbench.screenshot('hover');
    await workbench.dismissOverlays();
  });

  it('shows the workspace findings count in the language status item', async function () {
    // The server indexes the whole workspace on start, so the count covers every fixture, opened or not.
    const total = ['Vault.sol', 'QuickFix.sol', 'Typing.sol'].reduce((sum, file) => sum + expectedFindings(file).length, 0);
    const status = await workbench.openLanguageStatus();
    await status.getByText(`sol-audit: ${total} findings`).waitFor();
    await workbench.screenshot('language-status');
    await workbench.dismissOverlays();
  });

  it('applies the quick fix from Ctrl+. and the squiggle goes away', async function () {
    const line = lineOf('QuickFix.sol', 'tx.origin');
    const column = fixtureText('QuickFix.sol').split('\n')[line - 1].indexOf('tx.origin') + 1;
    await workbench.openFile('QuickFix.sol');
    await workbench.waitForSquiggleOn(line);
    await workbench.goToPosition(line, column);
    await workbench.page.keyboard.press('Control+.');
    await workbench.page.locator('.action-widget').waitFor();
    await workbench.screenshot('quick-fix-menu');
    await workbench.chooseQuickFix('Replace `tx.origin` with `msg.sender`');

    await workbench.waitForLineText(line, /require\(msg\.sender == owner/);
    await workbench.waitForNoSquiggleOn(line);
    // The fix is an edit in the editor (the tab turns dirty), not a write behind the user's back.
    const tab = workbench.page.locator('.tab.active[data-resource-name="QuickFix.sol"]');
    await tab.and(workbench.page.locator('.dirty')).waitFor();
    await workbench.page.keyboard.press('Control+S');
    await tab.and(workbench.page.locator(':not(.dirty)')).waitFor();
    const saved = await waitForFile(path.join(codeServer.workspace, 'QuickFix.sol'), /msg\.sender == owner/);
    assert.match(saved, /require\(msg\.sender == owner, "not owner"\); \/\/ expect: tx-origin\n/);
    assert.doesNotMatch(saved, /tx\.origin/);
    await workbench.screenshot('quick-fix-applied');
  });

  it('squiggles a vulnerable line as it is typed', async function () {
    const anchor = lineOf('Typing.sol', 'count += 1;');
    await workbench.openFile('Typing.sol');
    assert.deepEqual(await workbench.squiggles(), []);
    await workbench.goToLineEnd(anchor);
    await workbench.page.keyboard.press('Enter');
    // The line is typed with a typo (`tx.origi`, a harmless member access) and then corrected: the one
    // keystroke that makes it vulnerable leaves the file parseable, so the time measured is the analysis.
    const typed = 'require(owner == tx.origi, "not owner");';
    await workbench.page.keyboard.type(typed);
    await workbench.waitForLineText(anchor + 1, /^\s*require\(owner == tx\.origi, "not owner"\);$/);
    await workbench.page.keyboard.press('End');
    for (let step = typed.indexOf(','); step < typed.length; step += 1) await workbench.page.keyboard.press('ArrowLeft');
    // A syntax-error squiggle from a half-typed state may still be drawn; the timing starts from a clean line.
    await workbench.waitForNoSquiggleOn(anchor + 1);
    const keystrokeAt = performance.now();
    await workbench.page.keyboard.press('n');
    await workbench.waitForSquiggleOn(anchor + 1);
    const elapsedMs = performance.now() - keystrokeAt;
    console.log(`      keystroke → squiggle: ${elapsedMs.toFixed(0)} ms (server debounce 75 ms by default)`);
    await workbench.waitForLineText(anchor + 1, /^\s*require\(owner == tx\.origin, "not owner"\);$/);
    await workbench.screenshot('typed-line-squiggled');
  });

  it('answers "Ask AI about this function" from the local OpenAI-compatible server', async function () {
    const manifest = InstalledManifest.read(codeServer.extensionsDir);
    const askTitle = manifest.commandTitle('solAudit.askAiAboutFunction');
    const setKeyTitle = manifest.commandTitle('solAudit.ai.setApiKey');
    if (!askTitle || !setKeyTitle || !manifest.contributesSetting('solAudit.ai.baseUrl')) {
      console.log('      skipped: the extension does not contribute the AI commands and settings yet (issue 4)');
      this.skip();
    }
    await workbench.runCommand(setKeyTitle);
    await (await workbench.inputBox('API key for')).fill('sk-e2e-not-a-real-key');
    await workbench.page.keyboard.press('Enter');
    await workbench.quickInput().waitFor({ state: 'hidden' });

    const insideDeposit = lineOf('Vault.sol', 'total += amount;');
    await workbench.openFile('Vault.sol');
    await workbench.goToLineEnd(insideDeposit);
    await workbench.runCommand(askTitle);
    // The question box comes with a default question; the first request to an endpoint asks for consent.
    await workbench.inputBox('Ask AI about this function');
    await workbench.page.keyboard.press('Enter');
    const send = workbench.page.locator('.monaco-dialog-box').getByRole('button', { name: 'Send', exact: true });
    await send.waitFor();
    await workbench.screenshot('ai-consent');
    await send.click();

    const answerFrame = workbench.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await answerFrame.getByText(SCRIPTED_ANSWER).waitFor();
    // The panel names the function under the cursor and the endpoint the code went to.
    await answerFrame.getByRole('heading', { name: 'Vault.deposit' }).waitFor();
    await answerFrame.getByText(`e2e-scripted-model at ${new URL(openAi.baseUrl).host}`).waitFor();
    await workbench.screenshot('ai-answer');
    const [request] = openAi.requests;
    assert.match(request.rawBody, /function deposit\(uint256 amount\)/);
    // The key typed into "Set AI API key" travels only in the Authorization header.
    assert.equal(request.headers.authorization, 'Bearer sk-e2e-not-a-real-key');
    assert.doesNotMatch(request.rawBody, /sk-e2e-not-a-real-key/);
  });
});

/**
 * Resolves with the file's text once it matches: code-server writes a saved file from its own process,
 * which can land just after the workbench shows the tab as saved.
 */
async function waitForFile(file: string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const matches = () => pattern.test(fs.readFileSync(file, 'utf8'));
  if (!matches()) {
    await new Promise<void>((resolve) => {
      const onChange = () => {
        if (matches()) done();
      };
      const done = () => {
        clearTimeout(timer);
        fs.unwatchFile(file, onChange);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      fs.watchFile(file, { interval: 50 }, onChange);
    });
  }
  return fs.readFileSync(file, 'utf8');
}
