// Converters for the source unit, directives, contracts and their members, and type names. Each one rebuilds
// the node @solidity-parser/parser's ASTBuilder makes, including its quirks (noted where they matter), so the
// rules read the same AST whichever parser produced it.

import { callArguments, type AstNode, type ConvertContext, type ConverterTable, type CstNode } from './convertContext';

/**
 * The name of the contract last entered, per conversion: @solidity-parser/parser marks a function as a constructor
 * when its name equals it, and never resets it, so a free function after a contract is compared with that contract.
 */
const currentContract = new WeakMap<ConvertContext, string>();

/** Enters contract `name` before converting one of its members alone (the incremental parse cache's splice). */
export function enterContract(cx: ConvertContext, name: string): void {
  currentContract.set(cx, name);
}

// Reading a node's `type` is a call into WebAssembly (web-tree-sitter does not cache it), so each loop below
// reads it once per child; comments fall through every branch.

/**
 * The text of a node as ANTLR's `getText()` gives it: its tokens joined without the whitespace and comments
 * between them, which is how @solidity-parser/parser spells qualified names such as `A . B` (as `A.B`).
 */
function tokenText(node: CstNode): string {
  const text = node.text;
  return /\s|\/[/*]/.test(text) ? joinedTokens(node) : text;
}

function joinedTokens(node: CstNode): string {
  if (node.childCount === 0) return node.type === 'comment' ? '' : node.text;
  let out = '';
  for (const child of node.children) out += joinedTokens(child!);
  return out;
}

function identifier(node: CstNode, cx: ConvertContext): AstNode {
  return cx.located({ type: 'Identifier', name: node.text }, node);
}

// ---------------------------------------------------------------------------------------------------------------
// Type names

export function convertTypeName(node: CstNode, cx: ConvertContext): AstNode {
  const first = node.firstChild!;
  switch (first.type) {
    case 'primitive_type':
      return elementaryTypeName(first, cx);
    case 'user_defined_type':
      return userDefinedTypeName(first, cx);
    case 'type_name':
      // `T[]` or `T[length]`.
      return cx.located({ type: 'ArrayTypeName', baseTypeName: convertTypeName(first, cx), length: arrayLength(node, cx) }, node);
    case 'mapping':
      return mapping(node, cx);
    case 'function':
      return functionTypeName(node, cx);
  }
  cx.problem(`unexpected type name shape '${node.text}'`, node);
  return cx.located({ type: 'Unconverted', cstType: node.type }, node);
}

function arrayLength(node: CstNode, cx: ConvertContext): AstNode | null {
  for (const child of node.namedChildren) if (child!.type === 'expression') return cx.convert(child!);
  return null;
}

/** `uint`, `address`, and `address payable` (a name and a state mutability, as the oracle splits it). */
export function elementaryTypeName(node: CstNode, cx: ConvertContext): AstNode {
  if (node.childCount === 2 && node.child(1)?.type === 'payable') {
    return cx.located({ type: 'ElementaryTypeName', name: 'address', stateMutability: 'payable' }, node);
  }
  return cx.located({ type: 'ElementaryTypeName', name: node.text, stateMutability: null }, node);
}

export function userDefinedTypeName(node: CstNode, cx: ConvertContext): AstNode {
  return cx.located({ type: 'UserDefinedTypeName', namePath: tokenText(node) }, node);
}

function mapping(node: CstNode, cx: ConvertContext): AstNode {
  let keyType: AstNode | null = null;
  let keyName: AstNode | null = null;
  let valueType: AstNode | null = null;
  let valueName: AstNode | null = null;
  for (const child of node.namedChildren as CstNode[]) {
    const type = child.type;
    if (type === 'primitive_type') keyType = elementaryTypeName(child, cx);
    else if (type === 'user_defined_type') keyType = userDefinedTypeName(child, cx);
    else if (type === 'type_name') valueType = convertTypeName(child, cx);
    else if (type === 'identifier') {
      if (valueType === null) keyName = identifier(child, cx);
      else valueName = identifier(child, cx);
    }
  }
  return cx.located({ type: 'Mapping', keyType, keyName, valueType, valueName }, node);
}

function functionTypeName(node: CstNode, cx: ConvertContext): AstNode {
  const parameterTypes: AstNode[] = [];
  const returnTypes: AstNode[] = [];
  let visibility = 'default';
  let stateMutability: string | null = null;
  for (const child of node.namedChildren as CstNode[]) {
    const type = child.type;
    if (type === 'parameter') parameterTypes.push(functionTypeParameter(child, cx));
    else if (type === 'return_parameter') returnTypes.push(functionTypeParameter(child, cx));
    else if (type === 'visibility') visibility = strongerVisibility(FUNCTION_TYPE_VISIBILITY, visibility, child.text);
    else if (type === 'state_mutability') stateMutability ??= child.text;
  }
  return cx.located({ type: 'FunctionTypeName', parameterTypes, returnTypes, visibility, stateMutability }, node);
}

/** A parameter of a function type: the oracle gives it no name even where one is written. */
function functionTypeParameter(node: CstNode, cx: ConvertContext): AstNode {
  const location = node.childForFieldName('location');
  return cx.located(
    {
      type: 'VariableDeclaration',
      typeName: convertTypeName(node.childForFieldName('type')!, cx),
      name: null,
      identifier: null,
      storageLocation: location === null ? null : location.text,
      isStateVar: false,
      isIndexed: false,
      expression: null,
    },
    node,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Parameters

/** A function, modifier, error, return or catch parameter (the oracle's `visitParameter`). */
export function convertParameter(node: CstNode, cx: ConvertContext): AstNode {
  let typeName: AstNode | null = null;
  let name: CstNode | null = null;
  let storageLocation: string | null = null;
  for (const child of node.children as CstNode[]) {
    const type = child.type;
    if (type === 'type_name') typeName = convertTypeName(child, cx);
    else if (type === 'identifier') name = child;
    else if (type === 'memory' || type === 'storage' || type === 'calldata') storageLocation = type;
  }
  return cx.located(
    {
      type: 'VariableDeclaration',
      typeName,
      name: name === null ? null : name.text,
      identifier: name === null ? null : identifier(name, cx),
      storageLocation,
      isStateVar: false,
      isIndexed: false,
      expression: null,
    },
    node,
  );
}

function eventParameter(node: CstNode, cx: ConvertContext): AstNode {
  let typeName: AstNode | null = null;
  let name: CstNode | null = null;
  let isIndexed = false;
  for (const child of node.children as CstNode[]) {
    const type = child.type;
    if (type === 'type_name') typeName = convertTypeName(child, cx);
    else if (type === 'identifier') name = child;
    else if (type === 'indexed') isIndexed = true;
  }
  return cx.located(
    {
      type: 'VariableDeclaration',
      typeName,
      name: name === null ? null : name.text,
      identifier: name === null ? null : identifier(name, cx),
      isStateVar: false,
      isIndexed,
      storageLocation: null,
      expression: null,
    },
    node,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Source unit and directives

function sourceUnit(node: CstNode, cx: ConvertContext): AstNode {
  const units = (node.namedChildren as CstNode[]).filter((child) => child.type !== 'comment');
  const ast: AstNode = { type: 'SourceUnit', children: units.map((unit) => cx.convert(unit)) };
  if (units.length === 0) {
    // With no token the oracle places the unit at the end of the text (its EOF token).
    const end = node.endPosition;
    const at = { line: end.row + 1, column: end.column };
    ast.loc = { start: at, end: { ...at } };
    ast.range = [node.endIndex, node.endIndex];
    return ast;
  }
  return cx.located(ast, units[0], units[units.length - 1]);
}

function pragmaDirective(node: CstNode, cx: ConvertContext): AstNode {
  const token = node.namedChildren.find((c) => c !== null && c.type !== 'comment')!;
  let name: string;
  let value: string;
  if (token.type === 'solidity_pragma_token') {
    // The oracle joins the version constraints (and `||`) with one space, each constraint without its spaces.
    name = 'solidity';
    const parts: string[] = [];
    let operator = '';
    for (const child of token.children as CstNode[]) {
      const type = child.type;
      // Tree-sitter's pragma tokens carry the whitespace before them.
      if (type === 'solidity_version_comparison_operator') operator = child.text.trim();
      else if (type === 'solidity_version') {
        parts.push(operator + child.text.replace(/\s/g, ''));
        operator = '';
      } else if (type === '||' || type === '-') parts.push(type);
    }
    value = parts.join(' ');
  } else {
    const [pragmaName, pragmaValue] = (token.namedChildren as CstNode[]).filter((child) => child.type !== 'comment');
    name = pragmaName.text;
    value = pragmaValue.text.replace(/\s/g, '');
  }
  return cx.located({ type: 'PragmaDirective', name, value }, node);
}

function importDirective(node: CstNode, cx: ConvertContext): AstNode {
  let source: CstNode | null = null;
  let unitAlias: CstNode | null = null;
  let symbols: Array<[CstNode, CstNode | null]> | null = null;
  let afterAs = false;
  for (const child of node.children as CstNode[]) {
    const type = child.type;
    if (type === '{') symbols = [];
    else if (type === 'as') afterAs = true;
    else if (type === 'string') source = child;
    else if (type === 'identifier') {
      if (symbols === null) {
        // `import "x" as A;`, `import * as A from "x";` and `import A from "x";` all name the unit.
        unitAlias = child;
      } else if (afterAs) symbols[symbols.length - 1][1] = child;
      else symbols.push([child, null]);
      afterAs = false;
    }
  }
  const quoted = source!.text;
  const path = quoted.substring(1, quoted.length - 1);
  return cx.located(
    {
      type: 'ImportDirective',
      path,
      pathLiteral: cx.locatedToken({ type: 'StringLiteral', value: path, parts: [path], isUnicode: [false] }, source!),
      unitAlias: unitAlias === null ? null : unitAlias.text,
      unitAliasIdentifier: unitAlias === null ? null : identifier(unitAlias, cx),
      symbolAliases: symbols === null ? null : symbols.map(([symbol, alias]) => [symbol.text, alias === null ? null : alias.text]),
      symbolAliasesIdentifiers:
        symbols === null ? null : symbols.map(([symbol, alias]) => [identifier(symbol, cx), alias === null ? null : identifier(alias, cx)]),
    },
    node,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Contracts

function contractDefinition(node: CstNode, cx: ConvertContext): AstNode {
  return contractWithMembers(node, cx, (body) => (body.namedChildren as CstNode[]).filter((c) => c.type !== 'comment').map((c) => cx.convert(c)));
}

/**
 * The contract `node` declares, its members from `members` (given its body): the whole conversion converts them,
 * an edit of the header alone keeps the ones converted before.
 */
export function contractWithMembers(node: CstNode, cx: ConvertContext, members: (body: CstNode) => AstNode[]): AstNode {
  const name = node.childForFieldName('name')!.text;
  // Members read it: a pre-0.5 constructor is the function named like its contract.
  currentContract.set(cx, name);
  const baseContracts: AstNode[] = [];
  let subNodes: AstNode[] = [];
  let storageLayout: AstNode | undefined;
  for (const child of node.namedChildren as CstNode[]) {
    const type = child.type;
    if (type === 'inheritance_specifier') baseContracts.push(inheritanceSpecifier(child, cx));
    else if (type === 'layout_specifier') storageLayout = cx.convert(child.namedChildren.find((c) => c!.type === 'expression')!);
    else if (type === 'contract_body') subNodes = members(child);
  }
  // The first token: `abstract`, `contract`, `interface` or `library`.
  const ast: AstNode = { type: 'ContractDefinition', name, baseContracts, subNodes, kind: node.firstChild!.type };
  if (storageLayout !== undefined) ast.storageLayout = storageLayout;
  return cx.located(ast, node);
}

function inheritanceSpecifier(node: CstNode, cx: ConvertContext): AstNode {
  return cx.located(
    { type: 'InheritanceSpecifier', baseName: userDefinedTypeName(node.firstChild!, cx), arguments: callArguments(node, cx).arguments },
    node,
  );
}

function overrideSpecifier(node: CstNode, cx: ConvertContext): AstNode[] {
  const out: AstNode[] = [];
  for (const child of node.namedChildren as CstNode[]) if (child.type === 'user_defined_type') out.push(userDefinedTypeName(child, cx));
  return out;
}

function stateVariableDeclaration(node: CstNode, cx: ConvertContext): AstNode {
  let typeName: AstNode | null = null;
  let name: CstNode | null = null;
  let expression: AstNode | null = null;
  let visibility = 'default';
  let isDeclaredConst = false;
  let isImmutable = false;
  let isTransient = false;
  let override: AstNode[] | null = null;
  for (const child of node.children as CstNode[]) {
    switch (child.type) {
      case 'type_name':
        typeName = convertTypeName(child, cx);
        break;
      case 'identifier':
        name = child;
        break;
      case 'expression':
        expression = cx.convert(child);
        break;
      case 'visibility':
        visibility = strongerVisibility(STATE_VARIABLE_VISIBILITY, visibility, child.text);
        break;
      case 'constant':
        isDeclaredConst = true;
        break;
      case 'immutable':
        isImmutable = true;
        break;
      case 'state_location':
        isTransient = true;
        break;
      case 'override_specifier':
        // Only the first specifier counts, as in the oracle.
        override ??= overrideSpecifier(child, cx);
        break;
    }
  }
  const variable = cx.located(
    {
      type: 'VariableDeclaration',
      typeName,
      name: name!.text,
      identifier: identifier(name!, cx),
      expression,
      visibility,
      isStateVar: true,
      isDeclaredConst,
      isIndexed: false,
      isImmutable,
      isTransient,
      override,
      storageLocation: null,
    },
    node,
  );
  return cx.located({ type: 'StateVariableDeclaration', variables: [variable], initialValue: expression }, node);
}

/** The oracle's visibility when several are written, whatever their order in the source: the first of `precedence`. */
function strongerVisibility(precedence: readonly string[], current: string, next: string): string {
  const rank = precedence.indexOf(next);
  if (rank < 0) return current;
  const currentRank = precedence.indexOf(current);
  return currentRank < 0 || rank < currentRank ? next : current;
}

const STATE_VARIABLE_VISIBILITY = ['internal', 'public', 'private'];
const FUNCTION_VISIBILITY = ['external', 'internal', 'public', 'private'];
/** A function type keeps only the visibilities solc allows it. */
const FUNCTION_TYPE_VISIBILITY = ['internal', 'external'];

/**
 * Functions, constructors, fallback and receive functions. Their modifier lists are parsed the oracle's way:
 * the first state mutability wins (pre-0.5 `constant` is a modifier invocation to tree-sitter), visibility by
 * precedence, and only the first override specifier counts.
 */
function functionDefinition(node: CstNode, cx: ConvertContext): AstNode {
  // The first token: `function`, `constructor`, `fallback` or `receive`.
  const descriptor = node.firstChild!.type;
  let name: string | null = null;
  const parameters: AstNode[] = [];
  let returnParameters: AstNode[] | null = null;
  let body: AstNode | null = null;
  let visibility = 'default';
  const modifiers: AstNode[] = [];
  let override: AstNode[] | null = null;
  let isVirtual = false;
  let stateMutability: string | null = null;
  let inReturns = false;
  for (const child of node.children as CstNode[]) {
    switch (child.type) {
      case 'identifier':
        name = child.text;
        break;
      case 'parameter':
        if (inReturns) (returnParameters ??= []).push(convertParameter(child, cx));
        else parameters.push(convertParameter(child, cx));
        break;
      case 'returns':
        inReturns = true;
        returnParameters = [];
        break;
      case 'return_type_definition':
        returnParameters = (child.namedChildren as CstNode[]).filter((c) => c.type === 'parameter').map((c) => convertParameter(c, cx));
        break;
      case 'function_body':
        body = cx.convert(child);
        break;
      case 'visibility':
      case 'public':
      case 'internal':
        visibility = strongerVisibility(FUNCTION_VISIBILITY, visibility, child.text);
        break;
      case 'state_mutability':
      case 'payable':
        stateMutability ??= child.text;
        break;
      case 'virtual':
        isVirtual = true;
        break;
      case 'override_specifier':
        override ??= overrideSpecifier(child, cx);
        break;
      case 'modifier_invocation':
        if (child.text === 'constant') stateMutability ??= 'constant';
        else modifiers.push(modifierInvocation(child, cx));
        break;
    }
  }
  let isConstructor = false;
  let isFallback = false;
  let isReceiveEther = false;
  let functionParameters = parameters;
  if (descriptor === 'constructor') {
    isConstructor = true;
    returnParameters = null;
  } else if (descriptor === 'fallback') {
    isFallback = true;
  } else if (descriptor === 'receive') {
    isReceiveEther = true;
    functionParameters = [];
    returnParameters = null;
  } else {
    // `function f(…)`, or the pre-0.6 unnamed fallback `function (…)`, which the oracle names ''.
    name ??= '';
    isConstructor = name === currentContract.get(cx);
    isFallback = name === '';
  }
  return cx.located(
    {
      type: 'FunctionDefinition',
      name,
      parameters: functionParameters,
      returnParameters,
      body,
      visibility,
      modifiers,
      override,
      isConstructor,
      isReceiveEther,
      isFallback,
      isVirtual,
      stateMutability,
    },
    node,
  );
}

function modifierInvocation(node: CstNode, cx: ConvertContext): AstNode {
  let name = '';
  // No parentheses: `null`; empty ones: `[]`.
  let hasParentheses = false;
  for (const child of node.children as CstNode[]) {
    const type = child.type;
    if (type === 'identifier' || type === '.') name += child.text;
    else if (type === '(') hasParentheses = true;
  }
  return cx.located({ type: 'ModifierInvocation', name, arguments: hasParentheses ? callArguments(node, cx).arguments : null }, node);
}

function modifierDefinition(node: CstNode, cx: ConvertContext): AstNode {
  let name = '';
  let parameters: AstNode[] | null = null;
  let body: AstNode | null = null;
  let isVirtual = false;
  let override: AstNode[] | null = null;
  for (const child of node.children as CstNode[]) {
    switch (child.type) {
      case 'identifier':
        name = child.text;
        break;
      case '(':
        parameters = [];
        break;
      case 'parameter':
        parameters!.push(convertParameter(child, cx));
        break;
      case 'virtual':
        isVirtual = true;
        break;
      case 'override_specifier':
        override ??= overrideSpecifier(child, cx);
        break;
      case 'function_body':
        body = cx.convert(child);
        break;
    }
  }
  return cx.located({ type: 'ModifierDefinition', name, parameters, body, isVirtual, override }, node);
}

function structDefinition(node: CstNode, cx: ConvertContext): AstNode {
  const members: AstNode[] = [];
  for (const member of node.childForFieldName('body')!.namedChildren as CstNode[]) {
    if (member.type !== 'struct_member') continue;
    const name = member.childForFieldName('name')!;
    const type = member.childForFieldName('type')!;
    // The oracle's member ends at its name: the `;` is not part of it.
    members.push(
      cx.located(
        {
          type: 'VariableDeclaration',
          typeName: convertTypeName(type, cx),
          name: name.text,
          identifier: identifier(name, cx),
          storageLocation: null,
          isStateVar: false,
          isIndexed: false,
          expression: null,
        },
        type,
        name,
      ),
    );
  }
  return cx.located({ type: 'StructDefinition', name: node.childForFieldName('name')!.text, members }, node);
}

function enumDefinition(node: CstNode, cx: ConvertContext): AstNode {
  const members: AstNode[] = [];
  for (const value of node.childForFieldName('body')!.namedChildren as CstNode[]) {
    if (value.type === 'enum_value') members.push(cx.located({ type: 'EnumValue', name: value.text }, value));
  }
  return cx.located({ type: 'EnumDefinition', name: node.childForFieldName('name')!.text, members }, node);
}

function eventDefinition(node: CstNode, cx: ConvertContext): AstNode {
  let name = '';
  const parameters: AstNode[] = [];
  let isAnonymous = false;
  for (const child of node.children as CstNode[]) {
    const type = child.type;
    if (type === 'identifier') name = child.text;
    else if (type === 'event_parameter') parameters.push(eventParameter(child, cx));
    else if (type === 'anonymous') isAnonymous = true;
  }
  return cx.located({ type: 'EventDefinition', name, parameters, isAnonymous }, node);
}

function customErrorDefinition(node: CstNode, cx: ConvertContext): AstNode {
  let name = '';
  const parameters: AstNode[] = [];
  for (const child of node.namedChildren as CstNode[]) {
    const type = child.type;
    if (type === 'identifier') name = child.text;
    else if (type === 'error_parameter') parameters.push(convertParameter(child, cx));
  }
  return cx.located({ type: 'CustomErrorDefinition', name, parameters }, node);
}

function typeDefinition(node: CstNode, cx: ConvertContext): AstNode {
  let name = '';
  let definition: AstNode | null = null;
  for (const child of node.namedChildren as CstNode[]) {
    const type = child.type;
    if (type === 'identifier') name = child.text;
    else if (type === 'primitive_type') definition = elementaryTypeName(child, cx);
  }
  return cx.located({ type: 'TypeDefinition', name, definition }, node);
}

function usingForDeclaration(node: CstNode, cx: ConvertContext): AstNode {
  let typeName: AstNode | null = null;
  let isGlobal = false;
  let libraryName: string | null = null;
  const functions: string[] = [];
  const operators: Array<string | null> = [];
  for (const child of node.children as CstNode[]) {
    switch (child.type) {
      case 'type_alias':
        libraryName = tokenText(child);
        break;
      case 'using_alias': {
        let operator: string | null = null;
        for (const part of child.namedChildren as CstNode[]) {
          const type = part.type;
          if (type === 'user_defined_type') functions.push(tokenText(part));
          else if (type === 'user_definable_operator') operator = part.text;
        }
        operators.push(operator);
        break;
      }
      case 'type_name':
        typeName = convertTypeName(child, cx);
        break;
      case 'global':
        isGlobal = true;
        break;
    }
  }
  return cx.located({ type: 'UsingForDeclaration', isGlobal, typeName, libraryName, functions, operators }, node);
}

function fileLevelConstant(node: CstNode, cx: ConvertContext): AstNode {
  return cx.located(
    {
      type: 'FileLevelConstant',
      typeName: convertTypeName(node.childForFieldName('type')!, cx),
      name: node.childForFieldName('name')!.text,
      initialValue: cx.convert(node.childForFieldName('value')!),
      isDeclaredConst: true,
      isImmutable: false,
    },
    node,
  );
}

export const declarationConverters: ConverterTable = {
  source_file: sourceUnit,
  pragma_directive: pragmaDirective,
  import_directive: importDirective,
  contract_declaration: contractDefinition,
  interface_declaration: contractDefinition,
  library_declaration: contractDefinition,
  inheritance_specifier: inheritanceSpecifier,
  state_variable_declaration: stateVariableDeclaration,
  constant_variable_declaration: fileLevelConstant,
  function_definition: functionDefinition,
  constructor_definition: functionDefinition,
  fallback_receive_definition: functionDefinition,
  modifier_invocation: modifierInvocation,
  modifier_definition: modifierDefinition,
  struct_declaration: structDefinition,
  enum_declaration: enumDefinition,
  event_definition: eventDefinition,
  error_declaration: customErrorDefinition,
  user_defined_type_definition: typeDefinition,
  using_directive: usingForDeclaration,
  type_name: convertTypeName,
  parameter: convertParameter,
};
