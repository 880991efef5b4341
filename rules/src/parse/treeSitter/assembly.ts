// Converters for inline assembly (Yul) into @solidity-parser/parser's `InlineAssemblyStatement` and `Assembly*`
// nodes, with that parser's quirks: a name read as a value is an `AssemblyCall` without arguments, a bare name
// as a statement is an `Identifier`, and `leave` is an `Identifier` too.

import type { AstNode, ConvertContext, Converter, ConverterTable, CstNode } from './convertContext';

/** The named children of `node` that are Yul code, comments skipped. */
function namedItems(node: CstNode): CstNode[] {
  return node.namedChildren.filter((child): child is CstNode => child !== null && child.type !== 'comment');
}

function identifier(node: CstNode, cx: ConvertContext): AstNode {
  return cx.located({ type: 'Identifier', name: cx.text(node) }, node);
}

/** A `yul_path` that is assigned to: `x` is an Identifier, `x.slot` an AssemblyMemberAccess. */
function pathTarget(path: CstNode, cx: ConvertContext): AstNode {
  const parts = namedItems(path);
  if (parts.length === 1) return identifier(parts[0], cx);
  return memberAccess(path, parts, cx);
}

/**
 * `x.slot`. @solidity-parser/parser reads only two-part paths (`x.y.z` is `x.y` followed by a stray `z` there,
 * which is not valid Solidity); a longer path nests, so no part is lost.
 */
function memberAccess(path: CstNode, parts: CstNode[], cx: ConvertContext): AstNode {
  let ast = identifier(parts[0], cx);
  for (let i = 1; i < parts.length; i++) {
    ast = cx.located({ type: 'AssemblyMemberAccess', expression: ast, memberName: identifier(parts[i], cx) }, path, parts[i]);
  }
  return ast;
}

/** The assigned names of a declaration (`yul_identifier`s) or an assignment (`yul_path`s): those before `:=`. */
function assignedNames(node: CstNode, cx: ConvertContext): AstNode[] {
  const names: AstNode[] = [];
  for (const child of node.children) {
    if (child === null) continue;
    if (child.type === 'yul_identifier') names.push(identifier(child, cx));
    else if (child.type === 'yul_path') names.push(pathTarget(child, cx));
    else if (child.type === ':=' || child.type === ':') break;
  }
  return names;
}

/** The value after `:=` (or `: =`) of a declaration or an assignment, or null. */
function assignedValue(node: CstNode): CstNode | null {
  let afterOperator = false;
  for (const child of node.children) {
    if (child === null || child.type === 'comment') continue;
    if (child.type === ':=' || child.type === '=') afterOperator = true;
    else if (afterOperator && child.isNamed) return child;
  }
  return null;
}

function endsWithComma(node: CstNode): boolean {
  return node.lastChild?.type === ',';
}

/**
 * The statements of a Yul block. Tree-sitter-solidity reads `let a, b := f()` as `let a,` followed by the
 * assignment `b := f()` (and `a, b := f()` as `a,` then `b := f()`): such a run is joined back into one
 * declaration or assignment.
 */
function yulStatements(items: CstNode[], cx: ConvertContext): AstNode[] {
  const statements: AstNode[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if ((item.type === 'yul_variable_declaration' || item.type === 'yul_assignment') && endsWithComma(item)) {
      const names = assignedNames(item, cx);
      let last = item;
      while (endsWithComma(last) && items[i + 1]?.type === 'yul_assignment') {
        last = items[++i];
        names.push(...assignedNames(last, cx));
      }
      const value = assignedValue(last);
      const type = item.type === 'yul_variable_declaration' ? 'AssemblyLocalDefinition' : 'AssemblyAssignment';
      statements.push(cx.located({ type, names, expression: value === null ? null : cx.convert(value) }, item, last));
    } else {
      statements.push(yulStatement(item, cx));
    }
  }
  return statements;
}

/** One Yul statement: a bare name, builtin (`pop`) or path is an Identifier there, not a call. */
function yulStatement(node: CstNode, cx: ConvertContext): AstNode {
  if (node.type === 'yul_function_call' && node.childCount === 1) return identifier(node, cx);
  if (node.type === 'yul_assignment' && assignedValue(node) === null) return assignedNames(node, cx)[0];
  return cx.convert(node);
}

function block(node: CstNode, cx: ConvertContext): AstNode {
  return cx.located({ type: 'AssemblyBlock', operations: yulStatements(namedItems(node), cx) }, node);
}

const assemblyStatement: Converter = (node, cx) => {
  let language: string | null = null;
  const flags: string[] = [];
  const items: CstNode[] = [];
  let open: CstNode = node;
  for (const child of node.children) {
    if (child === null || child.type === 'comment') continue;
    if (child.type === '"evmasm"') language = 'evmasm';
    else if (child.type === '{') open = child;
    else if (child.type === 'assembly_flags') {
      for (const flag of namedItems(child)) flags.push(cx.text(flag).slice(1, -1));
    } else if (child.isNamed) items.push(child);
  }
  const body = cx.located({ type: 'AssemblyBlock', operations: yulStatements(items, cx) }, open, node);
  return cx.located({ type: 'InlineAssemblyStatement', language, flags, body }, node);
};

const call: Converter = (node, cx) => {
  const name = node.childForFieldName('function')!;
  const items = namedItems(node);
  const args: AstNode[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.startIndex === name.startIndex) continue;
    const suffix = items[i + 1];
    if (suffix !== undefined && isBuiltinMemberSuffix(suffix)) {
      args.push(builtinMemberAccess(item, suffix, cx));
      i++;
    } else {
      args.push(cx.convert(item));
    }
  }
  return cx.located({ type: 'AssemblyCall', functionName: cx.text(name), arguments: args }, node);
};

