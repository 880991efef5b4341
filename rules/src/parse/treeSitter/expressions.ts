// Converters for expressions and literals. Each rebuilds the node @solidity-parser/parser's ASTBuilder makes,
// quirks included (noted where they matter), and repairs the nestings tree-sitter-solidity gets wrong. An expression
// is converted with an explicit stack, not one call per level, so `a + a + … + a` 5,000 terms long or a
// 5,000-link call chain cannot overflow the call stack.

import {
  callArgumentFields,
  callArgumentNodes,
  type AstNode,
  type CallArgumentFields,
  type ConvertContext,
  type ConverterTable,
  type CstNode,
} from './convertContext';

/** How to convert one expression node: the nodes to convert first, then the AST built from what they became. */
class Plan {
  constructor(
    readonly inputs: ReadonlyArray<CstNode | null>,
    readonly build: (converted: ReadonlyArray<AstNode | null>) => AstNode,
  ) {}
}

type Planner = (node: CstNode, cx: ConvertContext) => Plan | AstNode;

interface Pending {
  plan: Plan;
  converted: Array<AstNode | null>;
}

/** Converts an expression (or a literal) and everything inside it; a null input of a plan converts to null. */
export function convertExpression(root: CstNode, cx: ConvertContext): AstNode {
  const pending: Pending[] = [];
  let node: CstNode | null = root;
  for (;;) {
    let top: Pending | undefined;
    const step: Plan | AstNode | null = node === null ? null : start(node, cx);
    if (step instanceof Plan) {
      top = { plan: step, converted: [] };
      pending.push(top);
    } else {
      top = pending[pending.length - 1];
      if (top === undefined) return step!;
      top.converted.push(step);
    }
    // Build every plan whose inputs are all converted, handing each result to the plan that waits for it.
    while (top.converted.length === top.plan.inputs.length) {
      pending.pop();
      const built = top.plan.build(top.converted);
      const parent = pending[pending.length - 1];
      if (parent === undefined) return built;
      parent.converted.push(built);
      top = parent;
    }
    node = top.plan.inputs[top.converted.length];
  }
}

function start(node: CstNode, cx: ConvertContext): Plan | AstNode {
  const { inner, type } = unwrap(node);
  const planner = planners[type] ?? typeNamesAsExpressions[type];
  if (planner !== undefined) return planner(inner, cx);
  if (type === 'expression') {
    cx.problem('an expression node without a child', inner);
    return cx.located({ type: 'Unconverted', cstType: type }, inner);
  }
  return cx.convert(inner);
}

/**
 * The node inside `expression` wrappers (tree-sitter wraps every operand in one), with its type: reading a node's
 * type is a call into WebAssembly, so the hot path reads it once.
 */
function unwrap(node: CstNode): { inner: CstNode; type: string } {
  let inner = node;
  let type = node.type;
  while (type === 'expression') {
    let child = inner.namedChild(0);
    let childType = child?.type;
    if (childType === 'comment') {
      child = firstNamed(inner);
      childType = child?.type;
    }
    if (child === null || childType === undefined) break;
    inner = child;
    type = childType;
  }
  return { inner, type };
}

function unwrapped(node: CstNode): CstNode {
  return unwrap(node).inner;
}

function firstNamed(node: CstNode): CstNode | null {
  for (const child of node.namedChildren) if (child !== null && child.type !== 'comment') return child;
  return null;
}

function namedKids(node: CstNode): CstNode[] {
  const out: CstNode[] = [];
  for (const child of node.namedChildren) if (child !== null && child.type !== 'comment') out.push(child);
  return out;
}

function field(node: CstNode, name: string): CstNode {
  const child = node.childForFieldName(name);
  if (child === null) throw new Error(`tree-sitter ${node.type} without its '${name}'`);
  return child;
}

/**
 * Sets `loc` and `range` for a node spanning from `first` to `last`, both converted already: this spares walking
 * down a right-nested chain (`a = b = c …`, a ternary chain) once per level to find its last token.
 */
