// ABI-level function signatures from the syntax tree: canonical parameter and return types (`uint` is
// `uint256`, `address payable` is `address`), so token-interface rules can compare against a standard.

import type { FunctionDefinition, TypeName } from '@solidity-parser/parser/dist/src/ast-types';

const ALIASES: Record<string, string> = { uint: 'uint256', int: 'int256', byte: 'bytes1', 'address payable': 'address' };

export function canonicalType(type: TypeName | null | undefined): string {
  // A loop over array dimensions (`uint[][]…`, innermost written last), not recursion: their number is unbounded.
  let dimensions = '';
  let element = type;
  while (element?.type === 'ArrayTypeName') {
    dimensions = `[${element.length && element.length.type === 'NumberLiteral' ? element.length.number : ''}]${dimensions}`;
    element = element.baseTypeName;
  }
  return `${elementType(element)}${dimensions}`;
}

function elementType(type: TypeName | null | undefined): string {
  if (!type) return '?';
  switch (type.type) {
    case 'ElementaryTypeName':
      return ALIASES[type.name] ?? type.name;
    case 'UserDefinedTypeName':
      return type.namePath;
    default:
      return type.type;
  }
}

export function parameterTypes(fn: FunctionDefinition): string[] {
  return fn.parameters.map((p) => canonicalType(p.typeName));
}

export function returnTypes(fn: FunctionDefinition): string[] {
  return (fn.returnParameters ?? []).map((p) => canonicalType(p.typeName));
}

/** `name(types)` as the ABI writes it, e.g. `transfer(address,uint256)`. */
export function signatureOf(fn: FunctionDefinition): string {
  return `${fn.name ?? ''}(${parameterTypes(fn).join(',')})`;
}
