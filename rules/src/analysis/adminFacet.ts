// Admin facets: proxy logic that leaves caller checks to the proxy dispatching to it.

import type { ContractInfo, ProjectModel } from '../project/projectModel';
import { isAccessControlled, isInitializer } from './accessControl';
import { memoize } from './analysisCache';
import { executionEvents } from './effects';
import { isStateChangingEntryPoint } from './entryPoints';
import { privilegedEffect } from './privilegedEffects';
import { looksUpgradeable } from './upgradeability';

/**
 * Unguarded privileged functions a logic contract must have before the missing checks read as a design rather than
 * as forgotten guards. One or two open setters beside the contract's other functions is the classic bug; a contract
 * whose every privileged function is open was written for a dispatcher that checks the caller.
 */
const MIN_OPEN_PRIVILEGED_FUNCTIONS = 3;

/**
 * Whether `contract` is proxy logic written as an admin facet: none of its own state-changing functions checks a
 * caller (initializers aside), though several change who controls it or its privileged settings. Such a contract
 * is reached through a proxy that routes only the admin's calls to it (Arbitrum's RollupAdminLogic behind
 * AdminFallbackProxy), so the guard lives in code this contract cannot show. Whether that proxy really routes so is
 * outside the contract: a finding on a facet is a question to check, not a proven open door.
 */
export function isAdminFacet(contract: ContractInfo, project: ProjectModel): boolean {
  return memoize(project, 'isAdminFacet', contract, () => {
    if (!looksUpgradeable(contract)) return false;
    const entryPoints = contract.ownFunctions().filter((fn) => isStateChangingEntryPoint(fn) && !/^init/i.test(fn.name ?? '') && !isInitializer(fn, contract, project));
    if (entryPoints.some((fn) => isAccessControlled(fn, contract, project))) return false;
    const privileged = entryPoints.filter((fn) => privilegedEffect(executionEvents(fn, contract, project), fn) !== undefined);
    return privileged.length >= MIN_OPEN_PRIVILEGED_FUNCTIONS;
  });
}
