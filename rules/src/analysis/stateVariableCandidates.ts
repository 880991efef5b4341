// Shared checks for rules that turn a storage variable into a `constant` or `immutable`: which own state
// variables of a contract are plain storage, how to insert the keyword, and which names are constants.

import type { StateVariableDeclarationVariable } from '@solidity-parser/parser/dist/src/ast-types';
import type { Fixer } from '../engine/ruleApi';
import type { TextEdit } from '../model/finding';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import { contractsSharingState } from './stateVariableUsage';
import { isUpgradeableContract } from './upgradeability';

/** Own state variables that occupy a storage slot today (not constant, immutable or transient). */
export function storageVariables(contract: ContractInfo): StateVariableDeclarationVariable[] {
  return contract.ownStateVariables().filter((v) => !v.isDeclaredConst && !v.isImmutable && !v.isTransient);
}

/**
 * True when removing a storage slot from `contract` is unsafe: the contract or one deriving from it sits
 * behind a proxy, so every later slot would move.
 */
export function storageLayoutIsFrozen(project: ProjectModel, contract: ContractInfo): boolean {
  return contractsSharingState(project, contract).some(isUpgradeableContract);
}

/** True when `name` is a `constant` state variable of the hierarchy or a file-level constant of the file. */
export function isConstantName(contract: ContractInfo, name: string): boolean {
  const state = contract.stateVariable(name);
  if (state) return state.node.isDeclaredConst === true;
  return (contract.file.ast?.children ?? []).some((c) => c.type === 'FileLevelConstant' && c.name === name);
}

/** Inserts ` keyword` right after the variable's type: `uint256 public x` becomes `uint256 constant public x`. */
export function insertAfterType(fixer: Fixer, variable: StateVariableDeclarationVariable, keyword: string): TextEdit[] {
  return variable.typeName ? [fixer.insertAfter(variable.typeName, ` ${keyword}`)] : [];
}