function endingWith<T extends AstNode>(ast: T, first: AstNode, last: AstNode): T {
  ast.loc = { start: { ...first.loc!.start }, end: { ...last.loc!.end } };
  ast.range = [first.range![0], last.range![1]];
  return ast;
}

/** Like `endingWith`, for a node that starts with a token (a prefix operator). */
function fromTokenTo<T extends AstNode>(ast: T, token: CstNode, last: AstNode): T {
  ast.loc = { start: { line: token.startPosition.row + 1, column: token.startPosition.column }, end: { ...last.loc!.end } };
  ast.range = [token.startIndex, last.range![1]];
  return ast;
}

function identifier(node: CstNode, cx: ConvertContext): AstNode {
  return cx.locatedToken({ type: 'Identifier', name: node.text }, node);
}

function functionCall(callee: AstNode, args: CallArgumentFields, node: CstNode, cx: ConvertContext): AstNode {
  return cx.located({ type: 'FunctionCall', expression: callee, ...args }, node);
}

/**
 * A plan for a node with call arguments: converts `first` (the callee or the created type, when there is one) and
 * the argument values, then `build` gets the converted `first` and the FunctionCall argument fields.
 */
function withArguments(node: CstNode, first: CstNode | null, cx: ConvertContext, build: (first: AstNode | null, args: CallArgumentFields) => AstNode): Plan {
  const { values, names } = callArgumentNodes(node);
  return new Plan([first, ...values], ([converted, ...args]) => build(converted, callArgumentFields(args as AstNode[], names, cx)));
}

/** The operator token of an assignment: the one child that is neither named nor a comment. */
function operatorToken(node: CstNode): CstNode {
  for (const child of node.children) if (child !== null && !child.isNamed && child.type !== 'comment') return child;
  throw new Error(`tree-sitter ${node.type} without an operator`);
}

// ---------------------------------------------------------------------------------------------------------------
// Precedence repairs
//
// tree-sitter-solidity 1.2.13 nests some expressions wrongly: postfix operations applied to a whole operator
// expression, the operators around those, `**` and ternary chains nested to the left, and `new A.B` ended at the
// first name. Each is put right on the AST as it is built. An AST BinaryOperation, Conditional or UnaryOperation
// never comes from parentheses (those make a TupleExpression), so finding one where the grammar cannot put it is
// proof of the mis-nesting.

/**
 * Postfix operations (`.m`, `[i]`, `[a:b]`, `(args)`, `{value: v}`, `x++`) bind tighter than any operator, but
 * tree-sitter applies them to a whole operator expression: `a - b[c]` becomes `(a - b)[c]` and `!to.send(x)`
 * becomes `(!to).send(x)`. So a postfix operation is applied to the rightmost operand of the operators it was
 * given instead. `make` builds the postfix node around its operand; it ends at the token `end`.
 */
function postfix(operand: AstNode, make: (base: AstNode) => AstNode, end: CstNode, cx: ConvertContext): AstNode {
  return replaceRightmost(operand, looseOperand, (base) => stretched(make(base), base, end, cx));
}

/** Sets `loc` and `range` on `ast` to span from where `first` starts to the last token of `end`. */
function stretched(ast: AstNode, first: AstNode, end: CstNode, cx: ConvertContext): AstNode {
  const start = { ...first.loc!.start };
  const from = first.range![0];
  cx.located(ast, end);
  ast.loc!.start = start;
  ast.range![0] = from;
  return ast;
}

/** Where an operator expression keeps its last operand, for the operators a postfix operation cannot apply to. */
function looseOperand(node: AstNode): string | null {
  if (node.type === 'BinaryOperation') return 'right';
  if (node.type === 'Conditional') return 'falseExpression';
  if (node.type === 'UnaryOperation' && node.isPrefix === true) return 'subExpression';
  return null;
}

/**
 * Replaces the rightmost operand of `top` (followed through `operandKey` while it names one) by `replace` of it,
 * and stretches the nodes on the way to end where the replacement ends.
 */
