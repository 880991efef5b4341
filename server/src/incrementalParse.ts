// A parse cache that re-parses only the edited function: when an edit stays inside one function body, that
// function alone is parsed and spliced into the last good tree, and the nodes after it are moved by the edit.
// Anything else (or a splice that does not parse cleanly) falls back to a full parse.

import { parse } from '@solidity-parser/parser';
import type { ASTNode, BaseASTNode, ContractDefinition, FunctionDefinition, ModifierDefinition, SourceUnit } from '@solidity-parser/parser/dist/src/ast-types';
import { LineIndex, ParseCache, createSourceFile, hashText, type SourceFile } from 'sol-audit-rules';

export type ParseKind = 'cached' | 'spliced' | 'full';

export class IncrementalParseCache extends ParseCache {
  private readonly current = new Map<string, SourceFile>();
  /** The last version of each file that parsed without errors: the base for splicing. */
  private readonly lastGood = new Map<string, SourceFile>();
  private readonly lastKind = new Map<string, ParseKind>();

  override get(path: string, text: string): SourceFile {
    const cached = this.current.get(path);
    if (cached && cached.text === text) {
      this.lastKind.set(path, 'cached');
      return cached;
    }
    const base = this.lastGood.get(path);
    const spliced = base ? spliceFunctionEdit(base, text) : undefined;
    const file = spliced ?? createSourceFile(path, text);
    if (!file.ast && base) locateParserCrash(file, base.text);
    this.lastKind.set(path, spliced ? 'spliced' : 'full');
    this.current.set(path, file);
    if (file.syntaxErrors.length === 0 && file.ast) this.lastGood.set(path, file);
    return file;
  }

  override delete(path: string): void {
    this.current.delete(path);
    this.lastGood.delete(path);
    this.lastKind.delete(path);
  }

  lastParseOf(path: string): ParseKind {
    return this.lastKind.get(path) ?? 'cached';
  }
}

/**
 * The parser's tree builder crashes on some half-typed code (`x = ;`) and the error then sits at 1:1.
 * Point it at the first character that differs from the last good text instead: that is where the user typed.
 */
function locateParserCrash(file: SourceFile, lastGoodText: string): void {
  if (file.syntaxErrors.length !== 1 || file.syntaxErrors[0].range.start !== 0) return;
  let at = 0;
  const max = Math.min(lastGoodText.length, file.text.length);
  while (at < max && lastGoodText.charCodeAt(at) === file.text.charCodeAt(at)) at++;
  const lineEnd = file.text.indexOf('\n', at);
  const end = Math.max(at + 1, lineEnd < 0 ? file.text.length : lineEnd);
  file.syntaxErrors = [{ message: `${file.syntaxErrors[0].message} (near the last edit)`, range: file.lines.range(at, Math.min(end, file.text.length)) }];
}

type Positioned = { range?: [number, number]; loc?: { start: { line: number; column: number }; end: { line: number; column: number } } };


/**
 * The new file when `text` differs from `base` only inside one function or modifier body; undefined when
 * a full parse is needed. `base` is consumed: its tree is reused and moved in place.
 */
