// State variables that carry authority or feed arithmetic: the ones whose changes deserve an event. Computed
// over a contract hierarchy once per project.

import type { BinaryOperation, ModifierDefinition, StateVariableDeclarationVariable } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import { memoize } from './analysisCache';
import { isMsgSender } from './astQueries';
import { FunctionScope } from './scope';

const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '**', '+=', '-=', '*=', '/=', '%=']);

/** Binary operations of every function and modifier in the hierarchy, each with the scope that resolves its names. */
function binaryOperations(project: ProjectModel, contract: ContractInfo): { node: BinaryOperation; scope: FunctionScope }[] {
  // Memoised: both sets below walk the same bodies.
  return memoize(project, 'criticalParameters.binaryOperations', contract, () => {
    const out: { node: BinaryOperation; scope: FunctionScope }[] = [];
    for (const member of contract.linearization) {
      for (const callable of [...member.ownFunctions(), ...member.ownMembers<ModifierDefinition>('ModifierDefinition')]) {
        if (!callable.body) continue;
        const scope = new FunctionScope(project, member.file, contract, callable);
        for (const node of findAll(callable.body, (n): n is BinaryOperation => n.type === 'BinaryOperation')) out.push({ node, scope });
      }
    }
    return out;
  });
}

/** Address state variables compared with the caller (`msg.sender == owner`) anywhere in the hierarchy. */
export function accessControlVariables(project: ProjectModel, contract: ContractInfo): ReadonlySet<StateVariableDeclarationVariable> {
  return memoize(project, 'accessControlVariables', contract, () => {
    const out = new Set<StateVariableDeclarationVariable>();
    for (const { node, scope } of binaryOperations(project, contract)) {
      if (node.operator !== '==' && node.operator !== '!=') continue;
      const other = isMsgSender(node.left) ? node.right : isMsgSender(node.right) ? node.left : undefined;
      if (other?.type !== 'Identifier') continue;
      const state = scope.stateVariable(other.name, other);
      if (state) out.add(state.node);
    }
    return out;
  });
}

/** Integer state variables used as an operand of arithmetic anywhere in the hierarchy (`amount * feeBps`). */
export function arithmeticVariables(project: ProjectModel, contract: ContractInfo): ReadonlySet<StateVariableDeclarationVariable> {
  return memoize(project, 'arithmeticVariables', contract, () => {
    const out = new Set<StateVariableDeclarationVariable>();
    for (const { node, scope } of binaryOperations(project, contract)) {
      if (!ARITHMETIC.has(node.operator)) continue;
      // The target of `x += 1` is written, not configured: only right-hand operands count for compound assignments.
      const operands = node.operator.endsWith('=') ? [node.right] : [node.left, node.right];
      for (const operand of operands) {
        if (operand.type !== 'Identifier') continue;
        const state = scope.stateVariable(operand.name, operand);
        const type = state?.node.typeName;
        if (state && type?.type === 'ElementaryTypeName' && /^u?int\d*$/.test(type.name)) out.add(state.node);
      }
    }
    return out;
  });
}