function replaceRightmost(top: AstNode, operandKey: (node: AstNode) => string | null, replace: (operand: AstNode) => AstNode): AstNode {
  let key = operandKey(top);
  if (key === null) return replace(top);
  const spine: AstNode[] = [top];
  for (;;) {
    const parent = spine[spine.length - 1];
    const operand = parent[key] as AstNode;
    const next = operandKey(operand);
    if (next === null) {
      const replaced = replace(operand);
      parent[key] = replaced;
      for (const node of spine) {
        node.loc!.end = { ...replaced.loc!.end };
        node.range![1] = replaced.range![1];
      }
      return top;
    }
    spine.push(operand);
    key = next;
  }
}

/**
 * A binary operator's left operand may be an operator expression that binds LESS tightly, after a postfix repair
 * (`ok && x.f() == y` comes out as `(ok && x.f()) == y`), and `a ** b ** c` is nested to the left (solc since 0.8
 * and @solidity-parser/parser nest it to the right). The operator then applies to the rightmost operand that binds
 * more tightly than it does.
 */
function looserThan(operator: string): (node: AstNode) => string | null {
  const precedence = BINARY_PRECEDENCE[operator];
  return (node) => {
    const other = precedenceOf(node);
    return other !== null && (other < precedence || (other === precedence && operator === '**')) ? looseOperand(node) : null;
  };
}

/**
 * A ternary's condition may be a ternary or an assignment that binds less tightly, after a postfix repair
 * (`x = a.b ? c : d` comes out as `(x = a.b) ? c : d`).
 */
function looserThanConditional(node: AstNode): string | null {
  const other = precedenceOf(node);
  return other !== null && other <= CONDITIONAL ? looseOperand(node) : null;
}

/** Solidity's operator precedence, tightest highest; a postfix operation or a prefix operator binds tighter still. */
const BINARY_PRECEDENCE: Readonly<Record<string, number>> = {
  '**': 11, '*': 10, '/': 10, '%': 10, '+': 9, '-': 9, '<<': 8, '>>': 8, '&': 7, '^': 6, '|': 5,
  '<': 4, '>': 4, '<=': 4, '>=': 4, '==': 3, '!=': 3, '&&': 2, '||': 1,
};
const CONDITIONAL = 0;
const ASSIGNMENT = -1;

function precedenceOf(node: AstNode): number | null {
  if (node.type === 'Conditional') return CONDITIONAL;
  if (node.type !== 'BinaryOperation') return null;
  return BINARY_PRECEDENCE[node.operator as string] ?? ASSIGNMENT;
}

// ---------------------------------------------------------------------------------------------------------------
// Operators

function binaryExpression(node: CstNode): Plan {
  const operator = field(node, 'operator').type;
  if (operator === '**') return powerChain(node);
  return new Plan([field(node, 'left'), field(node, 'right')], ([left, right]) => binaryOperation(operator, left!, right!));
}

function binaryOperation(operator: string, left: AstNode, right: AstNode): AstNode {
  return replaceRightmost(left, looserThan(operator), (first) =>
    endingWith({ type: 'BinaryOperation', operator, left: first, right }, first, right));
}

/**
 * A chain `a ** b ** c` comes out of tree-sitter nested to the left. It is flattened here and built from the right,
 * one step per link (`looserThan('**')` alone would get it right too, but walks the chain once per link).
 */
function powerChain(node: CstNode): Plan {
  const operands: CstNode[] = [];
  let current = node;
  for (;;) {
    operands.push(field(current, 'right'));
    const left = field(current, 'left');
    const { inner, type } = unwrap(left);
    if (type !== 'binary_expression' || field(inner, 'operator').type !== '**') {
      operands.push(left);
      break;
    }
    current = inner;
  }
  return new Plan(operands.reverse(), (converted) => {
    let result = converted[converted.length - 1]!;
    for (let i = converted.length - 2; i >= 0; i--) result = binaryOperation('**', converted[i]!, result);
    return result;
  });
}

/**
 * A chain `a ? b : c ? d : e` comes out of tree-sitter nested to the left, `(a ? b : c) ? d : e`. It is flattened
 * here and built from the right, one step per link (`looserThanConditional` alone would get it right too, but
 * walks the chain once per link).
 */
