// No rule gives up (issue 12): every rule runs, without an internal-error finding, over code that is deep or
// cyclic: expressions of thousands of terms, long else-if chains, recursive and mutually recursive functions,
// locals defined from themselves, long internal call chains and deep inheritance. Text deeper than the parser
// takes is a syntax-error finding instead. Trees 2,000 levels deep are also built by hand and analysed with a
// tenth of the call stack left, where any analysis recursing once per level would overflow.

import * as assert from 'node:assert/strict';
import type { ASTNode } from '@solidity-parser/parser/dist/src/ast-types';
import {
  analyzeFile,
  DEFAULT_CONFIG,
  defaultRegistry,
  InMemoryFileHost,
  ParseCache,
  ProjectModel,
  scanFiles,
  selectRules,
  walk,
  type Finding,
} from '../src/index';

const ROOT = '/deep';
// Every rule is on under the default configuration.
const selection = selectRules(defaultRegistry(), DEFAULT_CONFIG);

function analyse(text: string, name = 'Deep.sol'): Finding[] {
  const file = `${ROOT}/${name}`;
  return scanFiles([file], ROOT, selection, new InMemoryFileHost(new Map([[file, text]]))).findings;
}

function assertNoInternalError(findings: Finding[]): void {
  assert.deepEqual(findings.filter((f) => f.ruleId === 'internal-error').map((f) => `line ${f.range.startLine}: ${f.message}`), []);
}

function linesOf(findings: Finding[], ruleId: string): number[] {
  return findings.filter((f) => f.ruleId === ruleId).map((f) => f.range.startLine);
}

function contract(body: string[]): string {
  return ['pragma solidity 0.8.24;', 'contract Deep {', '    mapping(address => uint256) balances;', '    uint256 last;', '    uint256 s;', ...body, '}', ''].join('\n');
}

