// Converters for statements and blocks (not inline assembly: assembly.ts), including the bodies of functions,
// modifiers and constructors, which @solidity-parser/parser also reads as a `Block`.

import {
  callArguments,
  lastToken,
  type AstNode,
  type ConvertContext,
  type Converter,
  type ConverterTable,
  type CstNode,
} from './convertContext';

/** Node types inside a block or statement that carry no AST node of their own. */
function isTrivia(node: CstNode): boolean {
  return node.type === 'comment';
}

/** The one named child of a wrapper node (`statement`, `expression`), comments skipped. */
function onlyNamedChild(node: CstNode): CstNode {
  for (const child of node.namedChildren) {
    if (child !== null && !isTrivia(child)) return child;
  }
  throw new Error(`tree-sitter node '${node.type}' has no named child`);
}

function namedChildOfType(node: CstNode, type: string): CstNode | undefined {
  for (const child of node.namedChildren) {
    if (child?.type === type) return child;
  }
  return undefined;
}

/** The last child of `node` of the given type. */
function lastChildOfType(node: CstNode, type: string): CstNode | undefined {
  const children = node.children;
  for (let i = children.length - 1; i >= 0; i--) {
    if (children[i]?.type === type) return children[i]!;
  }
  return undefined;
}

/** A `block_statement` (`Block`, or `UncheckedStatement` around it) or a `function_body` (`Block`). */
const block: Converter = (node, cx) => {
  const statements: AstNode[] = [];
  let open: CstNode | undefined;
  let isUnchecked = false;
  for (const child of node.children) {
    if (child === null) continue;
    if (child.type === 'unchecked') isUnchecked = true;
    else if (child.type === '{') open ??= child;
    // Every other named child is a statement, or an ERROR node, which `convert` deals with.
    else if (child.isNamed && !isTrivia(child)) statements.push(cx.convert(child));
  }
  const ast = cx.located({ type: 'Block', statements }, open ?? node, node);
  return isUnchecked ? cx.located({ type: 'UncheckedStatement', block: ast }, node) : ast;
};

const expressionStatement: Converter = (node, cx) => {
  const expression = onlyNamedChild(node);
  // Tree-sitter-solidity has no `throw` statement: it reads `throw;` as the identifier `throw`.
  if (expression.endIndex - expression.startIndex === 5 && cx.text(expression) === 'throw') {
    return cx.located({ type: 'ThrowStatement' }, node);
  }
  const emptyTuple = emptyTupleAssignment(expression, cx.source);
  if (emptyTuple !== undefined) {
    return cx.located(
      { type: 'VariableDeclarationStatement', variables: emptyTuple.variables, initialValue: cx.convert(emptyTuple.value) },
      node,
    );
  }
  return cx.located({ type: 'ExpressionStatement', expression: cx.convert(expression) }, node);
};

/**
 * `(, ,) = g();`: @solidity-parser/parser reads it as a declaration of no variables (one null per slot), tree-sitter
 * as an assignment to an empty tuple.
 */
function emptyTupleAssignment(expression: CstNode, source: string): { variables: null[]; value: CstNode } | undefined {
  if (source.charCodeAt(expression.startIndex) !== 0x28 /* ( */) return undefined;
  const assignment = expression.firstNamedChild;
  if (assignment?.type !== 'assignment_expression') return undefined;
  const tuple = assignment.childForFieldName('left')?.firstNamedChild;
  if (tuple?.type !== 'tuple_expression' || tuple.namedChildren.some((child) => child?.type !== 'comment')) return undefined;
  const variables: null[] = [null];
  for (const child of tuple.children) if (child?.type === ',') variables.push(null);
  return { variables, value: assignment.childForFieldName('right')! };
}

/** `T [location] name` in a declaration statement or a destructuring tuple. */
function variableDeclaration(node: CstNode, cx: ConvertContext): AstNode {
  // One pass over the children: three field look-ups cost more, and declarations are among the commonest nodes.
  let typeName: AstNode | undefined;
  let name: CstNode | undefined;
  let storageLocation: string | null = null;
  for (const child of node.children) {
    if (child === null) continue;
    if (child.type === 'type_name') typeName = cx.convert(child);
    else if (child.type === 'identifier') name = child;
    else if (child.type === 'memory' || child.type === 'storage' || child.type === 'calldata') storageLocation = child.type;
  }
  return cx.located(
    {
      type: 'VariableDeclaration',
      typeName: typeName!,
      name: cx.text(name!),
      identifier: cx.convert(name!),
      storageLocation,
      isStateVar: false,
      isIndexed: false,
      expression: null,
    },
    node,
  );
}