function ternaryExpression(node: CstNode): Plan {
  const reversed: CstNode[] = [];
  let current = node;
  for (;;) {
    const [condition, whenTrue, whenFalse] = namedKids(current);
    reversed.push(whenFalse, whenTrue);
    const inner = unwrapped(condition);
    if (inner.type !== 'ternary_expression') {
      reversed.push(condition);
      break;
    }
    current = inner;
  }
  return new Plan(reversed.reverse(), (converted) => {
    let falseExpression = converted[converted.length - 1]!;
    for (let i = converted.length - 3; i >= 0; i -= 2) {
      const trueExpression = converted[i + 1];
      const whenFalse = falseExpression;
      falseExpression = replaceRightmost(converted[i]!, looserThanConditional, (condition) =>
        endingWith({ type: 'Conditional', condition, trueExpression, falseExpression: whenFalse }, condition, whenFalse));
    }
    return falseExpression;
  });
}

/**
 * `a = b` and `a += b`. @solidity-parser/parser nests a chain `a = b = c` to the LEFT, `(a = b) = c`, which is not
 * what it means (solc assigns c to b, then b to a); tree-sitter nests it to the right. The parser's nesting is
 * rebuilt, so the rules read the tree they were written against: the chain is flattened and built from the left.
 */
function assignment(node: CstNode): Plan {
  const operators: string[] = [];
  const operands: CstNode[] = [];
  let current = node;
  for (;;) {
    operators.push(operatorToken(current).type);
    operands.push(field(current, 'left'));
    const right = field(current, 'right');
    const { inner, type } = unwrap(right);
    if (type !== 'assignment_expression' && type !== 'augmented_assignment_expression') {
      operands.push(right);
      break;
    }
    current = inner;
  }
  return new Plan(operands, (converted) => {
    let result = converted[0]!;
    for (let i = 1; i < converted.length; i++) {
      result = endingWith({ type: 'BinaryOperation', operator: operators[i - 1], left: result, right: converted[i] }, result, converted[i]!);
    }
    return result;
  });
}

function unaryExpression(node: CstNode): Plan {
  const operatorNode = field(node, 'operator');
  return new Plan([field(node, 'argument')], ([subExpression]) =>
    fromTokenTo({ type: 'UnaryOperation', operator: operatorNode.type, subExpression, isPrefix: true }, operatorNode, subExpression!));
}

function updateExpression(node: CstNode, cx: ConvertContext): Plan {
  const operatorNode = field(node, 'operator');
  const argument = field(node, 'argument');
  const operator = operatorNode.type;
  if (operatorNode.startIndex < argument.startIndex) return unaryExpression(node);
  return new Plan([argument], ([operand]) =>
    postfix(operand!, (subExpression) => ({ type: 'UnaryOperation', operator, subExpression, isPrefix: false }), operatorNode, cx));
}

// ---------------------------------------------------------------------------------------------------------------
// Calls, members, indexing

function callExpression(node: CstNode, cx: ConvertContext): Plan {
  return withArguments(node, field(node, 'function'), cx, (callee, args) =>
    postfix(callee!, (expression) => ({ type: 'FunctionCall', expression, ...args }), node, cx));
}

/** Call options `f{value: v, gas: g}` (tree-sitter calls them a struct expression). */
function callOptions(node: CstNode, cx: ConvertContext): Plan {
  const pairs = namedKids(node).filter((child) => child.type === 'struct_field_assignment');
  return new Plan([field(node, 'type'), ...pairs.map((pair) => field(pair, 'value'))], ([callee, ...values]) => {
    const names = pairs.map((pair) => field(pair, 'name'));
    const list: AstNode = {
      type: 'NameValueList',
      names: names.map((name) => name.text),
      identifiers: names.map((name) => identifier(name, cx)),
      arguments: values,
    };
    if (pairs.length > 0) cx.located(list, pairs[0], pairs[pairs.length - 1]);
    else cx.problem('call options without a name-value pair', node);
    return postfix(callee!, (expression) => ({ type: 'NameValueExpression', expression, arguments: list }), node, cx);
  });
}

