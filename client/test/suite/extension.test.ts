// Extension tests inside VS Code: activation, diagnostics in the Problems API, and a quick fix applied
// through vscode.executeCodeActionProvider. Every wait is on a VS Code event, never a sleep.

import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'sol-audit.solidity-audit-hints';

/** Resolves with the sol-audit diagnostics of `uri` once `predicate` holds for them. */
function diagnosticsWhen(uri: vscode.Uri, predicate: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  const current = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'sol-audit');
  return new Promise((resolve) => {
    if (predicate(current())) return resolve(current());
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString()) || !predicate(current())) return;
      subscription.dispose();
      resolve(current());
    });
  });
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export function registerExtensionTests(): void {
  describe('Solidity Audit Hints in VS Code', () => {
    const walletUri = (): vscode.Uri => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'Wallet.sol');

    it('activates on a Solidity file', async () => {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(walletUri()));
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is not installed in the test instance`);
      await extension.activate();
      assert.equal(extension.isActive, true);
    });

    it('reports tx-origin in the Problems API with its documentation link', async () => {
      const diagnostics = await diagnosticsWhen(walletUri(), (ds) => ds.some((d) => codeOf(d) === 'tx-origin'));
      const finding = diagnostics.find((d) => codeOf(d) === 'tx-origin')!;
      assert.equal(finding.range.start.line, 7);
      assert.equal(finding.range.start.character, 16);
      assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(typeof finding.code === 'object' ? finding.code.target.toString() : '', /#tx-origin$/);
    });

    it('applies the preferred quick fix and the finding goes away', async () => {
      const [finding] = (await diagnosticsWhen(walletUri(), (ds) => ds.some((d) => codeOf(d) === 'tx-origin'))).filter((d) => codeOf(d) === 'tx-origin');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', walletUri(), finding.range);
      const preferred = actions.find((a) => a.isPreferred && a.title.includes('msg.sender'));
      assert.ok(preferred?.edit, `no preferred fix among: ${actions.map((a) => a.title).join(', ')}`);
      const cleared = diagnosticsWhen(walletUri(), (ds) => !ds.some((d) => codeOf(d) === 'tx-origin'));
      assert.equal(await vscode.workspace.applyEdit(preferred.edit), true);
      await cleared;
      assert.match(vscode.window.activeTextEditor!.document.getText(), /require\(msg\.sender == owner/);
    });
  });
}