/**
 * Tree-sitter-solidity reads a path whose first name is also a builtin (`sstore(number.slot, v)` for a state
 * variable `number`) as the builtin followed by an ERROR node `.slot`. In call arguments, where it occurs in real
 * code, this converter reads the pair as the member access it is, so that ERROR node is no syntax error.
 */
export function isBuiltinMemberSuffix(node: CstNode): boolean {
  if (node.type !== 'ERROR' || node.parent?.type !== 'yul_function_call' || node.childCount !== 2) return false;
  if (node.child(0)!.type !== '.' || node.child(1)!.type !== 'identifier') return false;
  const builtin = node.previousSibling;
  return builtin?.type === 'yul_function_call' && builtin.childCount === 1;
}

function builtinMemberAccess(builtin: CstNode, suffix: CstNode, cx: ConvertContext): AstNode {
  const member = suffix.child(1)!;
  return cx.located({ type: 'AssemblyMemberAccess', expression: identifier(builtin, cx), memberName: identifier(member, cx) }, builtin, member);
}

/** A path read as a value: a name is a call without arguments, `x.slot` a member access. */
const pathValue: Converter = (node, cx) => {
  const parts = namedItems(node);
  if (parts.length === 1) return cx.located({ type: 'AssemblyCall', functionName: cx.text(parts[0]), arguments: [] }, node);
  return memberAccess(node, parts, cx);
};

const declaration: Converter = (node, cx) => {
  const value = assignedValue(node);
  return cx.located(
    { type: 'AssemblyLocalDefinition', names: assignedNames(node, cx), expression: value === null ? null : cx.convert(value) },
    node,
  );
};

const assignment: Converter = (node, cx) =>
  cx.located({ type: 'AssemblyAssignment', names: assignedNames(node, cx), expression: cx.convert(assignedValue(node)!) }, node);

const ifStatement: Converter = (node, cx) => {
  const [condition, body] = namedItems(node);
  return cx.located({ type: 'AssemblyIf', condition: cx.convert(condition), body: block(body, cx) }, node);
};

const forStatement: Converter = (node, cx) => {
  const [pre, condition, post, body] = namedItems(node);
  return cx.located(
    { type: 'AssemblyFor', pre: block(pre, cx), condition: cx.convert(condition), post: block(post, cx), body: block(body, cx) },
    node,
  );
};

const switchStatement: Converter = (node, cx) => {
  let expression: AstNode | undefined;
  const cases: AstNode[] = [];
  let caseStart: CstNode | undefined;
  let value: AstNode | null = null;
  for (const child of node.children) {
    if (child === null || child.type === 'comment') continue;
    if (child.type === 'case' || child.type === 'default') {
      caseStart = child;
      value = null;
    } else if (child.type === 'yul_block') {
      cases.push(cx.located({ type: 'AssemblyCase', block: block(child, cx), value, default: value === null }, caseStart!, child));
    } else if (child.isNamed) {
      if (caseStart === undefined) expression = cx.convert(child);
      else value = cx.convert(child);
    }
  }
  return cx.located({ type: 'AssemblySwitch', expression: expression!, cases }, node);
};

const functionDefinition: Converter = (node, cx) => {
  let name: CstNode | undefined;
  const args: AstNode[] = [];
  const returnArgs: AstNode[] = [];
  let returns = false;
  let body: AstNode | undefined;
  for (const child of node.children) {
    if (child === null) continue;
    if (child.type === '->') returns = true;
    else if (child.type === 'yul_block') body = block(child, cx);
    else if (child.type !== 'yul_identifier') continue;
    else if (name === undefined) name = child;
    else (returns ? returnArgs : args).push(identifier(child, cx));
  }
  return cx.located({ type: 'AssemblyFunctionDefinition', name: cx.text(name!), arguments: args, returnArguments: returnArgs, body: body! }, node);
};

export const assemblyConverters: ConverterTable = {
  assembly_statement: assemblyStatement,
  yul_block: block,
  yul_variable_declaration: declaration,
  yul_assignment: assignment,
  yul_function_call: call,
  yul_path: pathValue,
  yul_if_statement: ifStatement,
  yul_for_statement: forStatement,
  yul_switch_statement: switchStatement,
  yul_function_definition: functionDefinition,
  yul_label: (node, cx) => cx.located({ type: 'LabelDefinition', name: cx.text(node.firstNamedChild!) }, node),
  yul_leave: (node, cx) => identifier(node, cx),
  yul_break: (node, cx) => cx.located({ type: 'Break' }, node),
  yul_continue: (node, cx) => cx.located({ type: 'Continue' }, node),
  yul_decimal_number: (node, cx) => cx.located({ type: 'DecimalNumber', value: cx.text(node) }, node),
  yul_hex_number: (node, cx) => cx.located({ type: 'HexNumber', value: cx.text(node) }, node),
  yul_boolean: (node, cx) => cx.located({ type: 'BooleanLiteral', value: cx.text(node) === 'true' }, node),
  yul_string_literal: (node, cx) => {
    // The text between the quotes, escapes kept: @solidity-parser/parser does not decode Yul strings.
    const value = cx.text(node).slice(1, -1);
    return cx.locatedToken({ type: 'StringLiteral', value, parts: [value], isUnicode: [false] }, node);
  },
  yul_hex_string_literal: (node, cx) => {
    const value = cx.text(node).slice(4, -1);
    return cx.locatedToken({ type: 'HexLiteral', value, parts: [value] }, node);
  },
};
