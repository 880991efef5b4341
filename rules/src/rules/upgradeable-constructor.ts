// upgradeable-constructor: an upgradeable contract does work in its constructor or gives state variables initial
// values; both run only in the implementation's own storage, never in the proxy's.

import type { ASTNode, ContractDefinition, FunctionDefinition, StateVariableDeclarationVariable, Statement } from '@solidity-parser/parser/dist/src/ast-types';
import { isZeroValue } from '../analysis/astQueries';
import { inheritsNamed, initializerFunctions, initializerLocks } from '../analysis/upgradeability';
import { defineRule } from '../engine/ruleApi';
import type { ContractInfo, ProjectModel } from '../project/projectModel';

/** Whether a NatSpec `@custom:oz-upgrades-unsafe-allow` comment sits right above `node`: the author accepted it. */
function isAcknowledged(text: string, node: ASTNode): boolean {
  const start = node.range?.[0] ?? 0;
  const before = text.slice(Math.max(0, start - 400), start);
  const lastCode = Math.max(before.lastIndexOf(';'), before.lastIndexOf('{'), before.lastIndexOf('}'));
  return before.slice(lastCode + 1).includes('oz-upgrades-unsafe-allow');
}

/**
 * Statements a proxy-safe constructor may hold: `_disableInitializers()`, assignments to immutables, a write of
 * the initializer's own lock (the implementation locks itself, as `_disableInitializers()` does), and a zero
 * value, which is what the proxy reads anyway.
 */
function isProxySafeStatement(statement: Statement, contract: ContractInfo, locks: ReadonlySet<string>): boolean {
  if (statement.type !== 'ExpressionStatement' || !statement.expression) return false;
  const expr = statement.expression;
  if (expr.type === 'FunctionCall') return expr.expression.type === 'Identifier' && expr.expression.name === '_disableInitializers';
  if (expr.type === 'BinaryOperation' && expr.operator === '=' && expr.left.type === 'Identifier') {
    const target = contract.stateVariable(expr.left.name);
    return !!target?.node.isImmutable || locks.has(expr.left.name) || (!!target && isZeroValue(expr.right));
  }
  return false;
}

/** Whether the contract, or (for a base) a contract of the project built on it, has an initializer: it is meant to sit behind a proxy. */
function runsBehindProxy(contract: ContractInfo, project: ProjectModel): boolean {
  if (initializerFunctions(contract).length > 0) return true;
  if (!inheritsNamed(contract, 'Initializable')) return false;
  const derived = project.files().flatMap((f) => project.contractsIn(f.path)).filter((c) => c !== contract && c.linearization.includes(contract));
  // An upgradeable base (inherited for a storage layout, as `AccessControlUpgradeable` can be) in a contract with
  // no initializer anywhere: the constructor is its only set-up, so it is deployed as it is. A base nobody here
  // builds on is judged by its upgradeable ancestry.
  if (derived.length === 0) return contract.kind === 'abstract';
  return derived.some((c) => initializerFunctions(c).length > 0);
}

export default defineRule({
  meta: {
    id: 'upgradeable-constructor',
    title: 'Constructor logic or initial values in an upgradeable contract',
    severity: 'medium',
    confidence: 'medium',
    category: 'upgradeability',
    scope: 'function',
    swc: [],
    description:
      'A proxy runs the implementation\'s code against the proxy\'s own storage. The implementation\'s constructor, and the initial values of its state variables (which the compiler moves into the constructor), only ever write the implementation\'s storage: behind the proxy those variables read as zero. Constants and immutables are safe (they live in the code), and so is a constructor that only calls `_disableInitializers()` or sets immutables.',
    exploitScenario:
      'An upgradeable vault declares `uint256 public feeBps = 30;` and `address public owner = msg.sender;` in its constructor. Behind the proxy the fee is 0 and `owner` is `address(0)`: fees are never charged, and if an `onlyOwner` check compares against an unset owner, whoever first finds an unguarded setter takes control.',
    recommendation:
      'Move the logic and the initial values into the `initialize` function (guarded by `initializer`), or declare values that never change as `constant` / `immutable`. Keep the constructor to `_disableInitializers();`.',
    references: ['https://docs.openzeppelin.com/upgrades-plugins/writing-upgradeable#avoid-initial-values-in-field-declarations', 'https://docs.openzeppelin.com/upgrades-plugins/writing-upgradeable#initializers'],
    messages: {
      initialValue: '`{{name}}` has an initial value, but `{{contract}}` is upgradeable: behind a proxy it reads as zero. Set it in the initializer or make it constant/immutable.',
      constructorLogic: 'The constructor of upgradeable `{{contract}}` writes only the implementation\'s storage; behind a proxy this never runs. Move it into the initializer.',
    },
  },
  create(context) {
    return {
      ContractDefinition(node: ContractDefinition) {
        const contract = context.project.contractOf(node);
        if (!contract || node.kind === 'interface' || node.kind === 'library' || node.name === 'Initializable') return;
        // Upgradeable means it uses OpenZeppelin's Initializable or `initializer` guards; a plain `initialize`
        // function (Uniswap V3 pools) is not a sign of a proxy.
        if (!runsBehindProxy(contract, context.project)) return;
        for (const variable of contract.ownStateVariables()) reportInitialValue(variable, node.name);
        const locks = initializerLocks(contract);
        for (const ctor of contract.ownFunctions().filter((f) => f.isConstructor)) reportConstructor(ctor, contract, locks);
      },
    };

    function reportInitialValue(variable: StateVariableDeclarationVariable, contractName: string): void {
      if (!variable.expression || variable.isDeclaredConst || variable.isImmutable || isZeroValue(variable.expression) || isAcknowledged(context.file.text, variable)) return;
      context.report({ node: variable, messageId: 'initialValue', data: { name: variable.name ?? '', contract: contractName } });
    }

    function reportConstructor(ctor: FunctionDefinition, contract: ContractInfo, locks: ReadonlySet<string>): void {
      if (!ctor.body || isAcknowledged(context.file.text, ctor)) return;
      const unsafe = (ctor.body.statements as Statement[]).find((s) => !isProxySafeStatement(s, contract, locks));
      if (!unsafe) return;
      context.report({ node: unsafe, messageId: 'constructorLogic', data: { contract: contract.name } });
    }
  },
});