function memberExpression(node: CstNode, cx: ConvertContext): Plan {
  const property = field(node, 'property');
  return new Plan([field(node, 'object')], ([object]) =>
    postfix(object!, (expression) => {
      const created = createdType(expression);
      if (created?.type !== 'UserDefinedTypeName') return { type: 'MemberAccess', expression, memberName: property.text };
      created.namePath = `${created.namePath as string}.${property.text}`;
      stretched(created, created, property, cx);
      return expression;
    }, property, cx));
}

/**
 * The type a `new` expression creates, when `node` is one: tree-sitter ends `new` at the first name, so `new A.B[](n)`
 * comes out as `((new A).B)[]` and the member and bracket that follow belong to the created type instead.
 */
function createdType(node: AstNode): AstNode | null {
  return node.type === 'NewExpression' ? (node.typeName as AstNode) : null;
}

/**
 * `x[i]` is an IndexAccess, but @solidity-parser/parser reads a bracket chain as an array TYPE (ArrayTypeName,
 * e.g. `abi.decode(d, (uint[], S[2]))`) when its root is an elementary type other than `address` (which its
 * grammar also takes as an identifier), or when some level has no index (`x[]`, `a.B[1][]`). The whole chain is
 * converted at once.
 */
function arrayAccess(node: CstNode, cx: ConvertContext): Plan {
  const levels: CstNode[] = [];
  let root = node;
  let anyEmpty = false;
  while (root.type === 'array_access') {
    levels.push(root);
    if (root.childForFieldName('index') === null) anyEmpty = true;
    root = unwrapped(field(root, 'base'));
  }
  levels.reverse();
  const rootKind = typeRootKind(root);
  if (rootKind === 'elementary' || (rootKind === 'name' && anyEmpty)) {
    const baseTypeName = root.type === 'primitive_type' ? elementaryTypeName(root, cx) : userDefinedTypeName(root, cx);
    return new Plan(levels.map((level) => level.childForFieldName('index')), (lengths) => {
      let result = baseTypeName;
      levels.forEach((level, i) => {
        result = cx.located({ type: 'ArrayTypeName', baseTypeName: result, length: lengths[i] }, level);
      });
      return result;
    });
  }
  return new Plan([root, ...levels.map((level) => level.childForFieldName('index'))], ([base, ...indexes]) => {
    let result = base!;
    levels.forEach((level, i) => {
      result = postfix(result, (operand) => {
        const created = createdType(operand);
        if (created === null) {
          if (indexes[i] === null) cx.problem('an index access without an index', level);
          return { type: 'IndexAccess', base: operand, index: indexes[i] };
        }
        operand.typeName = stretched({ type: 'ArrayTypeName', baseTypeName: created, length: indexes[i] }, created, level, cx);
        return operand;
      }, level, cx);
    });
    return result;
  });
}

/** Whether a bracket chain's root can start a type name: an elementary type, or a (dotted) name. */
function typeRootKind(root: CstNode): 'elementary' | 'name' | null {
  if (root.type === 'primitive_type') return root.text === 'address' ? 'name' : 'elementary';
  if (root.type === 'user_defined_type') return 'name';
  return identifierPath(root) === null ? null : 'name';
}

/** The identifiers of `a` or `a.b.c` (in order), or null when `node` is something else. */
function identifierPath(node: CstNode): CstNode[] | null {
  const path: CstNode[] = [];
  let current = node;
  while (current.type === 'member_expression') {
    path.push(field(current, 'property'));
    current = unwrapped(field(current, 'object'));
  }
  if (current.type !== 'identifier') return null;
  path.push(current);
  return path.reverse();
}

function userDefinedTypeName(root: CstNode, cx: ConvertContext): AstNode {
  const path = root.type === 'user_defined_type' ? namedKids(root) : identifierPath(root)!;
  return cx.located({ type: 'UserDefinedTypeName', namePath: path.map((part) => part.text).join('.') }, root);
}

/** `address payable` is one primitive_type node; @solidity-parser/parser puts `payable` in stateMutability. */
function elementaryTypeName(node: CstNode, cx: ConvertContext): AstNode {
  const words = tokenTexts(node);
  return cx.located({ type: 'ElementaryTypeName', name: words[0], stateMutability: words[1] ?? null }, node);
}

