// The return types ERC-20 and ERC-721 fix for their functions, the test for whether a contract hierarchy
// implements one of them (incorrect-erc20-interface, incorrect-erc721-interface), and which calls are ERC-20
// token calls through a bool-returning interface, resolved or not (unchecked-transfer, unsafe-erc20-*).

import type { Expression, FunctionCall, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import type { ContractInfo } from '../project/projectModel';
import { classifyCall } from './calls';
import { canonicalType, returnTypes, signatureOf } from './functionSignatures';
import { isElementaryTypeName, type FunctionScope } from './scope';

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

/** ERC-20 calls by argument count; `transferAndCall` is ERC-677's transfer (LINK), with the same boolean. */
const ERC20_CALL_ARITY: Readonly<Record<string, number>> = { transfer: 2, transferFrom: 3, approve: 2, transferAndCall: 3 };

/** Interface names that are not ERC-20: an NFT's `transferFrom(from, to, id)` has the ERC-20 arity. */
const NOT_ERC20_NAME = /721|1155|nft/i;

/** How sure we are that the interface called through declares `returns (bool)`. */
export type BoolReturn =
  /** The resolved interface declares it. */
  | 'declared'
  /** The interface cannot be resolved (a package that is not installed), but the caller reads a result, or its name is ERC-20's. */
  | 'evident'
  /** The interface cannot be resolved and nothing shows whether it returns anything. */
  | 'unknown';

export interface Erc20Call {
  name: string;
  /** The token expression the call is made on. */
  token: Expression;
  /** The interface or contract name the call goes through, when the syntax names one. */
  interfaceName: string | undefined;
  /** The resolved interface or contract; undefined when the project cannot resolve it. */
  receiver: ContractInfo | undefined;
  returnsBool: BoolReturn;
}

/**
 * An ERC-20 `transfer` / `transferFrom` / `approve` / `transferAndCall` through an interface that returns the
 * boolean, or through one the project cannot resolve (imported from a package that is not installed). An
 * unresolved call with the ERC-20 arity is still a token call: its result read as a value (`require(t.transfer(..))`)
 * proves the boolean, and an interface named like ERC-20 (`IERC20`, `ERC20Upgradeable`) is the standard one.
 * Undefined for calls through an interface without the boolean (USDT-style), NFTs and everything else.
 */
export function erc20Call(node: FunctionCall, scope: FunctionScope, resultRead: boolean): Erc20Call | undefined {
  if (node.expression.type !== 'MemberAccess') return undefined;
  const name = node.expression.memberName;
  if (ERC20_CALL_ARITY[name] !== node.arguments.length) return undefined;
  const call = classifyCall(node, scope);
  const token = call.target;
  if (!token) return undefined;
  const receiver = call.receiverContract;
  if (call.kind === 'external' && receiver) {
    const declared = receiver.functions().find((f) => f.node.name === name && f.node.parameters.length === node.arguments.length);
    const returns = declared?.node.returnParameters ?? [];
    const bool = returns.length === 1 && returns[0].typeName?.type === 'ElementaryTypeName' && returns[0].typeName.name === 'bool';
    return bool ? { name, token, interfaceName: receiver.name, receiver, returnsBool: 'declared' } : undefined;
  }
  if (call.kind !== 'external' && call.kind !== 'unknown') return undefined;
  const interfaceName = unresolvedTypeName(token, scope);
  // A receiver whose type the project does know (a struct, an elementary value) is no token.
  if (interfaceName === null) return undefined;
  if (interfaceName && NOT_ERC20_NAME.test(interfaceName)) return undefined;
  // A third argument named as an id (`tokenId`) is an NFT transfer whatever the interface.
  const last = node.arguments[node.arguments.length - 1];
  if (name === 'transferFrom' && last.type === 'Identifier' && /id$/i.test(last.name)) return undefined;
  const standardName = !!interfaceName && /erc20|^I?WETH/i.test(interfaceName);
  return { name, token, interfaceName, receiver: undefined, returnsBool: resultRead || standardName ? 'evident' : 'unknown' };
}

/**
 * The type name of a receiver the project cannot resolve: the `X` of a conversion `X(token)` or of a declaration
 * `X token`; undefined when the syntax names no type; null when the name resolves to something that is no
 * unresolved contract type.
 */
function unresolvedTypeName(receiver: Expression, scope: FunctionScope): string | undefined | null {
  let name: string | undefined;
  if (receiver.type === 'FunctionCall' && receiver.arguments.length === 1 && receiver.expression.type === 'Identifier') {
    name = receiver.expression.name;
  } else {
    const type = scope.typeOf(receiver);
    if (type && type.node.type !== 'UserDefinedTypeName') return null;
    if (type?.node.type === 'UserDefinedTypeName') name = type.node.namePath.slice(type.node.namePath.lastIndexOf('.') + 1);
  }
  if (!name) return undefined;
  if (isElementaryTypeName(name) || scope.contractNamed(name) || scope.structNamed(name)) return null;
  return name;
}