describe('deep and cyclic input', function () {
  // Parsing a 5,000-term expression alone takes seconds; the whole file is about a minute on a loaded machine.
  this.timeout(180_000);

  describe('cycles', () => {
    it('a local defined from itself (`t = t + 1`) is followed once', () => {
      // The real-project crash: the timestamp rule followed `t` into its own definition forever.
      const findings = analyse(contract([
        '    function f() external {',
        '        uint256 t = block.timestamp;',
        '        t = t + 1;',
        '        if (t < block.timestamp + 10) { s = 1; }',
        '    }',
        '    function g(uint256 a) external {',
        '        uint256 x = a;',
        '        uint256 y = x;',
        '        x = y * 2;',
        '        if (block.timestamp == x + 5) { s = y; }',
        '    }',
      ]));
      assertNoInternalError(findings);
      assert.deepEqual(linesOf(findings, 'timestamp'), [9, 15]);
    });

    it('mutually recursive functions and modifiers are followed once', () => {
      const findings = analyse(contract([
        '    modifier audited() { record(); _; }',
        '    function record() internal audited { last = block.timestamp; }',
        '    function withdraw(uint256 amount) external audited { pay(amount); }',
        '    function pay(uint256 amount) internal {',
        '        if (amount == 0) return;',
        '        (bool ok, ) = msg.sender.call{value: amount}("");',
        '        require(ok);',
        '        settle(amount - 1);',
        '    }',
        '    function settle(uint256 amount) internal {',
        '        balances[msg.sender] -= amount;',
        '        if (block.timestamp == last + 10) pay(amount);',
        '        ping(amount);',
        '    }',
        '    function ping(uint256 amount) internal { pong(amount); }',
        '    function pong(uint256 amount) internal { if (amount > 1) ping(amount / 2); else pay(amount); }',
        '    function countdown(uint256 n) public returns (uint256) { return n == 0 ? block.timestamp : countdown(n - 1) + 1; }',
      ]));
      assertNoInternalError(findings);
      assert.ok(linesOf(findings, 'timestamp').includes(17), 'the timestamp comparison inside the cycle is reported');
    });

    it('helpers that call each other behind a signature check are followed a bounded depth', () => {
      // signature-unbound-parameters followed `pay` → `payHalves` → `pay` … until the stack overflowed.
      assertNoInternalError(analyse([
        'pragma solidity 0.8.24;',
        'interface IERC20 { function transfer(address to, uint256 amount) external returns (bool); }',
        'contract Claims {',
        '    IERC20 token;',
        '    address signer;',
        '    function claim(address to, uint256 amount, uint8 v, bytes32 r, bytes32 s) external {',
        '        require(ecrecover(keccak256(abi.encode(msg.sender)), v, r, s) == signer);',
        '        pay(to, amount);',
        '    }',
        '    function pay(address to, uint256 amount) internal {',
        '        if (amount > 100) payHalves(to, amount);',
        '        else token.transfer(to, amount);',
        '    }',
        '    function payHalves(address to, uint256 amount) internal {',
        '        pay(to, amount / 2);',
        '        pay(to, amount - amount / 2);',
        '    }',
        '}',
        '',
      ].join('\n')));
    });

    it('cyclic inheritance (broken code) is analysed without an internal error', () => {
      assertNoInternalError(analyse([
        'pragma solidity 0.8.24;',
        'contract A is B { uint256 a; function f() public virtual { a = block.timestamp; g(); } }',
        'contract B is A { uint256 b; function g() public virtual { b = 1; f(); } }',
        'contract C is C { function h() external { h(); } }',
        '',
      ].join('\n')));
    });
  });

  describe('long chains', () => {
    it('2,000 functions, each calling the next and the last calling the first', () => {
      const count = 2000;
      const functions = Array.from({ length: count }, (_, i) => i === count - 1
        ? `    function f${i}(uint256 a) internal { (bool ok, ) = msg.sender.call{value: a}(""); require(ok); balances[msg.sender] = 0; if (block.timestamp == a) f0(a); }`
        : `    function f${i}(uint256 a) ${i === 0 ? 'public' : 'internal'} { last = block.timestamp; f${i + 1}(a); }`);
      const findings = analyse(contract(functions));
      assertNoInternalError(findings);
      assert.deepEqual(linesOf(findings, 'timestamp'), [5 + count], 'the comparison at the end of the chain is reported');
    });

    it('an inheritance chain 150 contracts deep', () => {
      const depth = 150;
      const contracts = Array.from({ length: depth }, (_, i) =>
        `contract C${i}${i ? ` is C${i - 1}` : ''} { uint256 s${i}; function f${i}(uint256 a) public virtual { s${i} = a; ${i ? `f${i - 1}(a);` : ''} if (block.timestamp == a) s${i} = 0; } }`);
      const findings = analyse(['pragma solidity 0.8.24;', ...contracts, ''].join('\n'));
      assertNoInternalError(findings);
      assert.equal(linesOf(findings, 'timestamp').length, depth);
    });
  });

  describe('deep expressions and statements as text', () => {
    const sum = (terms: number) => Array.from({ length: terms }, () => 'a').join(' + ');

    it('a 5,000-term expression is analysed, or is a syntax-error finding when the parser cannot build it', () => {
      const findings = analyse(contract(['    function f(uint256 a) external {', `        if (block.timestamp < ${sum(5000)} + 10) { s = 1; }`, '    }']));
      assertNoInternalError(findings);
      // How deep the parser gets depends on how warm its code is: cold, it gives up at about 2,600 terms.
      const [syntaxError] = findings.filter((f) => f.ruleId === 'syntax-error');
      if (syntaxError) assert.match(syntaxError.message, /nested too deeply/);
      else assert.deepEqual(linesOf(findings, 'timestamp'), [7]);
    });

    it('1,000-term expressions with block.timestamp are analysed by every rule', () => {
      const findings = analyse(contract([
        '    function f(uint256 a) external returns (uint256) {',
        `        uint256 x = block.timestamp + ${sum(1000)};`,
        `        if (block.timestamp < ${sum(1000)} + 10) { s = x; }`,
        `        require(msg.sender == address(0) && ${Array.from({ length: 1000 }, (_, i) => `a > ${i}`).join(' && ')});`,
        '        return x;',
        '    }',
      ]));
      assertNoInternalError(findings);
      assert.deepEqual(linesOf(findings, 'timestamp'), [8]);
    });

    it('a 250-deep ternary chain, a 500-link call chain and a 500-branch else-if chain', () => {
      // Within what the parser takes when cold (a ternary chain of 400 is already too deep for it).
      const ternary = `${Array.from({ length: 250 }, (_, i) => `a == ${i} ? ${i}`).join(' : ')} : block.timestamp`;
      const elseIf = Array.from({ length: 500 }, (_, i) => `if (a == ${i}) { s = ${i}; }`).join(' else ');
      const findings = analyse([
        'pragma solidity 0.8.24;',
        'interface IChain { function next(uint256) external returns (IChain); }',
        'contract Deep {',
        '    uint256 s;',
        '    IChain chain;',
        '    function f(uint256 a) external returns (uint256) {',
        `        uint256 x = ${ternary};`,
        `        chain${'.next(a)'.repeat(500)};`,
        `        ${elseIf}`,
        '        if (a == block.timestamp) { s = x; }',
        '        return x;',
        '    }',
        '}',
        '',
      ].join('\n'));
      assertNoInternalError(findings);
      assert.ok(linesOf(findings, 'timestamp').includes(10));
    });

    it('brackets nested 30 deep (the nesting guard allows 32)', () => {
      const nested = (open: string, close: string) => `${open.repeat(30)}a${close.repeat(30)}`;
      const findings = analyse(contract([
        '    function f(uint256 a) external view returns (uint256) {',
        `        uint256 x = ${nested('(', ')')} + ${nested('uint256(', ')')};`,
        `        if (${nested('(', ')')} == block.timestamp) return x;`,
        '        return 0;',
        '    }',
      ]));
      assertNoInternalError(findings);
    });
  });

  describe('trees deeper than the call stack left to them', () => {
    // Built by hand, and analysed with about a tenth of the call stack left (a one-line recursive function gets
    // some 1,300 calls deep there): an analysis that recursed once per level of a 2,000-deep tree would overflow,
    // so finishing without an internal error shows none does. (Far deeper trees would show the same with the
    // whole stack, but some rules are quadratic in nesting depth and would take minutes.)
    const DEPTH = 2000;

    it('ordinary code needs no more than that stack', () => {
      assertNoInternalError(withShallowStack(() => analyseSynthetic(new Map())));
    });

    it('expressions', () => {
      assertNoInternalError(withShallowStack(() => analyseSynthetic(deepExpressions(DEPTH))));
    });

    it('statements', () => {
      assertNoInternalError(withShallowStack(() => analyseSynthetic(deepStatements(DEPTH))));
    });
  });
});

