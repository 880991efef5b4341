// The contract between the engine and a rule: metadata, the context a rule reports through, and the visitor.

import type { ASTNode, ASTNodeTypeString, BaseASTNode, FunctionDefinition, ModifierDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import type { Confidence, FindingTag, Severity, TextEdit } from '../model/finding';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import type { SourceFile } from '../project/sourceFile';

export const CATEGORIES = [
  'reentrancy',
  'access-control',
  'arithmetic',
  'randomness',
  'time',
  'external-calls',
  'denial-of-service',
  'signatures',
  'upgradeability',
  'tokens',
  'oracles',
  'defi',
  'compiler',
  'deprecated',
  'code-quality',
  'gas',
  'engine',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface RuleMeta<M extends string = string> {
  /** Kebab-case; also the file name, fixture name, docs anchor, diagnostic code and suppression target. */
  id: string;
  title: string;
  severity: Severity;
  confidence: Confidence;
  category: Category;
  /** SWC registry ids such as "SWC-107"; empty when the class has none. */
  swc: string[];
  description: string;
  exploitScenario: string;
  recommendation: string;
  references: string[];
  messages: Record<M, string>;
  fixable?: boolean;
  hasSuggestions?: boolean;
  tags?: FindingTag[];
  /**
   * How far the code a finding depends on reaches, so an edit of one function body re-runs the rule only where
   * its findings can change (the editor's finding reuse; tested by re-running every fixture edit both ways).
   * - 'function': a finding inside a function or modifier depends on that callable's own source and on code
   *   outside every body; a finding anywhere else depends on no body at all.
   * - 'reachable': as 'function', and a finding inside a callable may also depend on the bodies that callable
   *   reaches through internal and `super` calls, modifiers, library and free functions (by name: an override
   *   counts). Not on a function that merely shares its contract (a setter writing a variable it reads).
   * - 'contract': a finding inside a contract depends on the bodies of that contract, its bases, libraries and
   *   free functions, not on derived or unrelated contracts; a finding outside every contract depends on no body.
   * - 'hierarchy': as 'contract', and the finding may also depend on the bodies of contracts inheriting from
   *   its contract (a state variable written only in a derived contract is not constant).
   * - 'family': as 'hierarchy', and the finding may also depend on the bodies of every contract connected to its
   *   contract by inheritance, either way and transitively (a sibling built on the same base behind the same
   *   proxy, a base of a contract built on it): code that may run on the same storage.
   * Unset: the finding may depend on any code of the file, and the rule runs over the whole file on every edit.
   */
  scope?: 'function' | 'reachable' | 'contract' | 'hierarchy' | 'family';
  /**
   * Set when a finding may depend on comments outside every contract and free function (a text pre-filter over
   * the whole file, a doc comment above a declaration, bidi characters): an edit confined to such a comment
   * re-runs only these rules, and keeps the others' findings, moved by the edit.
   */
  readsComments?: true;
  /**
   * Set when a finding may depend on the declarations of contracts its scope does not reach (a proxy's slots
   * mirrored by an unrelated contract of the project): after an edit outside every body (a contract member, a
   * contract's header) the rule re-runs over the whole file.
   */
  readsUnrelatedDeclarations?: true;
  /** Set when a finding may depend on the file's `pragma solidity`: an edit of the pragma re-runs only these rules. */
  readsCompilerVersion?: true;
  /** Set when a message names a line number: finding reuse cannot move that, so the rule re-runs after an edit adding or removing lines. */
  citesLines?: true;
}

export interface Fixer {
  replace(node: BaseASTNode, text: string): TextEdit;
  replaceRange(start: number, end: number, text: string): TextEdit;
  insertBefore(node: BaseASTNode, text: string): TextEdit;
  insertAfter(node: BaseASTNode, text: string): TextEdit;
  remove(node: BaseASTNode): TextEdit;
}

export interface FixDescriptor {
  description: string;
  edits(fixer: Fixer): TextEdit | TextEdit[];
}

export interface RelatedDescriptor {
  node: BaseASTNode;
  message: string;
  /** The file the node lives in when it is not the file being analysed (an inherited base). */
  file?: SourceFile;
}

export interface ReportDescriptor<M extends string> {
  node: BaseASTNode;
  messageId: M;
  data?: Record<string, string | number>;
  /** Lower than the rule's default when this instance is less certain; never higher. */
  confidence?: Confidence;
  /** Lower than the rule's default when the impact in this context is smaller (a value nobody controls); never higher. */
  severity?: Severity;
  related?: RelatedDescriptor[];
  fix?: FixDescriptor;
  suggest?: FixDescriptor[];
}

export interface RuleContext<M extends string = string> {
  readonly file: SourceFile;
  readonly project: ProjectModel;
  report(descriptor: ReportDescriptor<M>): void;
  /** Ancestors of the node being visited, outermost first; the node itself is not included. */
  ancestors(): readonly ASTNode[];
  /** The contract enclosing the node being visited. */
  contract(): ContractInfo | undefined;
  /** The function or modifier enclosing the node being visited. */
  callable(): FunctionDefinition | ModifierDefinition | undefined;
  /** Source text of a node in the file being analysed. */
  text(node: BaseASTNode): string;
}

type NodeOfType<K extends ASTNodeTypeString> = Extract<ASTNode, { type: K }>;

export type RuleVisitor = {
  [K in ASTNodeTypeString]?: (node: NodeOfType<K>) => void;
} & {
  [K in ASTNodeTypeString as `${K}:exit`]?: (node: NodeOfType<K>) => void;
};

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  create(context: RuleContext<M>): RuleVisitor;
}

/** Identity with types: ties `messageId` in reports to the keys of `meta.messages`. */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}
