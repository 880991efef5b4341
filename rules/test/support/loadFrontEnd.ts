// Mocha root hook (required by .mocharc.json): loads the tree-sitter grammar once before any test runs, as every
// entry point of the engine does before its first parse. Run one test file with
// `npx mocha --no-config -r tsx/cjs -r rules/test/support/loadFrontEnd.ts --extension ts <file>`.

import { loadTreeSitter } from '../../src/parse/treeSitter';

export const mochaHooks = {
  async beforeAll(): Promise<void> {
    await loadTreeSitter();
  },
};
