// What belongs to a document lives as long as it is open: after a close, the server pulls the document's
// settings again on the next open (the worker's tree of it is dropped too: analysisWorker.test.ts).

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspTestClient } from './support/lspTestClient';

const GUARD = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Guard {
    address public owner = msg.sender;

    function sweep(address payable to) external {
        require(tx.origin == owner, "not owner");
        to.transfer(address(this).balance);
    }
}
`;

describe('document lifecycle over LSP', () => {
  let client: LspTestClient;

  beforeEach(async () => {
    const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sol-audit-lifecycle-')));
    fs.writeFileSync(path.join(folder, 'foundry.toml'), '[profile.default]\n');
    client = new LspTestClient(folder, { debounceMs: 0 });
    await client.initialize();
  });

  afterEach(() => client.stop());

  it('drops a document\'s settings when it closes: reopened, it is analysed with the settings of now', async () => {
    const uri = client.uriOf('Guard.sol');
    const flagged = (await client.open(uri, GUARD)).map((d) => d.code);
    assert.ok(flagged.includes('tx-origin'), `tx-origin among ${flagged.join(', ')}`);
    // Changed without didChangeConfiguration: only a server that forgot the cached settings sees it.
    client.settings = { ...client.settings, rules: { 'tx-origin': 'off' } };
    const cleared = client.diagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
    await client.close(uri);
    await cleared;
    const reopened = (await client.open(uri, GUARD)).map((d) => d.code);
    assert.ok(!reopened.includes('tx-origin'), `tx-origin still among ${reopened.join(', ')}`);
  });
});
