// immutable-states (gas): a state variable assigned only in the constructor (or from a non-constant
// initialiser) and never written afterwards.

import type { ContractDefinition, ExpressionStatement, FunctionDefinition, ModifierDefinition, StateVariableDeclarationVariable } from '@solidity-parser/parser/dist/src/ast-types';
import { isCompileTimeConstant } from '../analysis/constantExpressions';
import { insertAfterType, isConstantName, storageLayoutIsFrozen, storageVariables } from '../analysis/stateVariableCandidates';
import { stateVariableUsage, type StateVariableUsage } from '../analysis/stateVariableUsage';
import { defineRule } from '../engine/ruleApi';
import { mayCompileBelow } from '../parse/pragma';
import type { ContractInfo, ProjectModel } from '../project/projectModel';

function isConstructor(callable: FunctionDefinition | ModifierDefinition): callable is FunctionDefinition {
  return callable.type === 'FunctionDefinition' && callable.isConstructor;
}

/** Value types an immutable can hold: elementary value types and contract or interface types. */
function canBeImmutable(variable: StateVariableDeclarationVariable, contract: ContractInfo, project: ProjectModel): boolean {
  const type = variable.typeName;
  if (type?.type === 'ElementaryTypeName') return type.name !== 'string' && type.name !== 'bytes';
  if (type?.type === 'UserDefinedTypeName') {
    const named = project.resolveContractName(type.namePath, contract.file.path);
    return !!named && named.kind !== 'library';
  }
  return false;
}

/**
 * Before 0.8.21 an immutable had to be assigned exactly once, as a top-level statement of the constructor,
 * and could not be read during construction.
 */
function meetsPre0821Rules(variable: StateVariableDeclarationVariable, usage: StateVariableUsage, constructor: FunctionDefinition | undefined): boolean {
  if (usage.writes.length === 0) return true;
  if (variable.expression || usage.writes.length > 1 || !constructor?.body) return false;
  const write = usage.writes[0].node;
  const topLevel = constructor.body.statements.some((s) => s.type === 'ExpressionStatement' && (s as ExpressionStatement).expression === write);
  const readInConstructor = usage.reads.some((r) => r.callable === constructor);
  return topLevel && !readInConstructor;
}

export default defineRule({
  meta: {
    id: 'immutable-states',
    title: 'State variable could be immutable',
    severity: 'gas',
    confidence: 'high',
    category: 'gas',
    scope: 'hierarchy',
    readsCompilerVersion: true,
    swc: [],
    description:
      'The variable is set once, in the constructor or by its initialiser, and never written afterwards. As storage every read costs a 2100-gas cold `SLOAD`; as `immutable` the value is stored in the deployed bytecode and read for 3 gas.',
    exploitScenario: 'None: this costs gas, it is not exploitable.',
    recommendation:
      'Declare it `immutable`. Not reported for contracts behind a proxy (the implementation\'s constructor does not run for the proxy, and the storage layout would shift) or for compilers older than 0.6.5.',
    references: [
      'https://github.com/crytic/slither/wiki/Detector-Documentation#state-variables-that-could-be-declared-immutable',
      'https://docs.soliditylang.org/en/latest/contracts.html#immutable',
    ],
    messages: { default: '`{{name}}` is only set during construction; declare it `immutable`.' },
    fixable: true,
  },
  create(context) {
    return {
      ContractDefinition(node: ContractDefinition) {
        const contract = context.project.contractOf(node);
        if (!contract || contract.kind === 'interface' || contract.kind === 'library') return;
        // `immutable` exists from 0.6.5.
        if (mayCompileBelow(context.file.pragma, '0.6.5') || storageLayoutIsFrozen(context.project, contract)) return;
        const strictRules = mayCompileBelow(context.file.pragma, '0.8.21');
        const constructor = contract.ownFunctions().find((f) => isConstructor(f));
        const usage = stateVariableUsage(context.project, contract);
        for (const variable of storageVariables(contract)) {
          const used = usage.get(variable);
          if (!used || used.inAssembly || !canBeImmutable(variable, contract, context.project)) continue;
          // Any write outside this contract's own constructor (a function, a modifier, a derived constructor) rules it out.
          if (used.writes.some((w) => w.contract !== contract || !isConstructor(w.callable))) continue;
          const constantInitialiser = isCompileTimeConstant(variable.expression, (name) => isConstantName(contract, name));
          // Skip never-assigned variables and literal initialisers without writes: that is constable-states' case.
          if (used.writes.length === 0 && (!variable.expression || constantInitialiser)) continue;
          if (strictRules && !meetsPre0821Rules(variable, used, constructor)) continue;
          context.report({
            node: variable.identifier ?? variable,
            messageId: 'default',
            data: { name: variable.name ?? '' },
            fix: { description: `Declare \`${variable.name}\` immutable`, edits: (fixer) => insertAfterType(fixer, variable, 'immutable') },
          });
        }
      },
    };
  },
});
