// Recognises contracts meant to sit behind a proxy, whose storage layout must not change between versions:
// turning a variable into a constant or immutable, or deleting it, would shift every slot after it.

import type { ContractInfo } from '../project/projectModel';

const UPGRADEABLE_BASES = new Set(['Initializable', 'UUPSUpgradeable']);

export function isUpgradeableContract(contract: ContractInfo): boolean {
  if (contract.linearization.some((c) => UPGRADEABLE_BASES.has(c.name) || c.name.endsWith('Upgradeable'))) return true;
  // Unresolved bases (a dependency not on disk) still name their intent.
  if (contract.unresolvedBases.some((name) => UPGRADEABLE_BASES.has(name) || name.endsWith('Upgradeable'))) return true;
  return contract.functions().some((m) => m.node.name === 'initialize' || m.node.modifiers.some((mod) => mod.name === 'initializer'));
}
