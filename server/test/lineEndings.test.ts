// Every range the server publishes lies inside the document as the editor splits it into lines, whatever the
// line endings (LF, CRLF, mixed), with and without syntax errors, and after edits that move kept findings.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, Position } from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from './support/lspTestClient';

/** Lines that end in a comment (an unused suppression, which is reported up to the line end) and a finding. */
const VAULT_LINES = [
  '// SPDX-License-Identifier: MIT',
  'pragma solidity 0.8.24;',
  '',
  'contract Vault {',
  '    address public owner = msg.sender;',
  '',
  '    function withdraw(address payable to) external {',
  '        require(tx.origin == owner, "not owner");',
  '        to.transfer(address(this).balance);',
  '    }',
  '',
  '    function current() external view returns (address) {',
  '        // sol-audit-disable-next-line tx-origin',
  '        return msg.sender;',
  '    }',
  '}',
  '',
];

const LINE_BREAKS: Record<string, (index: number) => string> = {
  LF: () => '\n',
  CRLF: () => '\r\n',
  // Every kind of break in one file, as a file edited on two systems (and an old Mac tool) ends up.
  mixed: (index) => ['\r\n', '\n', '\r'][index % 3],
};

/** The positions of `diagnostics` that lie outside `doc`: past its last line, or past the end of their line. */
function outsideDocument(doc: TextDocument, diagnostics: Diagnostic[]): string[] {
  // TextDocument.offsetAt clamps a character to the line's end before its line break: that is the line's length.
  const lineLength = (line: number): number => doc.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }) - doc.offsetAt({ line, character: 0 });
  const outside = (p: Position): boolean => p.line < 0 || p.line >= doc.lineCount || p.character < 0 || p.character > lineLength(p.line);
  const out: string[] = [];
  for (const d of diagnostics) {
    const ranges = [d.range, ...(d.relatedInformation ?? []).filter((r) => r.location.uri === doc.uri).map((r) => r.location.range)];
    for (const r of ranges) {
      if (outside(r.start) || outside(r.end)) out.push(`${d.code} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`);
    }
  }
  return out;
}

describe('published ranges and line endings', function () {
  for (const [name, lineBreak] of Object.entries(LINE_BREAKS)) {
    it(`${name}: every published range lies inside the document, through syntax errors and edits`, async () => {
      const text = VAULT_LINES.map((line, i) => (i < VAULT_LINES.length - 1 ? line + lineBreak(i) : line)).join('');
      const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sol-audit-eol-')));
      fs.writeFileSync(path.join(folder, 'foundry.toml'), '[profile.default]\n');
      const client = new LspTestClient(folder, { debounceMs: 0 });
      try {
        await client.initialize();
        const uri = client.uriOf('Vault.sol');
        const doc = (): TextDocument => client.documents.get(uri)!;
        const codes = (diagnostics: Diagnostic[]): string[] => [...new Set(diagnostics.map((d) => String(d.code)))].sort();
        const check = async (step: string): Promise<string[]> => {
          const diagnostics = await client.diagnosticsOfVersion(uri);
          assert.deepEqual(outsideDocument(doc(), diagnostics), [], step);
          return codes(diagnostics);
        };

        await client.open(uri, text);
        const clean = await check('opened');
        assert.ok(clean.includes('unused-suppression') && clean.includes('tx-origin'), clean.join());

        // A line break typed above the contract moves everything below it.
        await client.replaceText(uri, 'contract Vault {', `// vault${lineBreak(1)}contract Vault {`);
        assert.deepEqual(await check('line added'), clean);

        // A half-typed statement the parser cannot build a tree for: the last good findings stay, moved by each edit.
        await client.replaceText(uri, 'return msg.sender;', 'uint256 x = ;');
        const broken = await check('statement broken');
        assert.ok(broken.includes('syntax-error') && broken.includes('unused-suppression'), broken.join());
        await client.replaceText(uri, 'disable-next-line tx-origin', 'disable-next-line tx-origin  ');
        await check('typed at the end of a line while broken');
        await client.replaceText(uri, 'to.transfer(', `to.transfer(${lineBreak(2)}`);
        await check('line broken inside a call while broken');

        // Both edits undone: a full analysis again.
        await client.replaceText(uri, 'uint256 x = ;', 'return msg.sender;');
        await client.replaceText(uri, `to.transfer(${lineBreak(2)}`, 'to.transfer(');
        assert.deepEqual(await check('repaired'), clean);

        // Two lines joined into one.
        await client.replaceText(uri, `pragma solidity 0.8.24;${lineBreak(1)}`, 'pragma solidity 0.8.24; ');
        await check('lines joined');
      } finally {
        await client.stop();
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });
  }
});