/**
 * The variables of `(T a, , T b) = …` or `var (a, , b) = …`: a gap is `null`, as is a trailing comma's empty slot
 * (@solidity-parser/parser's `_mapCommasToNulls`).
 */
function tupleVariables(tuple: CstNode, cx: ConvertContext): Array<AstNode | null> {
  const variables: Array<AstNode | null> = [];
  let expectingItem = true;
  for (const child of tuple.children) {
    if (child === null || isTrivia(child)) continue;
    switch (child.type) {
      case 'var':
      case '(':
      case ')':
        continue;
      case ',':
        if (expectingItem) variables.push(null);
        expectingItem = true;
        continue;
      case 'variable_declaration':
        variables.push(variableDeclaration(child, cx));
        break;
      default:
        // `var (a, b)`: a bare name, with no type.
        variables.push(cx.located({
          type: 'VariableDeclaration',
          name: cx.text(child),
          identifier: cx.convert(child),
          isStateVar: false,
          isIndexed: false,
          typeName: null,
          storageLocation: null,
          expression: null,
        }, child));
    }
    expectingItem = false;
  }
  if (expectingItem && variables.length > 0) variables.push(null);
  return variables;
}

const variableDeclarationStatement: Converter = (node, cx) => {
  const declared = onlyNamedChild(node);
  const value = node.childForFieldName('value');
  return cx.located(
    {
      type: 'VariableDeclarationStatement',
      variables: declared.type === 'variable_declaration' ? [variableDeclaration(declared, cx)] : tupleVariables(declared, cx),
      initialValue: value === null ? null : cx.convert(value),
    },
    node,
  );
};

/** An if with its else-if chain, built in a loop: chains of hundreds of `else if` exist. */
const ifStatement: Converter = (node, cx) => {
  // Every if of a chain ends at the chain's last token: find it once, not once per link.
  const last = lastToken(node);
  let root: AstNode | undefined;
  let outer: AstNode | undefined;
  for (let current = node; ;) {
    const [trueBody, falseBody] = current.childrenForFieldName('body');
    const ast: AstNode = cx.located(
      {
        type: 'IfStatement',
        condition: cx.convert(current.childForFieldName('condition')!),
        trueBody: cx.convert(trueBody!),
        falseBody: null,
      },
      current,
      last,
    );
    if (outer === undefined) root = ast;
    else outer.falseBody = ast;
    if (falseBody === undefined || falseBody === null) return root!;
    const elseIf = onlyNamedChild(falseBody);
    if (elseIf.type !== 'if_statement') {
      ast.falseBody = cx.convert(falseBody);
      return root!;
    }
    outer = ast;
    current = elseIf;
  }
};

const forStatement: Converter = (node, cx) => {
  const initial = node.childForFieldName('initial');
  const condition = node.childForFieldName('condition');
  const update = node.childForFieldName('update');
  return cx.located(
    {
      type: 'ForStatement',
      initExpression: initial === null || initial.type === ';' ? null : cx.convert(initial),
      conditionExpression: condition === null || condition.type === ';' ? null : cx.convert(onlyNamedChild(condition)),
      // @solidity-parser/parser wraps the update in an ExpressionStatement without `loc` or `range`.
      loopExpression: { type: 'ExpressionStatement', expression: update === null ? null : cx.convert(update) },
      body: cx.convert(node.childForFieldName('body')!),
    },
    node,
  );
};

const loop = (type: 'WhileStatement' | 'DoWhileStatement'): Converter => (node, cx) =>
  cx.located(
    {
      type,
      condition: cx.convert(node.childForFieldName('condition')!),
      body: cx.convert(node.childForFieldName('body')!),
    },
    node,
  );

const returnStatement: Converter = (node, cx) => {
  const expression = namedChildOfType(node, 'expression');
  return cx.located({ type: 'ReturnStatement', expression: expression === undefined ? null : cx.convert(expression) }, node);
};

