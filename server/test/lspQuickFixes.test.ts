// Every preferred quick fix the server offers on the rule fixtures, applied through LSP like an editor would:
// the versioned edit is accepted, the file is analysed again, the finding is gone and nothing new appears.
// Data-driven, so rules added later are covered without touching this file.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { LspTestClient } from './support/lspTestClient';

const FIXTURES = path.resolve(__dirname, '../../test-fixtures/rules');

function countByRule(diagnostics: Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
  return counts;
}

describe('quick fixes over LSP, on every rule fixture', function () {
  let client: LspTestClient;
  let folder: string;

  before(async () => {
    folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sol-audit-fixes-')));
    client = new LspTestClient(folder, { debounceMs: 0 });
    await client.initialize();
  });

  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('applies one preferred fix per fixable rule; the finding goes and none appears', async function () {
    this.timeout(600_000);
    const fixedRules = new Set<string>();
    let attempt = 0;
    for (const name of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.sol')).sort()) {
      const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
      // Each attempt opens the fixture under a fresh name next to the original, so imports still resolve.
      const open = async (): Promise<{ uri: string; diagnostics: Diagnostic[] }> => {
        const uri = URI.file(path.join(FIXTURES, `${name}.lsp-fix-${attempt++}.sol`)).toString();
        return { uri, diagnostics: await client.open(uri, text) };
      };
      let { uri, diagnostics } = await open();
      for (const diagnostic of diagnostics) {
        const ruleId = String(diagnostic.code);
        if (fixedRules.has(ruleId)) continue;
        const actions: CodeAction[] = await client.codeActions(uri, diagnostic.range, [diagnostic]);
        const preferred = actions.find((a) => a.isPreferred);
        if (!preferred) continue;
        const before = countByRule(diagnostics);
        const next = client.documents.get(uri)!.version + 1;
        const published = client.diagnosticsOfVersion(uri, next);
        assert.equal(client.applyWorkspaceEdit(preferred.edit!), true, `${name}: edit of "${preferred.title}" refused`);
        const after = countByRule(await published);
        const label = `${name}: "${preferred.title}" at line ${diagnostic.range.start.line + 1}`;
        assert.ok((after.get(ruleId) ?? 0) < (before.get(ruleId) ?? 0), `${label}: ${ruleId} still reported`);
        for (const [id, count] of after) assert.ok(count <= (before.get(id) ?? 0), `${label}: new ${id} finding`);
        fixedRules.add(ruleId);
        await client.close(uri);
        ({ uri, diagnostics } = await open());
      }
      await client.close(uri);
    }
    assert.ok(fixedRules.size >= 1, 'no fixable finding in the fixtures');
    console.log(`      fixes applied over LSP for ${fixedRules.size} rules: ${[...fixedRules].sort().join(', ')}`);
  });
});
