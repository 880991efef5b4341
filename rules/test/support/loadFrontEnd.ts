// Mocha root hook plugin (required by .mocharc.json): loads the tree-sitter grammar, as every entry point of the
// engine does before its first parse. Mocha awaits this function before it loads the test files, so files that
// parse while defining their tests find it loaded too. Run one test file with
// `npx mocha --no-config -r tsx/cjs -r rules/test/support/loadFrontEnd.ts --extension ts <file>`.

import { loadTreeSitter } from '../../src/parse/treeSitter';

export async function mochaHooks(): Promise<Record<string, never>> {
  await loadTreeSitter();
  return {};
}
