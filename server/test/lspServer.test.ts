// Protocol tests: the built language server as a child process, spoken to over LSP. Every wait is on a
// publishDiagnostics (or progress) event, never a fixed sleep.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity, FileChangeType, type CodeAction, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol';
import { defaultRegistry, ruleDocsUrl } from 'sol-audit-rules';
import { Commands, ExportReportRequest, RuleDocumentationRequest, ScanWorkspaceRequest, type RuleSettingValue } from 'sol-audit-protocol';
import { LspTestClient } from './support/lspTestClient';

const WALLET = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Wallet {
    address public owner = msg.sender;

    function withdrawAll(address payable to) external {
        require(tx.origin == owner, "not owner");
        to.transfer(address(this).balance);
    }

    function deadline() external view returns (uint256) {
        return block.timestamp + 1 days;
    }
}
`;

/** Settings that switch every rule off except `enabled`, so expectations do not move as rules are added. */
function onlyRules(...enabled: string[]): Record<string, RuleSettingValue> {
  const ids = defaultRegistry().all().map((r) => r.meta.id);
  return Object.fromEntries(ids.filter((id) => !enabled.includes(id)).map((id) => [id, 'off' as const]));
}

function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}`).sort();
}

function hoverText(contents: unknown): string {
  return (contents as MarkupContent).value;
}

