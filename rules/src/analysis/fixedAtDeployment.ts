// Whether an address expression names something chosen once, at deployment: a constant or immutable, or a
// storage variable that only constructors and initializers write. Token rules ask it to tell "the token this
// protocol was deployed with" (known to the deployer, e.g. LINK or WETH) from a token a caller picks.

import type { ASTNode, Expression, FunctionDefinition, ModifierDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import { isInitializerGuarded } from './accessControl';
import { memoize } from './analysisCache';
import { FunctionScope, isElementaryTypeName } from './scope';
import { stateVariableOf, stateWrites, storagePointers } from './stateAccess';
import { contractsSharingState } from './stateVariableUsage';

/** `IERC20(x)`, `address(x)`, `payable(x)`: conversions keep the value. */
function stripConversions(expr: Expression, scope: FunctionScope): Expression {
  let current = expr;
  while (current.type === 'FunctionCall' && current.arguments.length === 1 && current.names.length === 0) {
    const callee = current.expression;
    const isConversion =
      callee.type === 'ElementaryTypeName' || (callee.type === 'Identifier' && (isElementaryTypeName(callee.name) || !!scope.contractNamed(callee.name)));
    if (!isConversion) break;
    current = current.arguments[0];
  }
  return current.type === 'TupleExpression' && current.components.length === 1 && current.components[0] ? stripConversions(current.components[0] as Expression, scope) : current;
}

/** True when `expr` (after conversions) is a constant, an immutable, or storage written only at deployment. */
export function isFixedAtDeployment(expr: Expression | undefined, scope: FunctionScope): boolean {
  if (!expr || !scope.contract) return false;
  const value = stripConversions(expr, scope);
  if (value.type === 'Identifier') {
    const state = scope.stateVariable(value.name, value);
    if (state && (state.node.isDeclaredConst || state.node.isImmutable)) return true;
  }
  // Only a whole variable or a struct field counts: `tokens[i]` is one of many, chosen by the index.
  if (value.type !== 'Identifier' && value.type !== 'MemberAccess') return false;
  const variable = stateVariableOf(value, scope, storagePointers(scope));
  if (!variable) return false;
  const written = deploymentOnlyWriters(scope.project, scope.contract).get(variable.declaration ?? variable.name);
  // A declared variable that no function writes keeps the value it was declared with.
  return written === true || (written === undefined && !!variable.declaration);
}

/**
 * For every piece of state the contract's code writes (keyed by declaration, or by `Struct.field` for namespaced
 * storage): true when every write sits in a constructor or an initializer, false when some other function writes it.
 */
function deploymentOnlyWriters(project: ProjectModel, contract: ContractInfo): Map<unknown, boolean> {
  return memoize(project, 'fixedAtDeployment.writers', contract, () => {
    const out = new Map<unknown, boolean>();
    const owners = new Set<ContractInfo>(contract.linearization);
    // Derived contracts share the base's storage and may write it too.
    for (const base of contract.linearization) for (const derived of contractsSharingState(project, base)) owners.add(derived);
    for (const owner of owners) {
      const callables: (FunctionDefinition | ModifierDefinition)[] = [...owner.ownFunctions(), ...owner.ownMembers<ModifierDefinition>('ModifierDefinition')];
      for (const callable of callables) {
        if (!callable.body) continue;
        const scope = new FunctionScope(project, owner.file, owner, callable);
        const atDeployment = callable.type === 'FunctionDefinition' && (callable.isConstructor || isInitializerGuarded(callable, owner, project));
        for (const write of stateWrites(callable.body as ASTNode, scope)) {
          const key = write.variable.declaration ?? write.variable.name;
          out.set(key, atDeployment && out.get(key) !== false);
        }
      }
    }
    return out;
  });
}
