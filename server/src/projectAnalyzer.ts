// Analyses files for the editor inside the worker through the engine's analysis session (config, rule selection
// and what is shown live there), and turns the result into what the main thread publishes. The session holds the
// engine's incremental parse cache, so unchanged files are not parsed again and an edited one only in part.

import { AnalysisSession, FindingReuse, IncrementalParseCache, type AnalysisSessionOptions, type Finding, type SourceFile, type TextEdit } from 'sol-audit-rules';
import type { ASTNode } from '@solidity-parser/parser/dist/src/ast-types';
import { OpenDocumentFileHost } from './openDocumentFileHost';
import type { LspRange, SolAuditSettings } from 'sol-audit-protocol';
import { analysisSettingsOf } from './settings';
import type { AnalyzedFinding, FileAnalysis, LspFix, OutlineContract } from './workerMessages';

export class ProjectAnalyzer {
  readonly host = new OpenDocumentFileHost();
  /** Keeps the tree-sitter tree of each open document, so an edit re-parses and re-converts only what changed. */
  readonly parseCache = new IncrementalParseCache((path) => this.host.openTexts.has(path));
  readonly session: AnalysisSession;
  /** Findings of open documents kept for the next edit: most rules then re-run over the edited function only. */
  readonly findingReuse = new FindingReuse();
  /** Milliseconds per rule id of the last analyzeMany, when SOL_AUDIT_TIMING is set (for benchmarks). */
  readonly ruleTimings: Map<string, number> | undefined = process.env.SOL_AUDIT_TIMING ? new Map() : undefined;

  /** `precision` replaces the corpus's measured precision that the recommended profile reads (tests). */
  constructor(options: Pick<AnalysisSessionOptions, 'precision'> = {}) {
    this.session = new AnalysisSession(this.host, { ...options, parseCache: this.parseCache });
  }

  /** Drops what is cached about files that changed on disk. */
  invalidate(paths: string[]): void {
    this.session.invalidate(paths);
    for (const p of paths) this.findingReuse.forget(p);
  }

  /** One open document, reusing the findings of its previous analysis where the edit allows. */
  analyze(filePath: string, settings: SolAuditSettings, workspaceFolder: string | undefined): FileAnalysis {
    return this.analyzeMany([filePath], settings, workspaceFolder, this.findingReuse)[0];
  }

  /** Analyses files that share one project model per root, so a workspace scan parses each file once. */
  analyzeMany(filePaths: string[], settings: SolAuditSettings, workspaceFolder: string | undefined, reuse?: FindingReuse): FileAnalysis[] {
    this.ruleTimings?.clear();
    const analyses = this.session.analyse(filePaths, analysisSettingsOf(settings, workspaceFolder), { reuse, timings: this.ruleTimings });
    return analyses.map(({ path, project, file, view, findings }) => ({
      path,
      findings: findings.map((f) => toAnalyzedFinding(f, file)),
      dependencies: project.transitiveImports(path),
      outline: outlineOf(file),
      hasSyntaxError: file.syntaxErrors.length > 0,
      parse: this.parseCache.lastParseOf(path),
      configError: view.config.error === undefined ? undefined : { path: view.config.path, message: view.config.error },
    }));
  }
}

function lspRangeOf(file: SourceFile, start: number, end: number): LspRange {
  const s = file.lines.positionAt(start);
  const e = file.lines.positionAt(end);
  return { start: { line: s.line - 1, character: s.column - 1 }, end: { line: e.line - 1, character: e.column - 1 } };
}

function toLspFix(file: SourceFile, fix: { description: string; edits: TextEdit[] }): LspFix {
  return { description: fix.description, edits: fix.edits.map((e) => ({ range: lspRangeOf(file, e.start, e.end), newText: e.text })) };
}

function toAnalyzedFinding(finding: Finding, file: SourceFile): AnalyzedFinding {
  return {
    finding,
    range: lspRangeOf(file, finding.range.start, finding.range.end),
    fix: finding.fix ? toLspFix(file, finding.fix) : undefined,
    suggestions: finding.suggestions.map((s) => toLspFix(file, s)),
  };
}

/** Contracts and their functions with ranges, for code lenses and "Ask AI about this function". */
function outlineOf(file: SourceFile): OutlineContract[] {
  const out: OutlineContract[] = [];
  for (const child of file.ast?.children ?? []) {
    if (child.type !== 'ContractDefinition' || !child.range) continue;
    const functions = [];
    for (const sub of child.subNodes as ASTNode[]) {
      if ((sub.type !== 'FunctionDefinition' && sub.type !== 'ModifierDefinition') || !sub.range) continue;
      const name = sub.type === 'ModifierDefinition' ? sub.name : (sub.name ?? (sub.isConstructor ? 'constructor' : sub.isReceiveEther ? 'receive' : 'fallback'));
      functions.push({ name, range: lspRangeOf(file, sub.range[0], sub.range[1] + 1) });
    }
    out.push({ name: child.name, kind: child.kind, range: lspRangeOf(file, child.range[0], child.range[1] + 1), functions });
  }
  return out;
}
