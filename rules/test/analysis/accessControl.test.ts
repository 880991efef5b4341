// Guards: inherited onlyOwner through a checking function, body checks, named-but-unresolved modifiers,
// reentrancy guards by name and by mutex shape, and initializer guards.

import * as assert from 'node:assert/strict';
import { isInitializerGuarded, isReentrancyGuarded, senderCheck } from '../../src/analysis/accessControl';
import { functionOf, loadProject } from './analysisProject';

const SOURCE = `
import "./Ownable.sol";
contract A is Ownable {
  bool private busy;
  bool private initialized;
  address public admin;
  modifier mutex() { require(!busy); busy = true; _; busy = false; }
  modifier logged() { _; }
  function owned() external onlyOwner {}
  function inBody() external { require(msg.sender == admin, "no"); }
  function viaIf() external { if (_msgSender() != admin) revert(); }
  function external1() external onlyGovernance {}
  function open() external logged {}
  function guarded() external mutex {}
  function named() external nonReentrant {}
  function init() external { require(!initialized); initialized = true; }
  function initOpen() external { admin = msg.sender; }
}`;
const OWNABLE = `
abstract contract Ownable {
  address private _owner;
  modifier onlyOwner() { _checkOwner(); _; }
  function _checkOwner() internal view virtual { if (owner() != msg.sender) revert(); }
  function owner() public view returns (address) { return _owner; }
  function _msgSender() internal view returns (address) { return msg.sender; }
}`;

describe('analysis/accessControl', () => {
  const project = loadProject({ 'A.sol': SOURCE, 'Ownable.sol': OWNABLE });
  const check = (name: string) => {
    const { fn, contract } = functionOf(project, 'A', name);
    return senderCheck(fn, contract, project);
  };

  it('recognises inherited, body and named guards', () => {
    assert.equal(check('owned')?.description, 'modifier `onlyOwner`');
    assert.ok(check('inBody'));
    assert.ok(check('viaIf'));
    assert.ok(check('external1'));
  });

  it('does not take an unrelated modifier for a guard', () => assert.equal(check('open'), undefined));

  it('recognises reentrancy guards by name and by mutex shape', () => {
    for (const [name, expected] of [['guarded', true], ['named', true], ['open', false]] as const) {
      const { fn, contract } = functionOf(project, 'A', name);
      assert.equal(isReentrancyGuarded(fn, contract, project), expected, name);
    }
  });

  it('recognises a hand-written initializer flag', () => {
    for (const [name, expected] of [['init', true], ['initOpen', false]] as const) {
      const { fn, contract } = functionOf(project, 'A', name);
      assert.equal(isInitializerGuarded(fn, contract, project), expected, name);
    }
  });
});
