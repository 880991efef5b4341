// A parse cache that re-parses only what was edited: when an edit stays inside one function body, that function
// alone is parsed and spliced into the last good tree (else the enclosing contract; nothing at all for comments
// between declarations), and the nodes after it are moved by the edit. Anything else (or a splice that does not
// parse cleanly) falls back to a full parse.

import { parse, tokenize } from '@solidity-parser/parser';
import type { ASTNode, ContractDefinition, SourceUnit } from '@solidity-parser/parser/dist/src/ast-types';
import { LineIndex, ParseCache, aliasKeyOf, createSourceFile, hashText, type SourceFile } from 'sol-audit-rules';

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
    const spliced = base ? spliceEdit(base, text) : undefined;
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


/** A node to re-parse alone: where it hangs in the tree, and how to parse its text so it comes out as itself. */
interface SpliceTarget {
  siblings: ASTNode[];
  index: number;
  node: ASTNode;
  /** Wraps the node's text for the parser (a function needs a contract around it). */
  header: string;
  footer: string;
  pick(unit: SourceUnit): ASTNode | undefined;
}

/**
 * The new file when `text` differs from `base` only inside one function or modifier body, in comments between
 * declarations, or else only inside one contract; undefined when a full parse is needed. Only that function or contract is parsed again and put
 * into the last good tree. `base` is consumed: its tree is reused and moved in place.
 */
export function spliceEdit(base: SourceFile, text: string): SourceFile | undefined {
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
  const lineDelta = countNewlines(text, prefix, text.length - suffix) - countNewlines(old, prefix, oldChangeEnd);

  const inBody = callableTarget(base.ast, prefix, oldChangeEnd);
  if (!inBody) {
    const gap = triviaGap(base.ast, old, text, prefix, oldChangeEnd, delta);
    if (gap) return movedOnly(base, text, gap, delta, lineDelta);
  }
  const target = inBody ?? contractTarget(base.ast, prefix, oldChangeEnd);
  if (!target) return undefined;
  const [nodeStart, nodeEndInclusive] = target.node.range as [number, number];
  const nodeEndOld = nodeEndInclusive + 1;
  // Nodes after the target keep their columns only when nothing else shares its last line.
  const lineEndAfter = old.indexOf('\n', nodeEndOld);
  if (old.slice(nodeEndOld, lineEndAfter < 0 ? old.length : lineEndAfter).trim() !== '') return undefined;

  const startPos = base.lines.positionAt(nodeStart);
  const snippet = text.slice(nodeStart, nodeEndOld + delta);
  const padding = ' '.repeat(startPos.column - 1);
  let unit: SourceUnit;
  try {
    const result = parse(`${target.header}${padding}${snippet}${target.footer}`, { loc: true, range: true, tolerant: true }) as SourceUnit & { errors?: unknown[] };
    if (result.errors && result.errors.length > 0) return undefined;
    unit = result;
  } catch {
    return undefined;
  }
  const replacement = target.pick(unit);
  const snippetStart = target.header.length + padding.length;
  if (replacement?.type !== target.node.type || !replacement.range || replacement.range[0] !== snippetStart || replacement.range[1] !== snippetStart + snippet.length - 1) {
    return undefined;
  }

  // Move the new node from the wrapper's coordinates (same column, after the header's lines) to the file's.
  const headerLines = countNewlines(target.header, 0, target.header.length);
  forEachPositioned(replacement, (n) => {
    shift(n, nodeStart - snippetStart, startPos.line - 1 - headerLines, true, true);
    return undefined;
  });
  // Move everything after the target by the edit; the nodes enclosing it (they may end where it ends: the
  // source unit and its last contract) only grow at their end.
  forEachPositioned(base.ast, (n) => {
    // The target is replaced, and nothing before it moves.
    if (n === target.node || (n.range && n.range[1] < nodeStart)) return 'skip';
    if (!n.range) return undefined;
    if (n.range[0] >= nodeEndOld) shift(n, delta, lineDelta, true, true);
    else if (n.range[1] >= nodeEndInclusive) shift(n, delta, lineDelta, false, true);
    return undefined;
  });
  target.siblings[target.index] = replacement;

  const callable = replacement.type === 'FunctionDefinition' || replacement.type === 'ModifierDefinition' ? replacement : undefined;
  return {
    path: base.path,
    text,
    lines: new LineIndex(text),
    ast: base.ast,
    syntaxErrors: [],
    pragma: base.pragma,
    importDirectives: base.importDirectives,
    contentHash: hashText(text),
    // Only a body edit leaves the rest of the file's declarations as they were, which finding reuse relies on.
    bodyEdit: callable && { previousContentHash: base.contentHash, callable, previousEnd: nodeEndOld, delta },
  };
}

/**
 * The gap between two top-level nodes or two contract members (or before the first top-level node, or after
 * the last) that holds the whole change, when it holds only comments and whitespace before and after it, and
 * the next node keeps its columns.
 */
