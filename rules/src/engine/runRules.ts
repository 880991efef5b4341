// Runs a set of rules over one parsed file in a single traversal. A crashing rule becomes an
// internal-error finding for that file and the other rules keep running.

import * as path from 'node:path';
import type { ASTNode, BaseASTNode, ContractDefinition, FunctionDefinition, ModifierDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { confidenceRank, severityRank, type Finding, type Fix, type RelatedLocation, type TextEdit } from '../model/finding';
import { hashText, type SourceFile } from '../project/sourceFile';
import type { ProjectModel } from '../project/projectModel';
import { INTERNAL_ERROR, SYNTAX_ERROR } from './engineRules';
import type { FixDescriptor, Fixer, ReportDescriptor, Rule, RuleContext, RuleMeta, RuleVisitor } from './ruleApi';
import { walk } from './walk';

class RuleContractError extends Error {}

export function formatMessage(template: string, data: Record<string, string | number> | undefined, ruleId: string): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    const value = data?.[key];
    if (value === undefined) throw new RuleContractError(`rule ${ruleId}: message placeholder "${key}" has no data`);
    return String(value);
  });
}

export function nodeRange(node: BaseASTNode): [number, number] {
  if (!node.range) throw new RuleContractError('node has no range');
  // The parser's range end is inclusive.
  return [node.range[0], node.range[1] + 1];
}

const fixer: Fixer = {
  replace: (node, text) => {
    const [start, end] = nodeRange(node);
    return { start, end, text };
  },
  replaceRange: (start, end, text) => ({ start, end, text }),
  insertBefore: (node, text) => {
    const [start] = nodeRange(node);
    return { start, end: start, text };
  },
  insertAfter: (node, text) => {
    const [, end] = nodeRange(node);
    return { start: end, end, text };
  },
  remove: (node) => {
    const [start, end] = nodeRange(node);
    return { start, end, text: '' };
  },
};

function buildFix(descriptor: FixDescriptor): Fix {
  const produced = descriptor.edits(fixer);
  const edits: TextEdit[] = (Array.isArray(produced) ? produced : [produced]).slice().sort((a, b) => a.start - b.start);
  for (let i = 1; i < edits.length; i++) {
    if (edits[i].start < edits[i - 1].end) throw new RuleContractError('fix edits overlap');
  }
  return { description: descriptor.description, edits };
}

/** Identifies a finding independently of its line: rule, file relative to the root, enclosing scope and code. */
export function fingerprintOf(ruleId: string, relativePath: string, scope: string, flaggedCode: string): string {
  const normalized = flaggedCode.replace(/\s+/g, ' ').trim();
  return hashText(`${ruleId}\u0000${relativePath}\u0000${scope}\u0000${normalized}`).slice(0, 32);
}

export function makeFinding(
  meta: RuleMeta,
  file: SourceFile,
  root: string,
  start: number,
  end: number,
  message: string,
  scope = '',
): Finding {
  return {
    ruleId: meta.id,
    title: meta.title,
    severity: meta.severity,
    confidence: meta.confidence,
    category: meta.category,
    message,
    file: file.path,
    range: file.lines.range(start, end),
    related: [],
    suggestions: [],
    tags: meta.tags ?? [],
    fingerprint: fingerprintOf(meta.id, relativeTo(root, file.path), scope, file.text.slice(start, end)),
  };
}

export function relativeTo(root: string, filePath: string): string {
  return path.relative(root, filePath).split(path.sep).join('/');
}

interface ActiveRule {
  rule: Rule;
  visitor: RuleVisitor;
  failed: boolean;
}

interface Handler {
  entry: ActiveRule;
  handler: (n: ASTNode) => void;
}

/** A visitor key ending in this listens to leaving the node (`'FunctionDefinition:exit'`). */
const EXIT_SUFFIX = ':exit';

export function syntaxErrorFindings(file: SourceFile, root: string): Finding[] {
  return file.syntaxErrors.map((e) =>
    makeFinding(SYNTAX_ERROR, file, root, e.range.start, e.range.end, formatMessage(SYNTAX_ERROR.messages.default, { message: e.message }, SYNTAX_ERROR.id)),
  );
}

/** Node types found only at the top of a file. */
const FILE_LEVEL_TYPES: ReadonlySet<string> = new Set(['SourceUnit', 'PragmaDirective', 'ImportDirective']);

export interface RunOptions {
  /** Accumulates each rule's milliseconds (create plus handlers) by rule id, like ESLint's TIMING. */
  timings?: Map<string, number>;
  /** Subtrees the traversal leaves out (see findingReuse: a re-run confined to an edited region). */
  skip?: (node: ASTNode) => boolean;
}

