// The product as a user meets it: the packaged .vsix installed into code-server, a Solidity workspace
// opened in Chromium, and each feature exercised with the keyboard and mouse. Screenshots of every step
// go to build/e2e-screenshots/. Run with `npm run test:e2e` (it runs scripts/e2e-setup.sh first).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type CodeServer, startCodeServer } from './support/codeServer';
import { buildVsix } from './support/extensionPackage';
import { expectedFindings, lineOf } from './support/fixtures';
import { FIXTURE_WORKSPACE } from './support/paths';
import { Workbench } from './support/workbench';

describe('Solidity Audit Hints in code-server', function () {
  let codeServer: CodeServer;
  let workbench: Workbench;

  before(async function () {
    this.timeout(300_000);
    const vsix = buildVsix();
    codeServer = await startCodeServer({ workspaceSource: FIXTURE_WORKSPACE, vsix });
    workbench = await Workbench.open(codeServer.workbenchUrl);
    await workbench.screenshot('workbench');
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`FAILED-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });

  after(async function () {
    await workbench?.close();
    await codeServer?.stop();
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
});
