// Analyses files for the editor inside the worker: project root and config per file, rule selection from the
// settings, the engine's analyzeFile, then the report filters. Holds the parse cache so unchanged files and
// unchanged functions are not parsed again.

import * as path from 'node:path';
import {
  CONFIG_FILE_NAME,
  ConfigError,
  DEFAULT_CONFIG,
  FindingReuse,
  ProjectModel,
  analyzeFile,
  createReportFilter,
  defaultRegistry,
  findProjectRoot,
  knownRuleIds,
  parseConfig,
  readProjectLayout,
  relativeTo,
  selectRules,
  severityRank,
  type AuditConfig,
  type Finding,
  type SourceFile,
  type TextEdit,
} from 'sol-audit-rules';
import type { ASTNode } from '@solidity-parser/parser/dist/src/ast-types';
import picomatch from 'picomatch';
import { IncrementalParseCache } from './incrementalParse';
import { OpenDocumentFileHost } from './openDocumentFileHost';
import type { LspRange, SolAuditSettings } from './protocol';
import type { AnalyzedFinding, FileAnalysis, LspFix, OutlineContract } from './workerMessages';

interface LoadedConfig {
  config: AuditConfig;
  error?: { path: string; message: string };
}

export class ProjectAnalyzer {
  readonly host = new OpenDocumentFileHost();
  readonly parseCache = new IncrementalParseCache();
  /** Findings of open documents kept for the next edit: most rules then re-run over the edited function only. */
  readonly findingReuse = new FindingReuse();
  private readonly registry = defaultRegistry();
  private readonly knownIds = knownRuleIds(this.registry);
  private readonly configs = new Map<string, LoadedConfig>();
  private readonly roots = new Map<string, string>();
  /** Milliseconds per rule id of the last analyzeMany, when SOL_AUDIT_TIMING is set (for benchmarks). */
  readonly ruleTimings: Map<string, number> | undefined = process.env.SOL_AUDIT_TIMING ? new Map() : undefined;

  /** Drops what is cached about files that changed on disk. */
  invalidate(paths: string[]): void {
    for (const p of paths) {
      this.parseCache.delete(p);
      this.findingReuse.forget(p);
      const base = path.basename(p);
      if (base === CONFIG_FILE_NAME) this.configs.delete(path.dirname(p));
      // A new or deleted root marker moves project roots.
      if (base !== CONFIG_FILE_NAME && !p.endsWith('.sol')) this.roots.clear();
      if (base === CONFIG_FILE_NAME) this.roots.clear();
    }
  }

  rootOf(filePath: string): string {
    const dir = path.dirname(filePath);
    let root = this.roots.get(dir);
    if (root === undefined) {
      root = findProjectRoot(filePath, this.host);
      this.roots.set(dir, root);
    }
    return root;
  }

  configOf(root: string): LoadedConfig {
    let loaded = this.configs.get(root);
    if (!loaded) {
      const configPath = path.join(root, CONFIG_FILE_NAME);
      const text = this.host.readFile(configPath);
      try {
        loaded = { config: text === undefined ? DEFAULT_CONFIG : parseConfig(text, this.knownIds, configPath) };
      } catch (err) {
        // A broken config must not stop the analysis: fall back to defaults and say why.
        const message = err instanceof ConfigError ? err.message : String(err);
        loaded = { config: DEFAULT_CONFIG, error: { path: configPath, message } };
      }
      this.configs.set(root, loaded);
    }
    return loaded;
  }

  /** One open document, reusing the findings of its previous analysis where the edit allows. */
  analyze(filePath: string, settings: SolAuditSettings, workspaceFolder: string | undefined): FileAnalysis {
    return this.analyzeMany([filePath], settings, workspaceFolder, this.findingReuse)[0];
  }

  /** Analyses files that share one project model per root, so a workspace scan parses each file once. */
  analyzeMany(filePaths: string[], settings: SolAuditSettings, workspaceFolder: string | undefined, reuse?: FindingReuse): FileAnalysis[] {
    const byRoot = new Map<string, string[]>();
    for (const p of filePaths) {
      const root = this.rootOf(p);
      byRoot.set(root, [...(byRoot.get(root) ?? []), p]);
    }
    const out: FileAnalysis[] = [];
    this.ruleTimings?.clear();
    for (const [root, paths] of byRoot) {
      const { config, error } = this.configOf(root);
      const selection = selectRules(this.registry, config, { settings: settings.rules, profile: settings.profile });
      const reportable = createReportFilter(config, readProjectLayout(root, this.host));
      const excludedBySettings = settings.exclude.length > 0 ? picomatch(settings.exclude, { dot: true }) : () => false;
      const minimumRank = severityRank(settings.minimumSeverity);
      const project = ProjectModel.load(paths, { root, host: this.host, parseCache: this.parseCache });
      for (const p of paths) {
        const file = project.file(p);
        if (!file) continue;
        const relative = relativeTo(root, p);
        const relativeToFolder = workspaceFolder ? relativeTo(workspaceFolder, p) : relative;
        const reported = !excludedBySettings(relativeToFolder) && reportable(relative);
        const findings = analyzeFile(project, file, selection, { timings: this.ruleTimings, reuse }).filter(
          // Syntax errors always show: code that does not parse is not analysed.
          (f) => f.ruleId === 'syntax-error' || (reported && severityRank(f.severity) <= minimumRank),
        );
        out.push({
          path: p,
          findings: findings.map((f) => toAnalyzedFinding(f, file)),
          dependencies: project.transitiveImports(p),
          outline: outlineOf(file),
          hasSyntaxError: file.syntaxErrors.length > 0,
          parse: this.parseCache.lastParseOf(p),
          configError: error,
        });
      }
    }
    return out;
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
