// Names of functions referenced from inside a contract hierarchy: plain calls `f(x)`, function values `f`,
// `super.f` and `Base.f`. A public function whose name never appears here is only called from outside.

import type { ASTNode } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import { memoize } from './analysisCache';
import { contractsSharingState } from './stateVariableUsage';

/** Names referenced internally by `contract` or any contract deriving from it, computed once per project. */
export function internallyReferencedNames(project: ProjectModel, contract: ContractInfo): ReadonlySet<string> {
  return memoize(project, 'internallyReferencedNames', contract, () => {
    const names = new Set<string>();
    for (const member of contractsSharingState(project, contract)) {
      const bases = new Set(member.linearization.map((c) => c.name));
      const declarations = new Set<ASTNode>();
      for (const node of findAll(member.node, () => true)) {
        if (node.type === 'VariableDeclaration' && node.identifier) declarations.add(node.identifier);
      }
      for (const node of findAll(member.node, () => true)) {
        if (node.type === 'Identifier' && !declarations.has(node)) names.add(node.name);
        if (node.type === 'MemberAccess' && node.expression.type === 'Identifier' && (node.expression.name === 'super' || bases.has(node.expression.name))) {
          names.add(node.memberName);
        }
      }
    }
    return names;
  });
}
