// deprecated-standards: constructs removed or deprecated by later Solidity versions (suicide, sha3, throw,
// callcode, var, constant functions, years, block.blockhash, msg.gas, now), each with its replacement.

import type { ASTNode, Expression, FunctionCall, FunctionDefinition, Identifier, MemberAccess, NumberLiteral, VariableDeclaration, VariableDeclarationStatement } from '@solidity-parser/parser/dist/src/ast-types';
import { isMemberOf } from '../analysis/astQueries';
import { classifyCall } from '../analysis/calls';
import { rangeNode } from '../analysis/rangeNode';
import { scopeOf } from '../analysis/scope';
import { defineRule, type RuleContext } from '../engine/ruleApi';

type MessageId = 'renamed' | 'throw' | 'callcode' | 'var' | 'constant' | 'years';

/** Deprecated builtins called by name, and what replaced them. */
const RENAMED_FUNCTIONS = new Map([
  ['suicide', 'selfdestruct'],
  ['sha3', 'keccak256'],
]);

/** True when the contract, the file or the function declares `name` itself, so it is not the builtin. */
function isUserDeclared(context: RuleContext<MessageId>, name: string, at: ASTNode): boolean {
  if (scopeOf(context).resolve(name, at)) return true;
  if (context.contract()?.functions().some((m) => m.node.name === name)) return true;
  return (context.file.ast?.children ?? []).some((c) => (c as { name?: string }).name === name);
}

function insideAssembly(context: RuleContext<MessageId>): boolean {
  return context.ancestors().some((a) => a.type === 'InlineAssemblyStatement');
}

/** The `x.callcode` member access under call options (`{value: v}` or the old `.value(v)`). */
function callcodeMember(expression: Expression): MemberAccess | undefined {
  let current: ASTNode = expression;
  for (;;) {
    if (current.type === 'NameValueExpression') current = current.expression;
    else if (current.type === 'FunctionCall' && current.expression.type === 'MemberAccess' && ['value', 'gas'].includes(current.expression.memberName)) {
      current = current.expression.expression;
    } else break;
  }
  return current.type === 'MemberAccess' && current.memberName === 'callcode' ? current : undefined;
}

