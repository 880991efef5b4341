// Invariants of the AI layer: its package (ai/src) knows neither LSP nor VS Code, so the CLI can import it; only
// server/src/ai/ adapts it to the language server; the engine in rules/ never imports openai.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const REPO = path.resolve(__dirname, '../../..');
const CORE = path.join(REPO, 'ai/src');
const ALLOWED = /^(node:.*|openai(\/.*)?|ajv|js-tiktoken\/.*|sol-audit-rules|sol-audit-protocol\/aiEndpoint|@solidity-parser\/parser\/.*|\.\/[A-Za-z]+)$/;

function importsOf(file: string): string[] {
  return ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles.map((ref) => ref.fileName);
}

describe('AI layer invariants', () => {
  it('the AI core imports no LSP, VS Code or server module, only its own files and its libraries', () => {
    const files = fs.readdirSync(CORE).filter((name) => name.endsWith('.ts'));
    assert.ok(files.length >= 10, `only ${files.length} core files`);
    const violations = files.flatMap((name) => importsOf(path.join(CORE, name)).filter((s) => !ALLOWED.test(s)).map((s) => `${name} imports ${s}`));
    assert.deepEqual(violations, []);
  });

  it('the AI bundle of the CLI (cli/dist/ai.js, loaded for --ai-triage) carries no language-server code', function () {
    const bundle = path.join(REPO, 'cli/dist/ai.js');
    if (!fs.existsSync(bundle)) this.skip();
    const text = fs.readFileSync(bundle, 'utf8');
    assert.ok(!text.includes('vscode-languageserver'), 'ai.js bundles vscode-languageserver');
    assert.ok(text.includes('triageFindings'));
  });
});