function triviaGap(ast: SourceUnit, old: string, text: string, changeStart: number, changeEnd: number, delta: number): [number, number] | undefined {
  const fits = (start: number, end: number): boolean => {
    if (start > changeStart || changeEnd > end) return false;
    // What precedes the next node on its line must not change, or its columns (and all after it) would move.
    const oldLead = old.slice(old.lastIndexOf('\n', end - 1) + 1, end);
    const newLead = text.slice(text.lastIndexOf('\n', end + delta - 1) + 1, end + delta);
    if (end < old.length && oldLead !== newLead) return false;
    return isTrivia(old.slice(start, end)) && isTrivia(text.slice(start, end + delta));
  };
  const endOf = (node: ASTNode): number => (node.range as [number, number])[1] + 1;
  const startOf = (node: ASTNode): number => (node.range as [number, number])[0];
  const top = ast.children as ASTNode[];
  if (top.length === 0 || top.some((n) => !n.range)) return undefined;
  for (let i = 0; i <= top.length; i++) {
    const start = i === 0 ? 0 : endOf(top[i - 1]);
    const end = i === top.length ? old.length : startOf(top[i]);
    if (fits(start, end)) return [start, end];
  }
  const contract = enclosingContract(ast, changeStart, changeEnd)?.contract;
  const members = (contract?.subNodes ?? []) as ASTNode[];
  if (members.some((n) => !n.range)) return undefined;
  // Only between two members: before the first or after the last, the gap holds the contract's braces.
  for (let i = 1; i < members.length; i++) if (fits(endOf(members[i - 1]), startOf(members[i]))) return [endOf(members[i - 1]), startOf(members[i])];
  return undefined;
}

/** Whitespace and comments only (by the parser's own tokenizer): an edit there changes no node. */
function isTrivia(source: string): boolean {
  try {
    return tokenize(source).every((token: { value: string }) => token.value.startsWith('//') || token.value.startsWith('/*'));
  } catch {
    return false;
  }
}

/** The file after an edit of comments or whitespace in `gap`: the same tree, with the nodes after the gap moved. */
function movedOnly(base: SourceFile, text: string, [gapStart, gapEnd]: [number, number], delta: number, lineDelta: number): SourceFile {
  const ast = base.ast as SourceUnit;
  forEachPositioned(ast, (n) => {
    if (!n.range || n.range[1] < gapStart) return n.range ? 'skip' : undefined;
    if (n.range[0] >= gapEnd) shift(n, delta, lineDelta, true, true);
    else if (n.range[1] >= gapEnd) shift(n, delta, lineDelta, false, true);
    return undefined;
  });
  return { ...base, text, lines: new LineIndex(text), contentHash: hashText(text), bodyEdit: undefined };
}

function enclosingContract(ast: SourceUnit, changeStart: number, changeEnd: number): { contract: ContractDefinition; index: number } | undefined {
  for (let index = 0; index < ast.children.length; index++) {
    const child = ast.children[index];
    if (child.type === 'ContractDefinition' && child.range && child.range[0] <= changeStart && changeEnd <= child.range[1] + 1) return { contract: child, index };
  }
  return undefined;
}

/** The function or modifier whose body braces strictly enclose the change: its signature decides how the rest reads. */
function callableTarget(ast: SourceUnit, changeStart: number, changeEnd: number): SpliceTarget | undefined {
  const enclosing = enclosingContract(ast, changeStart, changeEnd);
  if (!enclosing) return undefined;
  const { contract } = enclosing;
  const siblings = contract.subNodes as ASTNode[];
  for (let index = 0; index < siblings.length; index++) {
    const node = siblings[index];
    if (node.type !== 'FunctionDefinition' && node.type !== 'ModifierDefinition') continue;
    const body = node.body;
    if (!body?.range || body.range[0] >= changeStart || changeEnd > body.range[1]) continue;
    return {
      siblings,
      index,
      node,
      // The host carries the real contract's name: a pre-0.5 function named like its contract is its constructor.
      header: `contract ${contract.name} {\n`,
      footer: '\n}',
      pick: (unit) => {
        const host = unit.children[0];
        return unit.children.length === 1 && host.type === 'ContractDefinition' && host.subNodes.length === 1 ? (host.subNodes[0] as ASTNode) : undefined;
      },
    };
  }
  return undefined;
}

/** The top-level contract enclosing the change (a state variable, a signature, a new function): parsed on its own. */
function contractTarget(ast: SourceUnit, changeStart: number, changeEnd: number): SpliceTarget | undefined {
  const enclosing = enclosingContract(ast, changeStart, changeEnd);
  if (!enclosing) return undefined;
  return {
    siblings: ast.children as ASTNode[],
    index: enclosing.index,
    node: enclosing.contract,
    header: '',
    footer: '',
    pick: (unit) => (unit.children.length === 1 ? (unit.children[0] as ASTNode) : undefined),
  };
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
 * Once: a state variable's initializer hangs under two keys, and moving it twice misplaced it.
 */
function forEachPositioned(root: object, visit: (n: Positioned) => 'skip' | undefined): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const node = value as Positioned & Record<string, unknown>;
    if (node.range !== undefined || node.loc !== undefined) {
      if (visit(node) === 'skip') continue;
    }
    const alias = typeof node.type === 'string' ? aliasKeyOf(node.type) : undefined;
    for (const key in node) {
      if (key === 'range' || key === 'loc' || key === alias) continue;
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
