// Pragma questions (pinned, admitted ranges, deployable files) and the known-bug data they are checked against.

import * as assert from 'node:assert/strict';
import semver from 'semver';
import { admitsVersionsIn, hasDeployableContract, hasImplementation, isPinned } from '../../src/analysis/compilerVersions';
import { createSourceFile } from '../../src/index';
import { KNOWN_COMPILER_BUGS } from '../../src/rules/outdated-compiler';

function pragmaOf(constraint: string) {
  const pragma = createSourceFile('/p/A.sol', `pragma solidity ${constraint};\ncontract A {}\n`).pragma;
  assert.ok(pragma, `no pragma parsed from ${constraint}`);
  return pragma;
}

describe('compilerVersions', () => {
  it('calls only a single exact version pinned', () => {
    for (const pinned of ['0.8.24', '=0.8.24']) assert.equal(isPinned(pragmaOf(pinned)), true, pinned);
    for (const floating of ['^0.8.24', '>=0.8.0 <0.9.0', '>=0.4.22<0.9.0', '~0.8.1', '0.8', '*']) assert.equal(isPinned(pragmaOf(floating)), false, floating);
  });

  it('intersects the pragma with a bug range', () => {
    assert.equal(admitsVersionsIn(pragmaOf('^0.8.13'), '0.8.13', '0.8.15'), true);
    assert.equal(admitsVersionsIn(pragmaOf('^0.8.20'), '0.8.13', '0.8.17'), false);
    assert.equal(admitsVersionsIn(pragmaOf('>=0.8.0 <0.8.13'), '0.8.13', '0.8.15'), false);
    assert.equal(admitsVersionsIn(pragmaOf('0.8.2'), undefined, '0.8.3'), true);
  });

  it('tells deployable files from interfaces, libraries and abstract contracts', () => {
    const file = (text: string) => createSourceFile('/p/B.sol', `pragma solidity 0.8.24;\n${text}\n`);
    assert.equal(hasDeployableContract(file('contract C {}')), true);
    assert.equal(hasDeployableContract(file('interface I {} library L {} abstract contract B {}')), false);
    assert.equal(hasImplementation(file('interface I { function f() external; }')), false);
    assert.equal(hasImplementation(file('library L {}')), true);
    assert.equal(hasImplementation(file('function f() pure returns (uint256) { return 1; }')), true);
  });

  it('keeps the known-bug data well formed', () => {
    for (const bug of KNOWN_COMPILER_BUGS) {
      assert.ok(semver.valid(bug.fixed), `${bug.name}: fixed ${bug.fixed} is not a version`);
      if (bug.introduced) assert.ok(semver.lt(bug.introduced, bug.fixed), `${bug.name}: introduced must precede fixed`);
      // Bugs fixed after 0.8.0 are only reported with their trigger, or every 0.8 pragma would be flagged.
      if (semver.gt(bug.fixed, '0.8.0')) assert.ok(bug.trigger, `${bug.name} needs a trigger`);
    }
  });
});
