// The return types ERC-20 and ERC-721 fix for their functions, and the test for whether a contract
// hierarchy implements one of them, for the incorrect-erc20-interface and incorrect-erc721-interface rules.

import type { FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import type { ContractInfo } from '../project/projectModel';
import { canonicalType, returnTypes, signatureOf } from './functionSignatures';

/** Functions whose callers ABI-decode a return value: a missing or different one makes the call revert. */
export const ERC20_RETURNS: ReadonlyMap<string, string[]> = new Map([
  ['totalSupply()', ['uint256']],
  ['balanceOf(address)', ['uint256']],
  ['transfer(address,uint256)', ['bool']],
  ['transferFrom(address,address,uint256)', ['bool']],
  ['approve(address,uint256)', ['bool']],
  ['allowance(address,address)', ['uint256']],
]);

export const ERC721_RETURNS: ReadonlyMap<string, string[]> = new Map([
  ['balanceOf(address)', ['uint256']],
  ['ownerOf(uint256)', ['address']],
  ['getApproved(uint256)', ['address']],
  ['isApprovedForAll(address,address)', ['bool']],
  ['supportsInterface(bytes4)', ['bool']],
]);

function signatures(contract: ContractInfo): Set<string> {
  const out = new Set<string>();
  for (const { node } of contract.functions()) out.add(signatureOf(node));
  // Public state variables are getters: `mapping(address => uint256) public balanceOf` is `balanceOf(address)`.
  for (const { node } of contract.stateVariables()) {
    if (node.visibility !== 'public' || !node.name) continue;
    out.add(node.typeName?.type === 'Mapping' ? `${node.name}(${canonicalType(node.typeName.keyType)})` : `${node.name}()`);
  }
  return out;
}

export function looksLikeErc721(contract: ContractInfo): boolean {
  return signatures(contract).has('ownerOf(uint256)');
}

export function looksLikeErc20(contract: ContractInfo): boolean {
  const own = signatures(contract);
  return !looksLikeErc721(contract) && own.has('balanceOf(address)') && (own.has('transfer(address,uint256)') || own.has('transferFrom(address,address,uint256)'));
}

/** The standard's return types for `fn` when they differ from what it declares, else undefined. */
export function wrongReturns(fn: FunctionDefinition, standard: ReadonlyMap<string, string[]>): { expected: string[]; actual: string[] } | undefined {
  const expected = standard.get(signatureOf(fn));
  if (!expected) return undefined;
  const actual = returnTypes(fn);
  return actual.join(',') === expected.join(',') ? undefined : { expected, actual };
}
