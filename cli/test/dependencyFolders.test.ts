// What a folder scan of the built CLI leaves out: a project with core code in src/lib/ and a dependency in lib/
// (test-fixtures/projects/src-lib), and throw-away projects for foundry.toml `libs` and the two ways to report
// dependencies. Every format says what was not reported.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import { compileSarifSchema, FIXTURES_ROOT, ensureCliBuilt, makeProject, removeProject, runCli, WALLET_SOL } from './cliHarness';

const SRC_LIB = path.join(FIXTURES_ROOT, 'projects/src-lib');
// --no-cache: the fixture folder must not gain a .sol-audit-cache/.
const ARGS = ['--rules', 'tx-origin', '--fail-on', 'never', '--no-cache'];
const DEPENDENCY_NOTE = '1 file in dependency folders not reported (lib/); --include-deps (or "reportDependencies": true) reports them';

describe('sol-audit dependency folders', () => {
  before(() => ensureCliBuilt());

  it('reports src/lib/, leaves out the root lib/ and says so after the summary', () => {
    const run = runCli(['.', ...ARGS], SRC_LIB);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'src/lib/OwnerAuth.sol');
    assert.doesNotMatch(run.stdout, /DepMath/);
    assert.deepEqual(lines.slice(-2), ['1 finding (0 high, 1 medium, 0 low, 0 informational) in 2 files', DEPENDENCY_NOTE]);
    assert.equal(run.stderr, '');
  });

  it('reports the dependency with --include-deps, and then has nothing to say about it', () => {
    const run = runCli(['.', ...ARGS, '--include-deps'], SRC_LIB);
    assert.match(run.stdout, /^lib\/dep\/src\/DepMath\.sol$/m);
    assert.match(run.stdout, /^src\/lib\/OwnerAuth\.sol$/m);
    assert.equal(run.stdout.trimEnd().split('\n').at(-1), '2 findings (0 high, 2 medium, 0 low, 0 informational) in 3 files');
  });

  it('carries what was left out in JSON, SARIF and Markdown', () => {
    const json = JSON.parse(runCli(['.', ...ARGS, '--format', 'json'], SRC_LIB).stdout);
    assert.deepEqual(json.files, ['src/Treasury.sol', 'src/lib/OwnerAuth.sol']);
    assert.deepEqual(json.leftOut, [{ folder: 'lib', reason: 'dependency', fileCount: 1 }]);

    const sarif: Sarif.Log = JSON.parse(runCli(['.', ...ARGS, '--format', 'sarif'], SRC_LIB).stdout);
    const validate = compileSarifSchema();
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
    const [note] = sarif.runs[0].invocations?.[0].toolExecutionNotifications ?? [];
    assert.equal(note.level, 'note');
    // SARIF paths are relative to the enclosing git work tree when there is one, as GitHub expects.
    assert.match(note.message.text ?? '', /^1 file in dependency folders not reported \((test-fixtures\/projects\/src-lib\/)?lib\/\); --include-deps/);
    assert.match(note.locations?.[0].physicalLocation?.artifactLocation?.uri ?? '', /^(test-fixtures\/projects\/src-lib\/)?lib\/$/);
    assert.deepEqual(note.properties, { reason: 'dependency', fileCount: 1 });

    const markdown = runCli(['.', ...ARGS, '--format', 'markdown'], SRC_LIB).stdout;
    assert.match(markdown, /^- 1 file in dependency folders not reported \(`lib\/`\); --include-deps/m);
  });

  it('keeps a folder named inside lib/ a dependency, and says so instead of "no Solidity files found"', () => {
    const run = runCli(['lib/dep', ...ARGS], SRC_LIB);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.deepEqual(run.stdout.trimEnd().split('\n'), ['0 findings (0 high, 0 medium, 0 low, 0 informational) in 0 files', DEPENDENCY_NOTE]);
    // A file the user names is reported wherever it is.
    assert.match(runCli(['lib/dep/src/DepMath.sol', ...ARGS], SRC_LIB).stdout, /tx-origin/);
  });

  describe('in a project with its own layout', () => {
    let root: string;
    before(() => {
      root = makeProject({
        'foundry.toml': '[profile.default]\nsrc = "src"\nlibs = ["deps"]\nout = "build"\n',
        'src/Vault.sol': WALLET_SOL,
        'lib/Wallet.sol': WALLET_SOL,
        'deps/solady/src/Wallet.sol': WALLET_SOL,
        'build/Vault.sol/Wallet.sol': WALLET_SOL,
      });
    });
    after(() => removeProject(root));

    it('honours foundry.toml libs and out: lib/ is then the project\'s own code', () => {
      const json = JSON.parse(runCli(['.', ...ARGS, '--format', 'json'], root).stdout);
      assert.deepEqual(json.files, ['lib/Wallet.sol', 'src/Vault.sol']);
      assert.deepEqual(json.leftOut, [
        { folder: 'build', reason: 'build-output', fileCount: 1 },
        { folder: 'deps', reason: 'dependency', fileCount: 1 },
      ]);
      const text = runCli(['.', ...ARGS], root).stdout;
      assert.match(text, /^1 file in build outputs not analysed \(build\/\)$/m);
    });

    it('"reportDependencies": true in .sol-audit.json does what --include-deps does', () => {
      const flag = JSON.parse(runCli(['.', ...ARGS, '--format', 'json', '--include-deps'], root).stdout);
      const configRoot = makeProject({ 'foundry.toml': '[profile.default]\nlibs = ["deps"]\n', '.sol-audit.json': '{ "reportDependencies": true }', 'deps/solady/src/Wallet.sol': WALLET_SOL });
      try {
        const config = JSON.parse(runCli(['.', ...ARGS, '--format', 'json'], configRoot).stdout);
        assert.deepEqual(config.files, ['deps/solady/src/Wallet.sol']);
        assert.deepEqual(config.leftOut, []);
      } finally {
        removeProject(configRoot);
      }
      assert.ok(flag.files.includes('deps/solady/src/Wallet.sol'));
      assert.deepEqual(flag.leftOut, [{ folder: 'build', reason: 'build-output', fileCount: 1 }]);
    });
  });
});
