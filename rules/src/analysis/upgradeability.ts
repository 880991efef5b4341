// Recognises contracts meant to sit behind a proxy, whose storage layout must not change between versions:
// turning a variable into a constant or immutable, or deleting it, would shift every slot after it.

import type { FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import type { ContractInfo } from '../project/projectModel';

const UPGRADEABLE_BASES = new Set(['Initializable', 'UUPSUpgradeable']);

export function isUpgradeableContract(contract: ContractInfo): boolean {
  if (contract.linearization.some((c) => UPGRADEABLE_BASES.has(c.name) || c.name.endsWith('Upgradeable'))) return true;
  // Unresolved bases (a dependency not on disk) still name their intent.
  if (contract.unresolvedBases.some((name) => UPGRADEABLE_BASES.has(name) || name.endsWith('Upgradeable'))) return true;
  return contract.functions().some((m) => m.node.name === 'initialize' || m.node.modifiers.some((mod) => mod.name === 'initializer'));
}

/** Upgradeable-looking for security rules: the structural signs above, or a hand-rolled `initialized` flag. */
export function looksUpgradeable(contract: ContractInfo): boolean {
  return isUpgradeableContract(contract) || contract.stateVariables().some((v) => /^_?initiali[sz]ed$/i.test(v.node.name ?? ''));
}

/** Whether a base of this name is in the hierarchy (resolved or not). */
export function inheritsNamed(contract: ContractInfo, name: string): boolean {
  return contract.linearization.some((c) => c !== contract && c.name === name) || contract.unresolvedBases.some((b) => b === name || b.endsWith(`.${name}`));
}

/** Functions that run as initializers: `initializer` or `reinitializer(n)` modifiers, in the whole hierarchy. */
export function initializerFunctions(contract: ContractInfo): FunctionDefinition[] {
  return contract.functions().filter((m) => m.node.modifiers.some((mod) => mod.name === 'initializer' || mod.name === 'reinitializer')).map((m) => m.node);
}

/** Constructors in the hierarchy: they all run when the contract is deployed. */
export function constructors(contract: ContractInfo): FunctionDefinition[] {
  return contract.linearization.flatMap((c) => c.ownFunctions().filter((f) => f.isConstructor));
}
