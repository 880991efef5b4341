// upgradeable-constructor: an upgradeable contract does work in its constructor or gives state variables initial
// values; both run only in the implementation's own storage, never in the proxy's.

import type { ASTNode, ContractDefinition, FunctionDefinition, StateVariableDeclarationVariable, Statement } from '@solidity-parser/parser/dist/src/ast-types';
import { inheritsNamed, initializerFunctions } from '../analysis/upgradeability';
import { defineRule } from '../engine/ruleApi';
import type { ContractInfo } from '../project/projectModel';

/** Whether a NatSpec `@custom:oz-upgrades-unsafe-allow` comment sits right above `node`: the author accepted it. */
function isAcknowledged(text: string, node: ASTNode): boolean {
  const start = node.range?.[0] ?? 0;
  const before = text.slice(Math.max(0, start - 400), start);
  const lastCode = Math.max(before.lastIndexOf(';'), before.lastIndexOf('{'), before.lastIndexOf('}'));
  return before.slice(lastCode + 1).includes('oz-upgrades-unsafe-allow');
}

/** Statements a proxy-safe constructor may hold: `_disableInitializers()` and assignments to immutables. */
function isProxySafeStatement(statement: Statement, contract: ContractInfo): boolean {
  if (statement.type !== 'ExpressionStatement' || !statement.expression) return false;
  const expr = statement.expression;
  if (expr.type === 'FunctionCall') return expr.expression.type === 'Identifier' && expr.expression.name === '_disableInitializers';
  if (expr.type === 'BinaryOperation' && expr.operator === '=' && expr.left.type === 'Identifier') {
    const target = contract.stateVariable(expr.left.name);
    return !!target?.node.isImmutable;
  }
  return false;
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
        if (!inheritsNamed(contract, 'Initializable') && initializerFunctions(contract).length === 0) return;
        for (const variable of contract.ownStateVariables()) reportInitialValue(variable, node.name);
        for (const ctor of contract.ownFunctions().filter((f) => f.isConstructor)) reportConstructor(ctor, contract);
      },
    };

    function reportInitialValue(variable: StateVariableDeclarationVariable, contractName: string): void {
      if (!variable.expression || variable.isDeclaredConst || variable.isImmutable || isAcknowledged(context.file.text, variable)) return;
      context.report({ node: variable, messageId: 'initialValue', data: { name: variable.name ?? '', contract: contractName } });
    }

    function reportConstructor(ctor: FunctionDefinition, contract: ContractInfo): void {
      if (!ctor.body || isAcknowledged(context.file.text, ctor)) return;
      const unsafe = (ctor.body.statements as Statement[]).find((s) => !isProxySafeStatement(s, contract));
      if (!unsafe) return;
      context.report({ node: unsafe, messageId: 'constructorLogic', data: { contract: contract.name } });
    }
  },
});
