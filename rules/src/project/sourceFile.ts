// One parsed Solidity file: text, tree, syntax errors, pragma and import list. Built once per content.

import { createHash } from 'node:crypto';
import type { ContractDefinition, FunctionDefinition, ImportDirective, ModifierDefinition, SourceUnit } from '@solidity-parser/parser/dist/src/ast-types';
import { LineIndex } from '../model/lineIndex';
import { parseSolidity, type ParseOutcome, type SyntaxError } from '../parse/parseSolidity';
import { solidityPragma, type SolidityPragma } from '../parse/pragma';

export interface SourceFile {
  /** Absolute, normalised path. */
  path: string;
  text: string;
  lines: LineIndex;
  ast: SourceUnit | undefined;
  syntaxErrors: SyntaxError[];
  pragma: SolidityPragma | undefined;
  importDirectives: ImportDirective[];
  contentHash: string;
  /** Set when this tree was made from the previous version's by re-parsing one edited body (the editor's splice). */
  bodyEdit?: BodyEdit;
  /**
   * Set when only one contract member changed outside any body (a state variable, a signature, an event), or only
   * one contract's header (its name, kind or bases).
   */
  memberEdit?: MemberEdit;
  /** Set when only a comment outside every top-level item, the pragma directive, or a contract's layout changed. */
  outsideEdit?: OutsideEdit;
}

/**
 * How a file differs from the version parsed before it: only a comment outside every contract and free function
 * ('comment'), only the pragma directive ('pragma'), or only blanks in a contract's header ('layout': the same
 * name, kind and bases) changed. Offsets before `start` are unchanged;
 * offsets from `previousEnd` on moved by `delta`.
 */
export interface OutsideEdit {
  previousContentHash: string;
  kind: 'comment' | 'pragma' | 'layout';
  start: number;
  previousEnd: number;
  delta: number;
}

/**
 * How a file differs from the version parsed before it: only one member of one contract changed, not inside a
 * body ('member'), or only the contract's header: its name, kind or bases ('header', the whole contract converted
 * again). Offsets before `start` are unchanged; offsets from `previousEnd` on moved by `delta`.
 */
export interface MemberEdit {
  previousContentHash: string;
  kind: 'member' | 'header';
  /** The contract holding the member, or whose header changed, in this file's tree. */
  contract: ContractDefinition;
  /**
   * The contract's name and the member's names before and after: code naming them may read the member. After a
   * header edit, the contract's names before and after.
   */
  names: string[];
  /** After a header edit, the bases the contract named before it: contracts related to those were related to it. */
  previousBases: string[];
  start: number;
  previousEnd: number;
  delta: number;
}

/**
 * How a file differs from the version parsed before it: only the body of one function or modifier changed.
 * Offsets before the callable are unchanged; offsets from `previousEnd` on moved by `delta`.
 */
export interface BodyEdit {
  previousContentHash: string;
  /** The edited function or modifier, in this file's tree. */
  callable: FunctionDefinition | ModifierDefinition;
  /** Where the callable ended in the previous text (exclusive). */
  previousEnd: number;
  delta: number;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function createSourceFile(path: string, text: string): SourceFile {
  const lines = new LineIndex(text);
  return sourceFileFromParse(path, text, parseSolidity(text, lines), lines);
}

/** A SourceFile from a parse done elsewhere (another thread, the scan cache): no second parse. */
export function sourceFileFromParse(path: string, text: string, { ast, syntaxErrors }: ParseOutcome, lines = new LineIndex(text)): SourceFile {
  return {
    path,
    text,
    lines,
    ast,
    syntaxErrors,
    pragma: ast ? solidityPragma(ast) : undefined,
    importDirectives: ast ? (ast.children.filter((c) => c.type === 'ImportDirective') as ImportDirective[]) : [],
    contentHash: hashText(text),
  };
}

/** Reuses parsed files whose text has not changed, so re-analysis parses only what was edited. */
export class ParseCache {
  private readonly byPath = new Map<string, SourceFile>();

  get(path: string, text: string): SourceFile {
    const cached = this.byPath.get(path);
    if (cached && cached.text === text) return cached;
    const file = createSourceFile(path, text);
    this.byPath.set(path, file);
    return file;
  }

  delete(path: string): void {
    this.byPath.delete(path);
  }
}