/** Runs `rules` on `file` and returns their findings plus internal errors; suppressions are applied later. */
export function runRules(rules: readonly Rule[], file: SourceFile, project: ProjectModel, { timings, skip }: RunOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const ast = file.ast;
  if (!ast) return findings;

  let ancestors: readonly ASTNode[] = [];
  let currentRule: Rule | undefined;

  const enclosing = <T extends ASTNode>(types: string[]): T | undefined => {
    for (let i = ancestors.length - 1; i >= 0; i--) if (types.includes(ancestors[i].type)) return ancestors[i] as T;
    return undefined;
  };
  const scopeName = (): string => {
    const contract = enclosing<ContractDefinition>(['ContractDefinition']);
    const callable = enclosing<FunctionDefinition | ModifierDefinition>(['FunctionDefinition', 'ModifierDefinition']);
    return `${contract?.name ?? ''}.${callable ? (callable.name ?? callable.type) : ''}`;
  };

  const context: RuleContext = {
    file,
    project,
    ancestors: () => ancestors,
    contract: () => {
      const node = enclosing<ContractDefinition>(['ContractDefinition']);
      return node ? project.contractOf(node) : undefined;
    },
    callable: () => enclosing<FunctionDefinition | ModifierDefinition>(['FunctionDefinition', 'ModifierDefinition']),
    text: (node) => {
      const [start, end] = nodeRange(node);
      return file.text.slice(start, end);
    },
    report: (descriptor: ReportDescriptor<string>) => {
      const rule = currentRule as Rule;
      const meta = rule.meta;
      const template = meta.messages[descriptor.messageId];
      if (template === undefined) throw new RuleContractError(`unknown messageId "${descriptor.messageId}"`);
      if (descriptor.fix && !meta.fixable) throw new RuleContractError('reported a fix but meta.fixable is not set');
      if (descriptor.suggest?.length && !meta.hasSuggestions) throw new RuleContractError('reported suggestions but meta.hasSuggestions is not set');
      const [start, end] = nodeRange(descriptor.node);
      const finding = makeFinding(meta, file, project.root, start, end, formatMessage(template, descriptor.data, meta.id), scopeName());
      if (descriptor.confidence && confidenceRank(descriptor.confidence) > confidenceRank(meta.confidence)) {
        finding.confidence = descriptor.confidence;
      }
      if (descriptor.severity && severityRank(descriptor.severity) > severityRank(meta.severity)) {
        finding.severity = descriptor.severity;
      }
      // A finding that is probably not real cannot claim the highest impact: low confidence is at most Medium.
      if (finding.severity === 'high' && finding.confidence === 'low') finding.severity = 'medium';
      finding.related = (descriptor.related ?? []).map((r): RelatedLocation => {
        const relatedFile = r.file ?? file;
        const [rs, re] = nodeRange(r.node);
        return { file: relatedFile.path, range: relatedFile.lines.range(rs, re), message: r.message };
      });
      if (descriptor.fix) finding.fix = buildFix(descriptor.fix);
      finding.suggestions = (descriptor.suggest ?? []).map(buildFix);
      findings.push(finding);
    },
  };

  const clock = timings ? (rule: Rule, since: number) => timings.set(rule.meta.id, (timings.get(rule.meta.id) ?? 0) + performance.now() - since) : undefined;
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    currentRule = rule;
    const started = clock ? performance.now() : 0;
    try {
      active.push({ rule, visitor: rule.create(context), failed: false });
    } catch (err) {
      findings.push(internalError(rule, file, project.root, err));
    }
    clock?.(rule, started);
  }

  // Handlers per node type, in rule order, one table for entering and one for leaving, built from the visitors' keys:
  // a node costs one lookup by its type. Looking each key up in every visitor for every node dominated the
  // traversal, and building an `:exit` key string per node still showed in profiles.
  const onEnter = new Map<string, Handler[]>();
  const onExit = new Map<string, Handler[]>();
  for (const entry of active) {
    for (const [key, handler] of Object.entries(entry.visitor as Record<string, ((n: ASTNode) => void) | undefined>)) {
      if (!handler) continue;
      const exit = key.endsWith(EXIT_SUFFIX);
      const table = exit ? onExit : onEnter;
      const type = exit ? key.slice(0, -EXIT_SUFFIX.length) : key;
      const handlers = table.get(type) ?? [];
      handlers.push({ entry, handler });
      table.set(type, handlers);
    }
  }

  const dispatch = (handlers: readonly Handler[] | undefined, node: ASTNode): void => {
    for (const { entry, handler } of handlers ?? []) {
      if (entry.failed) continue;
      currentRule = entry.rule;
      const started = clock ? performance.now() : 0;
      try {
        handler(node);
      } catch (err) {
        entry.failed = true;
        findings.push(internalError(entry.rule, file, project.root, err, node));
      }
      clock?.(entry.rule, started);
    }
  };

  const fileLevelOnly = active.every(({ visitor }) => Object.keys(visitor).every((key) => FILE_LEVEL_TYPES.has(key.replace(/:exit$/, ''))));
  walk(ast, {
    // Rules that only listen to the file's directives need no walk through contracts (outdated-compiler alone
    // re-runs on every edit in the editor, and a whole-tree walk for it cost as much as the rules).
    skip: fileLevelOnly ? (node) => !FILE_LEVEL_TYPES.has(node.type) || (skip?.(node) ?? false) : skip,
    enter: (node, stack) => {
      ancestors = stack;
      dispatch(onEnter.get(node.type), node);
    },
    exit: (node, stack) => {
      ancestors = stack;
      dispatch(onExit.get(node.type), node);
    },
  });
  return findings;
}

function internalError(rule: Rule, file: SourceFile, root: string, err: unknown, node?: ASTNode): Finding {
  const message = err instanceof Error ? err.message : String(err);
  const [start, end] = node?.range ? nodeRange(node) : [0, 0];
  return makeFinding(INTERNAL_ERROR, file, root, start, end, formatMessage(INTERNAL_ERROR.messages.default, { ruleId: rule.meta.id, message }, INTERNAL_ERROR.id));
}
