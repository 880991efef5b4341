// weak-prng: block values (timestamp, number, blockhash, prevrandao/difficulty) used as a source of randomness.

import type { ASTNode, BinaryOperation, FunctionCall, FunctionDefinition, ModifierDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { containsNode } from '../analysis/astQueries';
import { blockValueKind, blockValueLabel, type BlockValueKind } from '../analysis/blockEnvironment';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

const HASH_FUNCTIONS = new Set(['keccak256', 'sha256', 'sha3', 'ripemd160']);
/** Block values that carry no meaning except as (bad) randomness once hashed or read directly. */
const RANDOM_LOOKING: ReadonlySet<BlockValueKind> = new Set(['blockhash', 'difficulty', 'prevrandao']);
const PERIOD_NAME = /day|week|hour|minute|second|year|month|period|epoch|interval|duration|window|cycle|round/i;

export default defineRule({
  meta: {
    id: 'weak-prng',
    title: 'Randomness derived from block values',
    severity: 'high',
    confidence: 'medium',
    category: 'randomness',
    scope: 'function',
    swc: ['SWC-120'],
    description:
      'Block values (`block.timestamp`, `block.number`, `blockhash`, `block.prevrandao`/`block.difficulty`) are known to the block proposer before the block is final and to any contract executing in the same block. Hashing them does not make them secret: a winner picked with `keccak256(...) % n` can be predicted or steered.',
    exploitScenario:
      'A lottery picks `players[uint(keccak256(abi.encodePacked(block.prevrandao, block.timestamp))) % players.length]`. The attacker deploys a contract that computes the same expression in the same transaction and only enters (or only calls `draw`) when the result names the attacker, winning every time.',
    recommendation:
      'Use a verifiable randomness source (Chainlink VRF) or a commit-reveal scheme with a penalty for not revealing. Block values are fine for deadlines, not for choosing outcomes.',
    references: [
      'https://swcregistry.io/docs/SWC-120',
      'https://github.com/crytic/slither/wiki/Detector-Documentation#weak-PRNG',
      'https://docs.chain.link/vrf',
    ],
    messages: {
      modulo: '`{{source}}` feeds a modulo used as randomness; the result is predictable.',
      hashed: 'A hash of `{{source}}` is turned into a number used as randomness; the result is predictable.',
      direct: '`{{source}}` is read as a random value; the block proposer knows or chooses it.',
    },
  },
  create(context) {
    const check = (callable: FunctionDefinition | ModifierDefinition): void => {
      if (!callable.body) return;
      const flow = LocalDataFlow.of(callable);
      const isLocal = (name: string): boolean => flow.declaration(name) !== undefined;
      const kindOf = (node: ASTNode): BlockValueKind | undefined => {
        const kind = blockValueKind(node, isLocal);
        // Skip `block.coinbase`: it is an address, used for MEV payments, not randomness.
        return kind === 'coinbase' ? undefined : kind;
      };
      const nodes = findAll(callable.body, () => true);
      const reported: ASTNode[] = [];
      const feedsReported = (node: ASTNode): boolean =>
        reported.some((sink) => containsNode(sink, node) || flow.dependsOn(sink, (n) => n === node));

      for (const node of nodes) {
        if (node.type !== 'BinaryOperation' || (node.operator !== '%' && node.operator !== '%=')) continue;
        const source = flow.findSource(node.left, (n) => kindOf(n) !== undefined);
        // Skip a modulo of a value already reported (`idx = (idx + 1) % n` stepping from a random start): one
        // source of bad randomness is one finding.
        if (!source || reported.some((sink) => flow.dependsOn(node.left, (n) => n === sink))) continue;
        const kind = kindOf(source) as BlockValueKind;
        // Skip calendar arithmetic (`block.timestamp % 1 days`, `now % EPOCH`) and truncation (`% 2**32`): not lots.
        if ((kind === 'timestamp' || kind === 'number') && !hashedOnPath(flow, node.left, source)) {
          if (isPeriod(node)) continue;
          // Skip a raw `block.number % n`: "every n blocks" scheduling; hashed, it is randomness again.
          if (kind === 'number') continue;
        }
        reported.push(node);
        context.report({ node, messageId: 'modulo', data: { source: blockValueLabel(kind) } });
      }

      for (const node of nodes) {
        if (!isIntegerConversion(node)) continue;
        const argument = node.arguments[0];
        const hash = isHashCall(argument) ? argument : undefined;
        const source = hash
          ? flow.findSource(hash, (n) => RANDOM_LOOKING.has(kindOf(n) as BlockValueKind))
          : kindOf(argument) === 'blockhash'
            ? argument
            : undefined;
        if (!source || feedsReported(node)) continue;
        reported.push(node);
        context.report({ node, messageId: 'hashed', data: { source: blockValueLabel(kindOf(source) as BlockValueKind) } });
      }

      for (const node of nodes) {
        const kind = kindOf(node);
        if (kind !== 'difficulty' && kind !== 'prevrandao') continue;
        if (feedsReported(node)) continue;
        reported.push(node);
        context.report({ node, messageId: 'direct', data: { source: blockValueLabel(kind) } });
      }
    };
    return { FunctionDefinition: check, ModifierDefinition: check };
  },
});


function isHashCall(node: ASTNode | undefined): node is FunctionCall {
  return !!node && node.type === 'FunctionCall' && node.expression.type === 'Identifier' && HASH_FUNCTIONS.has(node.expression.name);
}

/** `uint256(x)`, `uint(x)`: a value turned into a number. */
function isIntegerConversion(node: ASTNode): node is FunctionCall {
  return (
    node.type === 'FunctionCall' &&
    node.arguments.length === 1 &&
    node.expression.type === 'ElementaryTypeName' &&
    /^u?int\d*$/.test(node.expression.name)
  );
}

/** Whether the value reaches the modulo through a hash, which makes it randomness whatever the divisor. */
function hashedOnPath(flow: LocalDataFlow, expr: ASTNode, source: ASTNode): boolean {
  return flow.dependsOn(expr, (n) => isHashCall(n) && flow.dependsOn(n, (inner) => inner === source));
}

function isPeriod(modulo: BinaryOperation): boolean {
  const divisor = modulo.right;
  // `block.timestamp % 2**32` truncates to a smaller type (Uniswap V2's oracle), it does not draw lots.
  if (divisor.type === 'BinaryOperation' && divisor.operator === '**' && divisor.left.type === 'NumberLiteral' && divisor.left.number === '2') return true;
  // A bare number that is a whole number of hours (86400, 3600) is a period written out in seconds.
  if (divisor.type === 'NumberLiteral') return divisor.subdenomination !== null || isWholeHours(divisor.number);
  if (divisor.type === 'Identifier') return PERIOD_NAME.test(divisor.name);
  if (divisor.type === 'MemberAccess') return PERIOD_NAME.test(divisor.memberName);
  return false;
}

function isWholeHours(literal: string): boolean {
  const value = Number(literal.replace(/_/g, ''));
  return Number.isInteger(value) && value > 0 && value % 3600 === 0;
}