function tempWorkspace(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sol-audit-lsp-')));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('language server over LSP', function () {
  let client: LspTestClient;
  let folder: string;
  const walletUri = (): string => client.uriOf('Wallet.sol');

  beforeEach(async () => {
    folder = tempWorkspace({ 'Wallet.sol': WALLET, 'foundry.toml': '[profile.default]\n' });
    client = new LspTestClient(folder, { rules: onlyRules('tx-origin'), debounceMs: 10 });
    await client.initialize();
  });

  afterEach(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('indexes the workspace with $/progress and publishes findings of files that are not open', async () => {
    const scanned = client.diagnostics(walletUri(), (p) => p.diagnostics.length > 0, true);
    await client.indexed;
    assert.deepEqual(summary(await scanned), ['7:16-7:25 tx-origin']);
    const kinds = client.progress.map((p) => (p as { kind: string }).kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
  });

  it('publishes exact diagnostics for an opened vulnerable file', async () => {
    const diagnostics = await client.open(walletUri(), WALLET);
    assert.deepEqual(summary(diagnostics), ['7:16-7:25 tx-origin']);
    const [d] = diagnostics;
    assert.equal(d.source, 'sol-audit');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.equal(d.codeDescription?.href, ruleDocsUrl('tx-origin'));
    assert.match(d.message as string, /msg\.sender.*\(medium severity, high confidence\)/);
  });

  it('hovers a finding with its explanation and command links, and a risky built-in without one', async () => {
    await client.open(walletUri(), WALLET);
    const hover = await client.hover(walletUri(), 7, 20);
    const text = hoverText(hover?.contents);
    assert.match(text, /\*\*tx\.origin used for authorisation\*\*/);
    assert.match(text, /Severity: \*\*medium\*\* · Confidence: \*\*high\*\*/);
    assert.match(text, /Exploit scenario\.\*\* The attacker gets the owner/);
    assert.match(text, /Recommendation\.\*\* Authorise with `msg.sender`/);
    assert.match(text, /\[SWC-115\]\(https:\/\/swcregistry\.io\/docs\/SWC-115\)/);
    assert.match(text, /\[Explain with AI\]\(command:solAudit\.explainFinding\?/);
    assert.match(text, /\[Disable for this line\]\(command:solAudit\.disableForLine\?/);

    const note = await client.hover(walletUri(), 12, 22);
    assert.match(hoverText(note?.contents as unknown), /block\.timestamp.*set by the block proposer/);
    assert.equal(await client.hover(walletUri(), 4, 6), null);
  });

  it('offers the preferred fix; applying it removes the finding and adds nothing', async () => {
    const diagnostics = await client.open(walletUri(), WALLET);
    const actions = await client.codeActions(walletUri(), diagnostics[0].range, diagnostics);
    // The AI layer (issue 4) appends its own actions after these.
    assert.deepEqual(
      actions.slice(0, 4).map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`),
      ['Replace `tx.origin` with `msg.sender` (preferred)', 'Disable tx-origin for this line', 'Disable tx-origin for this file', 'Show documentation for tx-origin'],
    );
    assert.deepEqual(actions[3].command, { title: 'Show documentation for tx-origin', command: Commands.showRuleDocumentation, arguments: ['tx-origin'] });
    const after = await applyAndReanalyse(actions[0]);
    assert.deepEqual(after, []);
    assert.match(client.documents.get(walletUri())!.getText(), /require\(msg\.sender == owner/);
  });

  it('"Disable for this line" inserts an indented suppression and "…for this file" one below the SPDX line', async () => {
    const diagnostics = await client.open(walletUri(), WALLET);
    const actions = await client.codeActions(walletUri(), diagnostics[0].range, diagnostics);
    assert.deepEqual(await applyAndReanalyse(actions[1]), []);
    const lines = client.documents.get(walletUri())!.getText().split('\n');
    assert.equal(lines[7], '        // sol-audit-disable-next-line tx-origin');
    assert.equal(lines[8], '        require(tx.origin == owner, "not owner");');

    await client.close(walletUri());
    const reopenedUri = client.uriOf('Wallet2.sol');
    const again = await client.open(reopenedUri, WALLET);
    const fileActions = await client.codeActions(reopenedUri, again[0].range, again);
    const fileAction = fileActions.find((a) => a.title === 'Disable tx-origin for this file')!;
    assert.deepEqual(await applyAndReanalyse(fileAction, reopenedUri), []);
    assert.equal(client.documents.get(reopenedUri)!.getText().split('\n')[1], '// sol-audit-disable-file tx-origin');
  });

  it('the hover link "Disable for this line" applies the same edit through the server', async () => {
    const diagnostics = await client.open(walletUri(), WALLET);
    const doc = client.documents.get(walletUri())!;
    const cleared = client.diagnosticsOfVersion(walletUri(), doc.version + 1);
    await client.executeCommand(Commands.disableForLine, [{ uri: walletUri(), version: doc.version, line: diagnostics[0].range.start.line, ruleId: 'tx-origin' }]);
    assert.deepEqual(await cleared, []);
  });

  it('refuses a code action edit built for an older version', async () => {
    const diagnostics = await client.open(walletUri(), WALLET);
    const actions = await client.codeActions(walletUri(), diagnostics[0].range, diagnostics);
    await client.change(walletUri(), [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '\n' }]);
    assert.equal(client.applyWorkspaceEdit(actions[0].edit!), false);
    // Findings moved by an edit keep their suppression actions but lose the fix built for the old text.
    const moved = await client.codeActions(walletUri(), diagnostics[0].range, diagnostics);
    assert.deepEqual(moved.map((a) => a.title).slice(0, 1), ['Disable tx-origin for this line']);
  });

  it('clears the diagnostic when an edit fixes the bug', async () => {
    await client.open(walletUri(), WALLET);
    await client.replaceText(walletUri(), 'tx.origin == owner', 'msg.sender == owner');
    assert.deepEqual(await client.diagnosticsOfVersion(walletUri()), []);
  });

  it('keeps the last good findings, moved by the edit, next to a syntax error', async () => {
    await client.open(walletUri(), WALLET);
    // Two new lines above the finding, then a broken statement in another function.
    await client.change(walletUri(), [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '\n\n' }]);
    await client.replaceText(walletUri(), 'return block.timestamp + 1 days;', 'return block.timestamp 1 days;');
    const diagnostics = await client.diagnosticsOfVersion(walletUri());
    assert.deepEqual(
      summary(diagnostics).map((s) => s.replace(/^(\S+) syntax-error$/, 'syntax-error')).sort(),
      ['9:16-9:25 tx-origin', 'syntax-error'],
    );
    const syntax = diagnostics.find((d) => d.code === 'syntax-error')!;
    assert.equal(syntax.range.start.line, 14);
    assert.equal(syntax.severity, DiagnosticSeverity.Error);
  });

  it('re-analyses a dependent when an imported base changes, open or on disk', async function () {
    if (!defaultRegistry().all().some((r) => r.meta.id === 'deprecated-standards')) this.skip();
    await client.setSettings({ rules: onlyRules('deprecated-standards') });
    const base = 'pragma solidity ^0.4.24;\ncontract Base {\n}\n';
    const baseWithSha3 = 'pragma solidity ^0.4.24;\ncontract Base {\n    function sha3(bytes memory b) internal pure returns (bytes32) { return keccak256(b); }\n}\n';
    const derived = 'pragma solidity ^0.4.24;\nimport "./Base.sol";\ncontract Derived is Base {\n    function h(bytes memory b) public pure returns (bytes32) { return sha3(b); }\n}\n';
    fs.writeFileSync(path.join(folder, 'Base.sol'), base);
    const derivedUri = client.uriOf('Derived.sol');
    assert.deepEqual((await client.open(derivedUri, derived)).map((d) => d.code), ['deprecated-standards']);

    // The base is edited in the editor: its unsaved buffer decides how the dependent reads `sha3`.
    const baseUri = client.uriOf('Base.sol');
    await client.open(baseUri, base);
    const clearedByEdit = client.diagnostics(derivedUri, (p) => p.diagnostics.length === 0);
    await client.replaceText(baseUri, 'contract Base {\n', `contract Base {\n${baseWithSha3.split('\n')[2]}\n`);
    await clearedByEdit;

    // Closed again, the disk copy (without the function) counts; then the disk copy changes.
    const backOnDisk = client.diagnostics(derivedUri, (p) => p.diagnostics.length === 1);
    await client.close(baseUri);
    await backOnDisk;
    fs.writeFileSync(path.join(folder, 'Base.sol'), baseWithSha3);
    const clearedByDisk = client.diagnostics(derivedUri, (p) => p.diagnostics.length === 0);
    await client.filesChanged([{ uri: baseUri, type: FileChangeType.Changed }]);
    await clearedByDisk;
  });

  it('removes a rule\'s diagnostics when the configuration disables it', async () => {
    await client.open(walletUri(), WALLET);
    const cleared = client.diagnostics(walletUri(), (p) => p.diagnostics.length === 0);
    await client.setSettings({ rules: { ...onlyRules('tx-origin'), 'tx-origin': 'off' } });
    await cleared;
    const back = client.diagnostics(walletUri(), (p) => p.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error));
    await client.setSettings({ rules: { ...onlyRules('tx-origin'), 'tx-origin': 'high' } });
    assert.deepEqual(summary(await back), ['7:16-7:25 tx-origin']);
  });

  it('honours and watches .sol-audit.json', async () => {
    await client.open(walletUri(), WALLET);
    fs.writeFileSync(path.join(folder, '.sol-audit.json'), JSON.stringify({ rules: { 'tx-origin': 'off' } }));
    const cleared = client.diagnostics(walletUri(), (p) => p.diagnostics.length === 0);
    await client.filesChanged([{ uri: client.uriOf('.sol-audit.json'), type: FileChangeType.Created }]);
    await cleared;
  });

  it('ends a burst of 100 changes with the diagnostics of the final text', async () => {
    await client.open(walletUri(), WALLET.replace('tx.origin == owner', 'msg.sender == owner'));
    const comment = 'burst of typing inside a comment '.repeat(4).slice(0, 99);
    const line = 8;
    for (let i = 0; i < comment.length; i++) {
      const text = i === 0 ? `        // ${comment[0]}` : comment[i];
      const character = i === 0 ? 0 : 11 + i;
      await client.change(walletUri(), [{ range: { start: { line, character }, end: { line, character } }, newText: i === 0 ? `${text}\n` : text }]);
      if (i === 0) continue;
    }
    await client.replaceText(walletUri(), 'msg.sender == owner', 'tx.origin == owner');
    const final = await client.diagnosticsOfVersion(walletUri());
    assert.equal(client.documents.get(walletUri())!.version, 101);
    assert.deepEqual(summary(final), ['7:16-7:25 tx-origin']);
    assert.match(client.documents.get(walletUri())!.getText().split('\n')[8], /^ {8}\/\/ burst of typing/);
  });

  it('shows code lenses with counts per contract and "Ask AI" on functions with findings', async () => {
    await client.open(walletUri(), WALLET);
    const lenses = await client.codeLenses(walletUri());
    assert.deepEqual(
      lenses.map((l) => `${l.range.start.line} ${l.command?.title}`),
      ['3 sol-audit: 1 medium', '6 Ask AI about this function'],
    );
    assert.equal(lenses[1].command?.command, Commands.askAiAboutFunction);
  });

  it('asks the editor to refresh code lenses when findings change, so counts never lag the diagnostics', async () => {
    const firstRefresh = client.nextCodeLensRefresh();
    const diagnostics = await client.open(walletUri(), WALLET);
    await firstRefresh;
    assert.equal((await client.codeLenses(walletUri()))[0].command?.title, 'sol-audit: 1 medium');

    const afterFix = client.nextCodeLensRefresh();
    const [fix] = await client.codeActions(walletUri(), diagnostics[0].range, diagnostics);
    assert.deepEqual(await applyAndReanalyse(fix), []);
    await afterFix;
    assert.deepEqual((await client.codeLenses(walletUri())).map((l) => l.command?.title), ['sol-audit: no findings']);

    const afterNewFinding = client.nextCodeLensRefresh();
    const version = await client.replaceText(walletUri(), 'msg.sender == owner', 'tx.origin == owner');
    assert.equal((await client.diagnosticsOfVersion(walletUri(), version)).length, 1);
    await afterNewFinding;
    assert.equal((await client.codeLenses(walletUri()))[0].command?.title, 'sol-audit: 1 medium');
  });

  it('scans the workspace on request and exports the Markdown audit report', async () => {
    await client.indexed;
    assert.deepEqual(await client.connection.sendRequest(ScanWorkspaceRequest), { fileCount: 1, findingCount: 1 });
    const { markdown } = await client.connection.sendRequest(ExportReportRequest, {});
    assert.match(markdown, /^# sol-audit security report/);
    assert.match(markdown, /tx\.origin used for authorisation/);
    assert.match(markdown, /Wallet\.sol/);
    // The editor never writes into the user's folder (no .sol-audit-cache/ or anything else).
    assert.deepEqual(fs.readdirSync(folder).sort(), ['Wallet.sol', 'foundry.toml']);
  });

  it("leaves VS Code's files.exclude out of the workspace scan and the exported report alike", async () => {
    const excluding = tempWorkspace({ 'Wallet.sol': WALLET, 'Generated.sol': WALLET.replace('contract Wallet', 'contract Generated'), 'foundry.toml': '[profile.default]\n' });
    const other = new LspTestClient(excluding, { rules: onlyRules('tx-origin'), debounceMs: 10 }, { '**/Generated.sol': true, '**/node_modules': true, '**/*.md': false });
    try {
      await other.initialize();
      await other.indexed;
      assert.deepEqual(await other.connection.sendRequest(ScanWorkspaceRequest), { fileCount: 1, findingCount: 1 });
      const { markdown } = await other.connection.sendRequest(ExportReportRequest, {});
      assert.match(markdown, /Wallet\.sol/);
      assert.doesNotMatch(markdown, /Generated\.sol/);
    } finally {
      await other.stop();
      fs.rmSync(excluding, { recursive: true, force: true });
    }
  });

  it('hides findings below the minimum severity, and analyses on save only when asked to', async () => {
    await client.open(walletUri(), WALLET);
    const hidden = client.diagnostics(walletUri(), (p) => p.diagnostics.length === 0);
    await client.setSettings({ minimumSeverity: 'high' });
    await hidden;
    await client.setSettings({ minimumSeverity: 'gas', run: 'onSave' });
    await client.diagnostics(walletUri(), (p) => p.diagnostics.length === 1, true);
    const typed = await client.replaceText(walletUri(), 'tx.origin == owner', 'msg.sender == owner');
    const onSave = client.diagnosticsOfVersion(walletUri(), typed);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: walletUri() } });
    assert.deepEqual(await onSave, []);
  });

  it('answers the documentation URL of a rule, the one its diagnostics link to', async () => {
    const [diagnostic] = await client.open(walletUri(), WALLET);
    assert.equal(await client.connection.sendRequest(RuleDocumentationRequest, { ruleId: 'tx-origin' }), diagnostic.codeDescription?.href);
    assert.equal(await client.connection.sendRequest(RuleDocumentationRequest, { ruleId: 'tx-origin' }), ruleDocsUrl('tx-origin'));
  });

  async function applyAndReanalyse(action: CodeAction, uri = walletUri()): Promise<Diagnostic[]> {
    const next = client.documents.get(uri)!.version + 1;
    const published = client.diagnosticsOfVersion(uri, next);
    assert.equal(client.applyWorkspaceEdit(action.edit!), true);
    return published;
  }
});
