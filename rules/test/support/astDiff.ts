// Structural comparison of two ASTs for the tree-sitter differential test: the first differences, each with
// the path from the root and the type of the nearest enclosing node.

export interface AstDifference {
  path: string;
  nodeType: string;
  expected: unknown;
  actual: unknown;
}

export function diffAsts(expected: unknown, actual: unknown, limit = 20): AstDifference[] {
  const found: AstDifference[] = [];
  const stack: Array<{ e: unknown; a: unknown; path: string; nodeType: string }> = [{ e: expected, a: actual, path: '', nodeType: 'SourceUnit' }];
  while (stack.length > 0 && found.length < limit) {
    const { e, a, path, nodeType } = stack.pop()!;
    if (Object.is(e, a)) continue;
    if (typeof e !== 'object' || typeof a !== 'object' || e === null || a === null || Array.isArray(e) !== Array.isArray(a)) {
      found.push({ path, nodeType, expected: brief(e), actual: brief(a) });
      continue;
    }
    const type = typeof (e as { type?: unknown }).type === 'string' ? String((e as { type: string }).type) : nodeType;
    if (Array.isArray(e) && Array.isArray(a) && e.length !== a.length) {
      found.push({ path: `${path}.length`, nodeType: type, expected: e.length, actual: a.length });
    }
    const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
    for (const key of [...keys].reverse()) {
      stack.push({ e: (e as Record<string, unknown>)[key], a: (a as Record<string, unknown>)[key], path: `${path}.${key}`, nodeType: type });
    }
  }
  return found;
}

function brief(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const json = JSON.stringify(value);
  return json.length > 160 ? `${json.slice(0, 160)}…` : JSON.parse(json);
}