/** `emit E(args);`: the event call is a FunctionCall from the event name to the closing parenthesis. */
const emitStatement: Converter = (node, cx) => {
  const name = node.childForFieldName('name')!;
  const eventCall = cx.located(
    { type: 'FunctionCall', expression: cx.convert(name), ...callArguments(node, cx) },
    name,
    lastChildOfType(node, ')') ?? node,
  );
  return cx.located({ type: 'EmitStatement', eventCall }, node);
};

/**
 * `revert E(args);` is a RevertStatement. `revert(…);` is, for @solidity-parser/parser, a call of a function named
 * `revert`; tree-sitter reads `revert("reason")` as `revert` followed by a parenthesised expression, and
 * `revert(a, b)` by a tuple, whose parts are then the arguments.
 */
const revertStatement: Converter = (node, cx) => {
  const error = node.childForFieldName('error');
  const args = namedChildOfType(node, 'revert_arguments');
  if (error !== null && args !== undefined) {
    const revertCall = cx.located({ type: 'FunctionCall', expression: cx.convert(error), ...callArguments(args, cx) }, error, args);
    return cx.located({ type: 'RevertStatement', revertCall }, node);
  }
  const keyword = node.child(0)!;
  let call: AstNode;
  if (args !== undefined) {
    call = { type: 'FunctionCall', expression: cx.located({ type: 'Identifier', name: 'revert' }, keyword), ...callArguments(args, cx) };
    cx.located(call, keyword, args);
  } else {
    const parts = error === null ? [] : onlyNamedChild(error).namedChildren.filter((child): child is CstNode => child?.type === 'expression');
    call = {
      type: 'FunctionCall',
      expression: cx.located({ type: 'Identifier', name: 'revert' }, keyword),
      arguments: parts.map((part) => cx.convert(part)),
      names: [],
      identifiers: [],
    };
    cx.located(call, keyword, error ?? keyword);
  }
  return cx.located({ type: 'ExpressionStatement', expression: call }, node);
};

const tryStatement: Converter = (node, cx) => {
  let returnParameters: AstNode[] | null = null;
  const catchClauses: AstNode[] = [];
  for (const child of node.children) {
    if (child === null) continue;
    if (child.type === 'returns') returnParameters = [];
    else if (child.type === 'parameter') returnParameters!.push(cx.convert(child));
    else if (child.type === 'catch_clause') catchClauses.push(catchClause(child, cx));
  }
  return cx.located(
    {
      type: 'TryStatement',
      expression: cx.convert(node.childForFieldName('attempt')!),
      returnParameters,
      body: cx.convert(node.childForFieldName('body')!),
      catchClauses,
    },
    node,
  );
};

/** `catch [Error|Panic](params) {…}`, `catch (bytes memory data) {…}` or `catch {…}`. */
function catchClause(node: CstNode, cx: ConvertContext): AstNode {
  let kind: string | null = null;
  let parameters: AstNode[] | null = null;
  for (const child of node.children) {
    if (child === null) continue;
    if (child.type === 'identifier') kind = cx.text(child);
    else if (child.type === '(') parameters = [];
    else if (child.type === 'parameter') parameters!.push(cx.convert(child));
  }
  return cx.located(
    {
      type: 'CatchClause',
      // @solidity-parser/parser keeps this deprecated field next to `kind`.
      isReasonStringType: kind === 'Error',
      kind,
      parameters,
      body: cx.convert(node.childForFieldName('body')!),
    },
    node,
  );
}

export const statementConverters: ConverterTable = {
  statement: (node, cx) => cx.convert(onlyNamedChild(node)),
  block_statement: block,
  function_body: block,
  expression_statement: expressionStatement,
  variable_declaration_statement: variableDeclarationStatement,
  variable_declaration: variableDeclaration,
  if_statement: ifStatement,
  for_statement: forStatement,
  while_statement: loop('WhileStatement'),
  do_while_statement: loop('DoWhileStatement'),
  continue_statement: (node, cx) => cx.located({ type: 'ContinueStatement' }, node),
  break_statement: (node, cx) => cx.located({ type: 'BreakStatement' }, node),
  return_statement: returnStatement,
  emit_statement: emitStatement,
  revert_statement: revertStatement,
  try_statement: tryStatement,
};