export default defineRule<MessageId>({
  meta: {
    id: 'deprecated-standards',
    title: 'Deprecated Solidity construct',
    severity: 'informational',
    confidence: 'high',
    category: 'deprecated',
    scope: 'function',
    swc: ['SWC-111'],
    description:
      'The code uses a construct that later Solidity versions deprecated or removed: `suicide`, `sha3`, `throw`, `callcode`, `var`, `constant` functions, the `years` unit, `block.blockhash`, `msg.gas` or `now`. Such code pins the project to old compilers, and some of the constructs carry traps (`var` infers the smallest integer type, `years` ignores leap years, `callcode` keeps the wrong `msg.sender`).',
    exploitScenario:
      '`for (var i = 0; i < users.length; i++)` infers `uint8` for `i`; with 256 users the counter wraps to 0 and the loop never ends, so every payout reverts out of gas.',
    recommendation:
      'Use the replacements: `selfdestruct`, `keccak256`, `revert()`, `delegatecall` (after checking the semantics), an explicit type instead of `var`, `view`, `365 days`, `blockhash`, `gasleft()` and `block.timestamp`.',
    references: [
      'https://swcregistry.io/docs/SWC-111',
      'https://github.com/crytic/slither/wiki/Detector-Documentation#deprecated-standards',
      'https://docs.soliditylang.org/en/latest/050-breaking-changes.html',
      'https://docs.soliditylang.org/en/latest/070-breaking-changes.html',
    ],
    messages: {
      renamed: '`{{old}}` is deprecated; use `{{replacement}}`.',
      throw: '`throw` is deprecated; use `revert()` (or `require`).',
      callcode: '`callcode` is deprecated; `delegatecall` replaced it but also keeps `msg.sender` and `msg.value`, so check the callee.',
      var: '`var` is deprecated and infers the smallest type that fits the initial value; declare the type explicitly.',
      constant: 'Functions declared `constant` are deprecated; use `view`.',
      years: 'The `years` unit is deprecated (it ignores leap years); write the duration in days.',
    },
    fixable: true,
    hasSuggestions: true,
    tags: ['deprecated'],
  },
  create(context) {
    const renamed = (node: ASTNode, old: string, replacement: string): void => {
      context.report({
        node,
        messageId: 'renamed',
        data: { old, replacement },
        fix: { description: `Replace \`${old}\` with \`${replacement}\``, edits: (fixer) => fixer.replace(node, replacement) },
      });
    };

    return {
      FunctionCall(node: FunctionCall) {
        const callee = node.expression;
        const replacement = callee.type === 'Identifier' ? RENAMED_FUNCTIONS.get(callee.name) : undefined;
        if (callee.type === 'Identifier' && replacement && !isUserDeclared(context, callee.name, callee)) {
          renamed(callee, callee.name, replacement);
          return;
        }
        const member = callcodeMember(callee);
        if (member && classifyCall(node, scopeOf(context)).kind === 'callcode') {
          context.report({
            node: member,
            messageId: 'callcode',
            suggest: [
              {
                description: 'Replace `callcode` with `delegatecall` (behaviour differs: msg.sender and msg.value are kept)',
                edits: (fixer) => fixer.replace(member, `${context.text(member.expression)}.delegatecall`),
              },
            ],
          });
        }
      },
      MemberAccess(node: MemberAccess) {
        if (isMemberOf(node, 'block', 'blockhash')) renamed(node, 'block.blockhash', 'blockhash');
        else if (isMemberOf(node, 'msg', 'gas')) renamed(node, 'msg.gas', 'gasleft()');
      },
      Identifier(node: Identifier) {
        if (node.name !== 'now') return;
        const parent = context.ancestors().at(-1);
        // Skip the name in a declaration (`uint now;` is legal since 0.7) and Yul, where `now` is not the builtin.
        if (parent?.type === 'VariableDeclaration' || insideAssembly(context) || isUserDeclared(context, 'now', node)) return;
        renamed(node, 'now', 'block.timestamp');
      },
      ThrowStatement(node) {
        context.report({ node, messageId: 'throw', fix: { description: 'Replace `throw` with `revert()`', edits: (fixer) => fixer.replace(node, 'revert();') } });
      },
      VariableDeclarationStatement(node: VariableDeclarationStatement) {
        const variables = node.variables as (VariableDeclaration | null)[];
        // `var (a, b) = f();` leaves every type out: the parser gives those declarations no type at all.
        if (variables.some((v) => v && v.typeName === null)) {
          context.report({ node, messageId: 'var' });
          return;
        }
        const varKeyword = variables.find((v) => v?.typeName?.type === 'ElementaryTypeName' && v.typeName.name === 'var')?.typeName;
        if (!varKeyword) return;
        // A single variable copied from one of known value type keeps its meaning with that type written out.
        const sourceType = variables.length === 1 && node.initialValue ? scopeOf(context).typeOf(node.initialValue)?.node : undefined;
        const exactType = sourceType?.type === 'ElementaryTypeName' && !['string', 'bytes', 'var'].includes(sourceType.name) ? sourceType.name : undefined;
        // A number literal made `var` pick the smallest integer type (`uint8` for 0): `uint256` is what was meant, but it changes behaviour.
        const isNumber = variables.length === 1 && node.initialValue?.type === 'NumberLiteral';
        context.report({
          node,
          messageId: 'var',
          fix: exactType ? { description: `Declare the type \`${exactType}\``, edits: (fixer) => fixer.replace(varKeyword, exactType) } : undefined,
          suggest: !exactType && isNumber ? [{ description: 'Declare it `uint256` (var inferred a smaller type)', edits: (fixer) => fixer.replace(varKeyword, 'uint256') }] : undefined,
        });
      },
      FunctionDefinition(node: FunctionDefinition) {
        if (node.stateMutability !== 'constant' || !node.range) return;
        const start = node.range[0];
        const headerEnd = node.body?.range ? node.body.range[0] : node.range[1] + 1;
        const header = context.file.text.slice(start, headerEnd);
        const keyword = /\)[^]*?\bconstant\b/.exec(header);
        if (!keyword) return;
        const keywordStart = start + keyword.index + keyword[0].length - 'constant'.length;
        context.report({
          node: rangeNode(keywordStart, keywordStart + 'constant'.length),
          messageId: 'constant',
          fix: { description: 'Replace `constant` with `view`', edits: (fixer) => fixer.replaceRange(keywordStart, keywordStart + 'constant'.length, 'view') },
        });
      },
      NumberLiteral(node: NumberLiteral) {
        if (node.subdenomination !== 'years') return;
        const parent = context.ancestors().at(-1);
        const days = node.number === '1' ? '365 days' : `${node.number} * 365 days`;
        // Parenthesise inside arithmetic so `x / 2 years` keeps dividing by the whole duration.
        const needsParens = days.includes('*') && (parent?.type === 'BinaryOperation' || parent?.type === 'UnaryOperation');
        context.report({
          node,
          messageId: 'years',
          fix: { description: 'Write the duration in days', edits: (fixer) => fixer.replace(node, needsParens ? `(${days})` : days) },
        });
      },
    };
  },
});