function tokenTexts(node: CstNode): string[] {
  const out: string[] = [];
  for (const child of node.children) if (child !== null && child.type !== 'comment') out.push(child.text);
  return out.length === 0 ? [node.text] : out;
}

function sliceAccess(node: CstNode, cx: ConvertContext): Plan {
  const from = node.childForFieldName('from');
  const to = node.childForFieldName('to');
  return new Plan([field(node, 'base'), from, to], ([sliced, indexStart, indexEnd]) =>
    postfix(sliced!, (base) => {
      // The builder leaves a missing bound out rather than setting it to null.
      const ast: AstNode = { type: 'IndexRangeAccess', base };
      if (indexStart !== null) ast.indexStart = indexStart;
      if (indexEnd !== null) ast.indexEnd = indexEnd;
      return ast;
    }, node, cx));
}

// ---------------------------------------------------------------------------------------------------------------
// Primaries

/** `new T` (and `new T(args)` when tree-sitter keeps the arguments inside the new expression). */
function newExpression(node: CstNode, cx: ConvertContext): Plan {
  const typeName = field(node, 'name');
  const hasArguments = node.children.some((child) => child?.type === '(');
  return withArguments(node, typeName, cx, (converted, args) => {
    const created = cx.located({ type: 'NewExpression', typeName: converted }, node, typeName);
    return hasArguments ? functionCall(created, args, node, cx) : created;
  });
}

/** `uint256(x)`, `address(x)`, `address payable(x)`: a call of the type used as an expression. */
function typeCast(node: CstNode, cx: ConvertContext): Plan {
  return withArguments(node, firstNamed(node), cx, (callee, args) => functionCall(callee!, args, node, cx));
}

/** `payable(x)`: @solidity-parser/parser calls an identifier named `payable`. */
function payableConversion(node: CstNode, cx: ConvertContext): Plan {
  return withArguments(node, null, cx, (_, args) => functionCall(identifier(node.firstChild!, cx), args, node, cx));
}

/** `type(T)`: a call of an identifier named `type`, with T read as an expression (`type(I.J)` is a MemberAccess). */
function metaType(node: CstNode, cx: ConvertContext): Plan {
  const typeName = firstNamed(node)!;
  const inner = firstNamed(typeName);
  const argument = inner !== null && typeNamesAsExpressions[inner.type] !== undefined ? inner : typeName;
  return new Plan([argument], ([converted]) =>
    functionCall(identifier(node.firstChild!, cx), { arguments: [converted!], names: [], identifiers: [] }, node, cx));
}

/** `(a, , b)` and `[a, b]`: a comma with no expression before it is a null component. */
function tuple(node: CstNode, cx: ConvertContext, isArray: boolean): Plan {
  const components: Array<CstNode | null> = [];
  let expectingValue = true;
  let any = false;
  const children = node.children;
  for (let i = 1; i < children.length - 1; i++) {
    const child = children[i];
    if (child === null || child.type === 'comment') continue;
    any = true;
    if (child.type === ',') {
      if (expectingValue) components.push(null);
      expectingValue = true;
    } else {
      components.push(child);
      expectingValue = false;
    }
  }
  if (any && expectingValue) components.push(null);
  return new Plan(components, (converted) => cx.located({ type: 'TupleExpression', components: [...converted], isArray }, node));
}

/** `(a)`: @solidity-parser/parser makes a one-component tuple. */
function parenthesized(node: CstNode, cx: ConvertContext): Plan {
  return new Plan([firstNamed(node)], ([inner]) =>
    cx.located({ type: 'TupleExpression', components: [inner], isArray: false }, node));
}

// ---------------------------------------------------------------------------------------------------------------
// Literals

/** `1 ether`, `0x1F`, `1_000`, `1e18`, `.5`: the number as written, and its unit. */
function numberLiteral(node: CstNode, cx: ConvertContext): AstNode {
  const unit = firstNamed(node);
  const text = node.text;
  const number = unit === null ? text : text.slice(0, unit.startIndex - node.startIndex).trimEnd();
  return cx.located({ type: 'NumberLiteral', number, subdenomination: unit?.text ?? null }, node);
}

