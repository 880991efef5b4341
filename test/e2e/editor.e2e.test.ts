// The product as a user meets it: the packaged .vsix installed into code-server, a Solidity workspace
// opened in Chromium, and each feature exercised with the keyboard and mouse. Screenshots of every step
// go to build/e2e-screenshots/. Run with `npm run test:e2e` (it runs scripts/e2e-setup.sh first).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FakeOpenAiServer } from '../../server/test/support/fakeOpenAiServer';
import { type CodeServer, startCodeServer } from './support/codeServer';
import { buildVsix } from './support/extensionPackage';
import { expectedFindings, lineOf } from './support/fixtures';
import { commandTitle, contributesSetting } from './support/manifest';
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
    await workbench.screenshot('workbench');
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`FAILED-${this.currentTest.title.replace(/\W+/g, '-')}`);
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

    const problems = await workbench.openProblems();
    for (const { line, ruleId } of expected) {
      await problems.locator('.monaco-list-row', { hasText: ruleId }).filter({ hasText: `[Ln ${line},` }).waitFor();
    }
    await workbench.screenshot('diagnostics-and-problems');
  });

  it('explains a finding on hover', async function () {
    const [first] = expectedFindings('Vault.sol');
    const hover = await workbench.hoverSquiggle(first.line);
    await hover.getByText('tx.origin used for authorisation').first().waitFor();
    await workbench.screenshot('hover');
    await workbench.page.keyboard.press('Escape');
  });

  it('applies the quick fix from Ctrl+. and the squiggle goes away', async function () {
    const line = lineOf('QuickFix.sol', 'tx.origin');
    await workbench.openFile('QuickFix.sol');
    await workbench.waitForSquiggleOn(line);
    await workbench.clickSquiggle(line);
    await workbench.page.keyboard.press('Control+.');
    const fix = workbench.page.locator('.action-widget .monaco-list-row', { hasText: 'msg.sender' }).first();
    await fix.waitFor();
    await workbench.screenshot('quick-fix-menu');
    await fix.click();

    await workbench.waitForLineText(line, /require\(msg\.sender == owner/);
    await workbench.waitForNoSquiggleOn(line);
    await workbench.page.keyboard.press('Control+S');
    await workbench.page.locator('.tab.active[data-resource-name="QuickFix.sol"]:not(.dirty)').waitFor();
    const saved = fs.readFileSync(path.join(codeServer.workspace, 'QuickFix.sol'), 'utf8');
    assert.match(saved, /require\(msg\.sender == owner, "not owner"\);/);
    assert.doesNotMatch(saved, /tx\.origin/);
    await workbench.screenshot('quick-fix-applied');
  });

  it('squiggles a vulnerable line as it is typed', async function () {
    const anchor = lineOf('Typing.sol', 'count += 1;');
    await workbench.openFile('Typing.sol');
    assert.deepEqual(await workbench.squiggles(), []);
    await workbench.goToLineEnd(anchor);
    await workbench.page.keyboard.press('Enter');
    // Monaco closes brackets and quotes as they are typed; typing the closing ones steps over them.
    await workbench.page.keyboard.type('require(tx.origin == owner, "not owner");');
    const typedAt = performance.now();
    await workbench.waitForSquiggleOn(anchor + 1);
    const elapsedMs = performance.now() - typedAt;
    console.log(`      last keystroke → squiggle: ${elapsedMs.toFixed(0)} ms (debounce 75 ms by default)`);
    await workbench.screenshot('typed-line-squiggled');
  });

  it('answers "Ask AI about this function" from the local OpenAI-compatible server', async function () {
    const askTitle = commandTitle('solAudit.askAiAboutFunction');
    const setKeyTitle = commandTitle('solAudit.ai.setApiKey');
    if (!askTitle || !setKeyTitle || !contributesSetting('solAudit.ai.baseUrl')) {
      console.log('      skipped: the extension does not contribute the AI commands and settings yet (issue 4)');
      this.skip();
    }
    await workbench.runCommand(setKeyTitle);
    await workbench.quickInput().locator('input').fill('sk-e2e-not-a-real-key');
    await workbench.page.keyboard.press('Enter');
    await workbench.quickInput().waitFor({ state: 'hidden' });

    const insideDeposit = lineOf('Vault.sol', 'total += amount;');
    await workbench.openFile('Vault.sol');
    await workbench.goToLineEnd(insideDeposit);
    await workbench.runCommand(askTitle);
    // The question box comes with a default question; the first request to an endpoint asks for consent.
    await workbench.quickInput().locator('input').waitFor();
    await workbench.page.keyboard.press('Enter');
    const send = workbench.page.locator('.monaco-dialog-box').getByRole('button', { name: 'Send', exact: true });
    await send.waitFor();
    await workbench.screenshot('ai-consent');
    await send.click();

    const answerFrame = workbench.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await answerFrame.getByText(SCRIPTED_ANSWER).waitFor();
    await workbench.screenshot('ai-answer');
    const [request] = openAi.requests;
    assert.match(request.rawBody, /function deposit\(uint256 amount\)/);
    // The key typed into "Set AI API key" travels only in the Authorization header.
    assert.equal(request.headers.authorization, 'Bearer sk-e2e-not-a-real-key');
    assert.doesNotMatch(request.rawBody, /sk-e2e-not-a-real-key/);
  });
});
