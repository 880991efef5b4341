// The helpers behind the arithmetic, randomness, signature and DeFi rules: local data flow, arithmetic guards,
// signature recovery and hash construction, and DEX router call recognition.

import * as assert from 'node:assert/strict';
import type { ASTNode, BinaryOperation, FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { arithmeticOperation, isGuarded } from '../../src/analysis/arithmeticGuards';
import { blockValueKind } from '../../src/analysis/blockEnvironment';
import { LocalDataFlow } from '../../src/analysis/localDataFlow';
import { hashConstruction, signatureRecoveries } from '../../src/analysis/signatureRecovery';
import { isUnboundedMaximum, swapCallOf } from '../../src/analysis/swapCalls';
import { findAll } from '../../src/engine/walk';
import { functionOf, loadProject } from './analysisProject';

const SOURCE = `
interface IRouter {
  function swapExactTokensForTokens(uint a, uint m, address[] calldata p, address t, uint d) external returns (uint[] memory);
}
contract A {
  IRouter router;
  mapping(address => uint) balances;
  function flow(uint input) external view returns (uint) {
    uint seed = block.timestamp;
    uint mixed = seed + input;
    uint unrelated = 7;
    return mixed % unrelated;
  }
  function guarded(uint a, uint b) external pure returns (uint) {
    require(a >= b);
    uint d = a - b;
    uint c = a + b;
    require(c >= a);
    return d * c;
  }
  function unguarded(uint a, uint b) external pure returns (uint) {
    return a - b;
  }
  function recover(bytes32 digest, address to, uint amount, uint8 v, bytes32 r, bytes32 s) external pure returns (address) {
    bytes32 message = keccak256(abi.encode(to, amount));
    address fromBuilt = ecrecover(message, v, r, s);
    address fromParam = ecrecover(digest, v, r, s);
    return fromBuilt == fromParam ? fromBuilt : address(0);
  }
  function swap(uint amount, address[] calldata path) external {
    router.swapExactTokensForTokens(amount, 0, path, address(this), type(uint256).max);
  }
}`;

describe('analysis helpers for arithmetic, randomness, signatures and DeFi rules', () => {
  const project = loadProject({ 'A.sol': SOURCE });
  const fileText = project.files()[0].text;
  const textOf = (node: ASTNode): string => fileText.slice(node.range?.[0] ?? 0, (node.range?.[1] ?? 0) + 1).replace(/\s+/g, '');

  it('follows locals to the block values they hold, and not to unrelated locals', () => {
    const { fn } = functionOf(project, 'A', 'flow');
    const flow = LocalDataFlow.of(fn);
    const modulo = findAll(fn.body as ASTNode, (n): n is BinaryOperation => n.type === 'BinaryOperation' && n.operator === '%')[0];
    assert.equal(blockValueKind(flow.findSource(modulo.left, (n) => blockValueKind(n) !== undefined) as ASTNode), 'timestamp');
    assert.equal(flow.dependsOn(modulo.right, (n) => blockValueKind(n) !== undefined), false);
    assert.equal(flow.isParameter('input'), true);
    assert.equal(flow.isParameter('seed'), false);
  });

  it('treats a matching require as a guard for subtraction and the c >= a idiom for addition', () => {
    const guarded = functionOf(project, 'A', 'guarded').fn;
    const ops = findAll(guarded.body as ASTNode, (n) => arithmeticOperation(n) !== undefined).map((n) => arithmeticOperation(n)!);
    const byOperator = (op: string) => ops.find((o) => o.operator === op)!;
    assert.equal(isGuarded(byOperator('-'), guarded, textOf), true);
    assert.equal(isGuarded(byOperator('+'), guarded, textOf), true);
    assert.equal(isGuarded(byOperator('*'), guarded, textOf), false);
    const unguarded = functionOf(project, 'A', 'unguarded').fn;
    const sub = findAll(unguarded.body as ASTNode, (n) => arithmeticOperation(n) !== undefined).map((n) => arithmeticOperation(n)!)[0];
    assert.equal(isGuarded(sub, unguarded, textOf), false);
  });

  it('finds ecrecover calls and the hash construction only when the hash is built in the function', () => {
    const { fn } = functionOf(project, 'A', 'recover');
    const recoveries = signatureRecoveries(fn);
    assert.equal(recoveries.length, 2);
    const built = hashConstruction(recoveries[0].hash, fn).map(textOf);
    assert.ok(built.some((t) => t.includes('abi.encode(to,amount)')), built.join(' | '));
    assert.deepEqual(hashConstruction(recoveries[1].hash, fn), []);
  });

  it('reads the minimum output and deadline of a V2 router call', () => {
    const { fn } = functionOf(project, 'A', 'swap');
    const call = findAll(fn.body as ASTNode, (n): n is FunctionCall => n.type === 'FunctionCall' && n.expression.type === 'MemberAccess')[0];
    const swap = swapCallOf(call);
    assert.ok(swap);
    assert.equal(swap.minimums.length, 1);
    assert.equal(textOf(swap.minimums[0]), '0');
    assert.ok(swap.deadline && isUnboundedMaximum(swap.deadline));
  });
});