function booleanLiteral(node: CstNode, cx: ConvertContext): AstNode {
  return cx.located({ type: 'BooleanLiteral', value: node.text === 'true' }, node);
}

/** `"a" 'b'`: adjacent strings concatenate; the builder unescapes only the quote the string is written with. */
function stringLiteral(node: CstNode, cx: ConvertContext): AstNode {
  const parts: string[] = [];
  for (const child of namedKids(node)) {
    if (child.type === 'string') parts.push(unescapedQuotes(child.text[0], child.text.slice(1, -1)));
  }
  return cx.located({ type: 'StringLiteral', value: parts.join(''), parts, isUnicode: parts.map(() => false) }, node);
}

function unicodeStringLiteral(node: CstNode, cx: ConvertContext): AstNode {
  const parts = quotedFragments(node, cx.source).map(({ quote, body }) => unescapedQuotes(quote, body));
  return cx.located({ type: 'StringLiteral', value: parts.join(''), parts, isUnicode: parts.map(() => true) }, node);
}

/** `hex"00ff" hex'ab'`: the digits as written, underscores included. */
function hexLiteral(node: CstNode, cx: ConvertContext): AstNode {
  const parts = quotedFragments(node, cx.source).map(({ body }) => body);
  return cx.located({ type: 'HexLiteral', value: parts.join(''), parts }, node);
}

function unescapedQuotes(quote: string, body: string): string {
  return body.replaceAll(`\\${quote}`, quote);
}

/** The text between each pair of quote tokens (tree-sitter keeps the quotes but hides what is between them). */
function quotedFragments(node: CstNode, source: string): Array<{ quote: string; body: string }> {
  const fragments: Array<{ quote: string; body: string }> = [];
  let open: CstNode | null = null;
  for (const child of node.children) {
    if (child === null || (child.type !== '"' && child.type !== "'")) continue;
    if (open === null) open = child;
    else {
      fragments.push({ quote: open.type, body: source.slice(open.endIndex, child.startIndex) });
      open = null;
    }
  }
  return fragments;
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

const planners: Readonly<Record<string, Planner>> = {
  binary_expression: binaryExpression,
  unary_expression: unaryExpression,
  update_expression: updateExpression,
  assignment_expression: assignment,
  augmented_assignment_expression: assignment,
  ternary_expression: ternaryExpression,
  call_expression: callExpression,
  struct_expression: callOptions,
  member_expression: memberExpression,
  array_access: arrayAccess,
  slice_access: sliceAccess,
  new_expression: newExpression,
  type_cast_expression: typeCast,
  payable_conversion_expression: payableConversion,
  meta_type_expression: metaType,
  tuple_expression: (node, cx) => tuple(node, cx, false),
  inline_array_expression: (node, cx) => tuple(node, cx, true),
  parenthesized_expression: parenthesized,
  identifier,
  number_literal: numberLiteral,
  boolean_literal: booleanLiteral,
  string_literal: stringLiteral,
  unicode_string_literal: unicodeStringLiteral,
  hex_string_literal: hexLiteral,
};

/**
 * Type names in expression position, read the way @solidity-parser/parser's expression grammar reads them:
 * `address` alone is an identifier there, `uint256` an ElementaryTypeName, and a dotted name a member access.
 * (As type names proper, these node types belong to declarations.ts.)
 */
const typeNamesAsExpressions: Readonly<Record<string, Planner>> = {
  primitive_type: (node, cx) => (node.text === 'address' ? identifier(node, cx) : elementaryTypeName(node, cx)),
  user_defined_type: (node, cx) => {
    const [first, ...rest] = namedKids(node);
    let result = identifier(first, cx);
    for (const part of rest) result = cx.located({ type: 'MemberAccess', expression: result, memberName: part.text }, node, part);
    return result;
  },
};

export const expressionConverters: ConverterTable = Object.fromEntries(
  ['expression', ...Object.keys(planners)].map((type) => [type, convertExpression]),
);