/**
 * Runs `task` with only `frames` frames of a small probe function left on the call stack (about a tenth of it):
 * the probe recurses until the stack overflows, and the task runs that many frames back up.
 */
function withShallowStack<T>(task: () => T, frames = 1000): T {
  let outcome: { value: T } | { error: unknown } | undefined;
  const descend = (): number => {
    let unwinding: number;
    try {
      unwinding = descend();
    } catch (err) {
      if (!(err instanceof RangeError) || outcome) throw err;
      return frames;
    }
    if (unwinding === 0) {
      try {
        outcome = { value: task() };
      } catch (error) {
        // Kept apart from the probe's own overflow, so that a failing task is reported, not run again.
        outcome = { error };
      }
    }
    return unwinding - 1;
  };
  descend();
  assert.ok(outcome, `the stack is less than ${frames} probe frames deep`);
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

// ---- Hand-built deep trees ----

// One function per deep marker, so that rules doing some work per call or per comparison over the whole function
// body do not multiply one deep tree by another.
const TEMPLATE = `pragma solidity 0.8.24;
library Chain {
    function next(uint256 x, uint256 a) internal pure returns (uint256) { return x + a; }
}
contract Deep {
    using Chain for uint256;
    struct Node { uint256 value; }
    uint256 s;
    bool flag;
    address owner;
    Node node;
    uint256[][] grid;
    mapping(address => bool) allowed;
    function sum(uint256 a) external returns (uint256) {
        uint256 x = SUM;
        if (x > block.timestamp + 10) { s = x; }
        return x;
    }
    function guarded(uint256 a) external { require(AND); s = a; }
    function ownerOnly() external { require(NOT); s = 0; }
    function refund(uint256 a) external payable { payable(msg.sender).transfer(SENT); }
    function relay(address to, uint256 a) external {
        if (LISTED) {
            (bool ok, ) = to.call{value: a}("");
            require(ok);
        }
    }
    function ternary(uint256 a) external returns (uint256) { return TERNARY; }
    function negated() external view returns (uint256) { return NEGATED; }
    function chained(uint256 a) external { s = CHAIN; }
    function members() external { s = MEMBERS; }
    function indexed(uint256 a) external { s = INDEXED; }
    function assigned() external { s = ASSIGNED; }
    function statements(uint256 a) external {
        STATEMENT;
        payable(msg.sender).transfer(a);
    }
}
`;

type Builder = (depth: number) => Map<string, ASTNode>;

const id = (name: string): ASTNode => ({ type: 'Identifier', name }) as ASTNode;
const member = (expression: ASTNode, memberName: string): ASTNode => ({ type: 'MemberAccess', expression, memberName }) as ASTNode;
const binary = (operator: string, left: ASTNode, right: ASTNode): ASTNode => ({ type: 'BinaryOperation', operator, left, right }) as ASTNode;
const unary = (operator: string, subExpression: ASTNode): ASTNode => ({ type: 'UnaryOperation', operator, subExpression, isPrefix: true }) as ASTNode;
const index = (base: ASTNode, key: ASTNode): ASTNode => ({ type: 'IndexAccess', base, index: key }) as ASTNode;
const timestamp = (): ASTNode => member(id('block'), 'timestamp');

function chain(depth: number, base: ASTNode, step: (inner: ASTNode) => ASTNode): ASTNode {
  let node = base;
  for (let i = 0; i < depth; i++) node = step(node);
  return node;
}

/** Each marker of the template replaced by an expression `depth` levels deep along one axis. */
const deepExpressions: Builder = (depth) => new Map([
  ['SUM', chain(depth, timestamp(), (inner) => binary('+', inner, id('a')))],
  ['AND', chain(depth, binary('==', member(id('msg'), 'sender'), id('owner')), (inner) => binary('&&', inner, binary('>', id('a'), timestamp())))],
  ['TERNARY', chain(depth, id('a'), (inner) => ({ type: 'Conditional', condition: id('flag'), trueExpression: id('a'), falseExpression: { type: 'Conditional', condition: id('flag'), trueExpression: inner, falseExpression: id('a') } }) as ASTNode)],
  ['NEGATED', chain(depth, timestamp(), (inner) => unary('-', inner))],
  ['NOT', chain(depth, binary('==', member(id('msg'), 'sender'), id('owner')), (inner) => unary('!', inner))],
  ['SENT', chain(depth, member(id('msg'), 'value'), (inner) => binary('-', inner, id('a')))],
  ['LISTED', chain(depth, index(id('allowed'), id('to')), (inner) => binary('&&', inner, index(id('allowed'), id('to'))))],
  ['CHAIN', chain(depth, id('a'), (inner) => ({ type: 'FunctionCall', expression: member(inner, 'next'), arguments: [id('a')], names: [], identifiers: [] }) as ASTNode)],
  ['MEMBERS', member(chain(depth, id('node'), (inner) => member(inner, 'next')), 'value')],
  ['INDEXED', chain(depth, id('grid'), (inner) => index(inner, id('a')))],
  ['ASSIGNED', chain(depth, timestamp(), (inner) => binary('=', id('s'), inner))],
]);

const assignTimestamp = (): ASTNode => ({ type: 'ExpressionStatement', expression: binary('=', id('s'), timestamp()) }) as ASTNode;
const block = (statement: ASTNode): ASTNode => ({ type: 'Block', statements: [statement] }) as ASTNode;

/** The statement marker replaced by blocks, ifs, else-ifs, loops and unchecked blocks nested `depth` levels in all. */
const deepStatements: Builder = (depth) => {
  const kinds: ((inner: ASTNode) => ASTNode)[] = [
    (inner) => block(inner),
    (inner) => ({ type: 'IfStatement', condition: binary('>', id('a'), id('s')), trueBody: block(inner), falseBody: null }) as ASTNode,
    (inner) => ({ type: 'IfStatement', condition: binary('==', id('a'), id('s')), trueBody: block({ type: 'ReturnStatement', expression: id('a') } as ASTNode), falseBody: inner }) as ASTNode,
    (inner) => ({ type: 'WhileStatement', condition: binary('<', id('a'), id('s')), body: block(inner) }) as ASTNode,
    (inner) => ({ type: 'UncheckedStatement', block: block(inner) }) as ASTNode,
  ];
  let statement = assignTimestamp();
  for (let i = 0; i < depth; i++) statement = kinds[i % kinds.length](statement);
  return new Map([['STATEMENT', statement]]);
};

/** Analyses the template with its markers replaced; the markers the builder leaves alone become `a`. */
function analyseSynthetic(replacements: Map<string, ASTNode>): Finding[] {
  const path = `${ROOT}/Synthetic.sol`;
  const parseCache = new ParseCache();
  const file = parseCache.get(path, TEMPLATE);
  assert.ok(file.ast, 'the template parses');
  replaceMarkers(file.ast, replacements);
  // The project takes the cached, rewritten tree: the text is the same, so nothing is parsed again.
  const project = ProjectModel.load([path], { root: ROOT, host: new InMemoryFileHost(new Map([[path, TEMPLATE]])), parseCache });
  const source = project.file(path);
  assert.ok(source?.ast === file.ast, 'the project holds the rewritten tree');
  return analyzeFile(project, source, selection);
}

const MARKERS = new Set(['SUM', 'AND', 'TERNARY', 'NEGATED', 'NOT', 'SENT', 'LISTED', 'CHAIN', 'MEMBERS', 'INDEXED', 'ASSIGNED', 'STATEMENT']);

/** Swaps each marker identifier (or marker statement) for its built tree, or for a plain `a` or statement. */
function replaceMarkers(root: ASTNode, replacements: Map<string, ASTNode>): void {
  const markerOf = (value: unknown): string | undefined => {
    const node = value as { type?: string; name?: string; expression?: { type?: string; name?: string } } | null;
    if (node?.type === 'Identifier' && MARKERS.has(node.name ?? '')) return node.name;
    // The statement marker stands for a whole statement; the others are expressions inside one.
    if (node?.type === 'ExpressionStatement' && node.expression?.type === 'Identifier' && node.expression.name === 'STATEMENT') return 'STATEMENT';
    return undefined;
  };
  const replacement = (value: unknown): unknown => {
    const marker = markerOf(value);
    if (!marker) return value;
    const built = replacements.get(marker) ?? (marker === 'STATEMENT' ? assignTimestamp() : id('a'));
    stampPositions(built, value as ASTNode);
    return built;
  };
  walk(root, {
    enter: (node) => {
      const record = node as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(record)) {
        record[key] = Array.isArray(value) ? value.map(replacement) : replacement(value);
      }
    },
    exit: () => undefined,
  });
}

/** Gives every built node the position of the marker it replaces, so findings inside it have a place. */
function stampPositions(root: ASTNode, marker: ASTNode): void {
  walk(root, {
    enter: (node) => {
      node.loc = marker.loc;
      node.range = marker.range;
    },
    exit: () => undefined,
  });
}
