// The grammar loads asynchronously and parsing is synchronous: a parse in a process that did not await
// loadTreeSitter() must fail loudly (a missing await in an entry point), never fall back to another parser.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from './support/fixtureProject';

describe('front-end loading', () => {
  it('a parse before loadTreeSitter() throws TreeSitterNotLoadedError', () => {
    const script = "require('./rules/src/parse/parseSolidity').parseSolidity('contract C {}')";
    const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', '--eval', script], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /TreeSitterNotLoadedError: tree-sitter is not loaded: await loadTreeSitter\(\) before parsing/);
  });
});
