// The known errors of @solidity-parser/parser's AST that the tree-sitter front end does not reproduce (issue 11):
// each is a correction applied to the oracle's AST before the differential comparison, with the reason it is wrong.

type Json = Record<string, unknown>;

export interface OracleCorrection {
  /** What the oracle gets wrong and why the tree-sitter AST is kept instead. */
  reason: string;
  /** Rewrites one oracle node in place into what the converter is meant to give; true when it changed it. */
  correct: (node: Json) => boolean;
}

/**
 * The intended differences: the oracle's AST is wrong here, and the converter gives the right one. Each correction
 * is applied to the oracle's AST before the comparison, and the differential test reports how often each applied.
 */
export const ORACLE_CORRECTIONS: OracleCorrection[] = [
  {
    reason:
      'an unnamed `address payable` (`returns (address payable)`, `mapping(K => address payable)`): the oracle reads ' +
      '`payable` as the name of an `address`; `payable` is a keyword, and solc and tree-sitter read the type `address payable`',
    correct: (node) => {
      if (node.type === 'Mapping') return readAsAddressPayable(node, 'valueType', 'valueName');
      if (node.type === 'VariableDeclaration' && readAsAddressPayable(node, 'typeName', 'identifier')) {
        node.name = null;
        return true;
      }
      return false;
    },
  },
];

/** Folds the name `payable` in `node[nameKey]` into the `address` type in `node[typeKey]`. */
function readAsAddressPayable(node: Json, typeKey: string, nameKey: string): boolean {
  const type = node[typeKey] as Json | null | undefined;
  const name = node[nameKey] as Json | null | undefined;
  if (name?.name !== 'payable' || type?.type !== 'ElementaryTypeName' || type.name !== 'address' || type.stateMutability !== null) return false;
  type.stateMutability = 'payable';
  type.loc = { start: (type.loc as { start: unknown }).start, end: (name.loc as { start: unknown }).start };
  type.range = [(type.range as number[])[0], (name.range as number[])[1]];
  node[nameKey] = null;
  return true;
}

/** Applies the corrections to every node of the oracle's AST (without recursion: ASTs can be deep); counts each in `applied`. */
export function correctOracle(ast: unknown, applied: number[] = ORACLE_CORRECTIONS.map(() => 0)): number[] {
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    const node = value as Json;
    if (typeof node.type === 'string') {
      ORACLE_CORRECTIONS.forEach((correction, i) => {
        if (correction.correct(node)) applied[i]++;
      });
    }
    for (const key of Object.keys(node)) if (key !== 'loc' && key !== 'range') stack.push(node[key]);
  }
  return applied;
}