export function spliceFunctionEdit(base: SourceFile, text: string): SourceFile | undefined {
  const old = base.text;
  if (!base.ast) return undefined;
  let prefix = 0;
  const maxPrefix = Math.min(old.length, text.length);
  while (prefix < maxPrefix && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const maxSuffix = maxPrefix - prefix;
  while (suffix < maxSuffix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const oldChangeEnd = old.length - suffix;
  const delta = text.length - old.length;

  const target = enclosingCallable(base.ast, prefix, oldChangeEnd);
  if (!target) return undefined;
  const { contract, index, node } = target;
  const [fnStart, fnEndInclusive] = node.range as [number, number];
  const fnEndOld = fnEndInclusive + 1;
  // Nodes after the function keep their columns only when nothing else shares the function's last line.
  const lineEndAfter = old.indexOf('\n', fnEndOld);
  if (old.slice(fnEndOld, lineEndAfter < 0 ? old.length : lineEndAfter).trim() !== '') return undefined;

  const startPos = base.lines.positionAt(fnStart);
  const snippet = text.slice(fnStart, fnEndOld + delta);
  const padding = ' '.repeat(startPos.column - 1);
  // The host carries the real contract's name: a pre-0.5 function named like its contract is its constructor.
  const hostHeader = `contract ${contract.name} {\n`;
  const wrapped = `${hostHeader}${padding}${snippet}\n}`;
  let host: SourceUnit;
  try {
    const result = parse(wrapped, { loc: true, range: true, tolerant: true }) as SourceUnit & { errors?: unknown[] };
    if (result.errors && result.errors.length > 0) return undefined;
    host = result;
  } catch {
    return undefined;
  }
  const hostContract = host.children[0];
  if (host.children.length !== 1 || hostContract.type !== 'ContractDefinition' || hostContract.subNodes.length !== 1) return undefined;
  const replacement = hostContract.subNodes[0];
  const snippetStart = hostHeader.length + padding.length;
  if (replacement.type !== node.type || !replacement.range || replacement.range[0] !== snippetStart || replacement.range[1] !== snippetStart + snippet.length - 1) {
    return undefined;
  }

  // Move the new function from the host's coordinates (it starts on line 2, at the same column) to the file's.
  forEachPositioned(replacement, (n) => {
    shift(n, fnStart - snippetStart, startPos.line - 2, true, true);
    return undefined;
  });
  // Move everything after the function by the edit; the enclosing contract and unit only grow at their end.
  const lineDelta = countNewlines(text, prefix, text.length - suffix) - countNewlines(old, prefix, oldChangeEnd);
  forEachPositioned(base.ast, (n) => {
    if (!n.range || n === node) return n === node ? 'skip' : undefined;
    if (n.range[0] >= fnEndOld) shift(n, delta, lineDelta, true, true);
    else if (n.range[1] >= fnEndOld) shift(n, delta, lineDelta, false, true);
    return undefined;
  });
  contract.subNodes[index] = replacement;

  return {
    path: base.path,
    text,
    lines: new LineIndex(text),
    ast: base.ast,
    syntaxErrors: [],
    pragma: base.pragma,
    importDirectives: base.importDirectives,
    contentHash: hashText(text),
    bodyEdit: { previousContentHash: base.contentHash, callable: replacement as FunctionDefinition | ModifierDefinition, previousEnd: fnEndOld, delta },
  };
}

function enclosingCallable(ast: SourceUnit, changeStart: number, changeEnd: number): { contract: ContractDefinition; index: number; node: BaseASTNode } | undefined {
  for (const child of ast.children) {
    if (child.type !== 'ContractDefinition' || !child.range || child.range[0] > changeStart || child.range[1] < changeEnd) continue;
    for (let index = 0; index < child.subNodes.length; index++) {
      const sub = child.subNodes[index] as ASTNode;
      if (sub.type !== 'FunctionDefinition' && sub.type !== 'ModifierDefinition') continue;
      const body = sub.body;
      // Only edits strictly inside the braces: the signature decides how the rest of the file reads.
      if (body?.range && body.range[0] < changeStart && changeEnd <= body.range[1]) return { contract: child, index, node: sub };
    }
  }
  return undefined;
}

function shift(n: Positioned, offsetDelta: number, lineDelta: number, start: boolean, end: boolean): void {
  if (n.range) {
    if (start) n.range[0] += offsetDelta;
    if (end) n.range[1] += offsetDelta;
  }
  if (n.loc) {
    if (start) n.loc.start.line += lineDelta;
    if (end) n.loc.end.line += lineDelta;
  }
}

/**
 * Visits every object of a tree that carries a source position once; the callback may answer 'skip' to prune.
 * Once: a node can hang under two keys (a state variable's initializer), and moving it twice misplaces it.
 */
function forEachPositioned(root: object, visit: (n: Positioned) => 'skip' | undefined): void {
  const stack: unknown[] = [root];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    const node = value as Positioned & Record<string, unknown>;
    if (node.range !== undefined || node.loc !== undefined) {
      if (visit(node) === 'skip') continue;
    }
    for (const key in node) {
      if (key === 'range' || key === 'loc') continue;
      const child = node[key];
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
}

function countNewlines(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
