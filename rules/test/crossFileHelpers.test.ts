// Helpers reached from entry points in other files: a rule that follows an internal helper's callers across the
// project must read each caller in its own file. Per-file fixtures cannot show this (the fixture runner loads a file
// and what it imports, never the contracts built on it), so these scan both files as one project.

import * as assert from 'node:assert/strict';
import { analyzeFile, DEFAULT_CONFIG, defaultRegistry, InMemoryFileHost, ProjectModel, selectRules } from '../src/index';

// The base's text is longer than the caller's file, so a caller's offsets read in the wrong file land on other text.
const base = `pragma solidity 0.8.24;
/// @notice Records deposits. The helper below adds without overflow checks: it is safe only when every caller has
/// bounded the amount first, which the contracts built on this base do through _checkAmount before they record.
/// Nothing else in this base checks the amount; a caller that forgets to validate it lets the total wrap around.
abstract contract AccountingBase {
    uint256 public total;
    function _checkAmount(uint256 amount) internal pure {
        require(amount <= 1e30, "too large");
    }
    function _record(uint256 amount) internal {
        unchecked {
            total += amount;
        }
    }
}
`;

function uncheckedArithmeticInBase(derived: string): number[] {
  const files = new Map([
    ['/p/AccountingBase.sol', base],
    ['/p/Deposits.sol', derived],
  ]);
  const project = ProjectModel.load([...files.keys()], { root: '/p', host: new InMemoryFileHost(files) });
  const file = project.file('/p/AccountingBase.sol');
  assert.ok(file);
  const findings = analyzeFile(project, file, selectRules(defaultRegistry(), DEFAULT_CONFIG, { only: ['unchecked-arithmetic'] }));
  return findings.filter((f) => f.ruleId === 'unchecked-arithmetic').map((f) => f.range.startLine);
}

const derived = (body: string): string => `pragma solidity 0.8.24;
import {AccountingBase} from "./AccountingBase.sol";
contract Deposits is AccountingBase {
    function record(uint256 amount) external {
${body}
    }
}
`;

describe('helpers reached from entry points in other files', () => {
  it('unchecked-arithmetic: an amount validated by a helper in the caller\'s file is bounded', () => {
    assert.deepEqual(uncheckedArithmeticInBase(derived('        _checkAmount(amount);\n        _record(amount);')), []);
  });

  it('unchecked-arithmetic: the same amount handed over unvalidated is reported in the helper', () => {
    assert.deepEqual(uncheckedArithmeticInBase(derived('        _record(amount);')), [12]);
  });
});
