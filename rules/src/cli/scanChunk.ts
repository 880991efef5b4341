// The unit of work of a scan, shared by the in-process path and the worker threads: a serialisable rule
// selection and the analysis of one chunk of files, returning plain data (findings and each file's imports).

import * as path from 'node:path';
import { analyzeFile } from '../engine/analyze';
import type { RuleRegistry } from '../engine/registry';
import type { RuleSelection } from '../engine/ruleSelection';
import type { Finding, Severity } from '../model/finding';
import type { FileHost } from '../project/fileHost';
import { ProjectModel } from '../project/projectModel';
import { ParseCache, type SourceFile } from '../project/sourceFile';

/** A RuleSelection without the rule functions, so it can cross a thread boundary and key a cache. */
export interface SelectionSpec {
  enabledRuleIds: string[];
  knownRuleIds: string[];
  ranRuleIds: string[];
  severityOverrides: [string, Severity][];
}

export function selectionToSpec(selection: RuleSelection): SelectionSpec {
  return {
    enabledRuleIds: selection.rules.map((r) => r.meta.id),
    knownRuleIds: [...selection.knownRuleIds].sort(),
    ranRuleIds: [...selection.ranRuleIds].sort(),
    severityOverrides: [...selection.severityOverrides].sort(([a], [b]) => a.localeCompare(b)),
  };
}

/** Rebuilds the selection from a registry; rules keep the registry's order, as selectRules does. */
export function selectionFromSpec(spec: SelectionSpec, registry: RuleRegistry): RuleSelection {
  const enabled = new Set(spec.enabledRuleIds);
  return {
    rules: registry.all().filter((r) => enabled.has(r.meta.id)),
    knownRuleIds: new Set(spec.knownRuleIds),
    ranRuleIds: new Set(spec.ranRuleIds),
    severityOverrides: new Map(spec.severityOverrides),
  };
}

/** What the scan learnt about one loaded file: enough to key the cache without parsing it again. */
export interface ImportRecord {
  contentHash: string;
  /** Resolved absolute paths of its direct imports. */
  imports: string[];
  /** Import paths that resolved to no file: the record is stale once one of them resolves. */
  unresolved: string[];
}

export interface FileScan {
  file: string;
  findings: Finding[];
  lineCount: number;
}

export interface ChunkResult {
  scans: FileScan[];
  /** Every file the chunk's project model loaded, entry files and their transitive imports. */
  imports: Record<string, ImportRecord>;
  /** How many files were parsed for this chunk (cache hits of `parseCache` are not counted). */
  parsedFiles: number;
}

/** A ParseCache that counts real parses, so tests and benchmarks can see that a warm scan parses nothing. */
export class CountingParseCache extends ParseCache {
  parses = 0;
  private readonly produced = new WeakSet<SourceFile>();

  override get(filePath: string, text: string): SourceFile {
    const file = super.get(filePath, text);
    if (!this.produced.has(file)) {
      this.produced.add(file);
      this.parses++;
    }
    return file;
  }
}

/**
 * Analyses `files` (absolute, readable) in one project model. A file's findings depend only on the file and
 * its transitive imports, so any partition of the files gives the same findings as one model of them all.
 */
export function scanChunk(
  files: string[],
  root: string,
  selection: RuleSelection,
  host: FileHost,
  parseCache: CountingParseCache,
  onScanned: (scan: FileScan) => void = () => {},
): ChunkResult {
  const parsesBefore = parseCache.parses;
  const project = ProjectModel.load(files, { root, host, parseCache });
  const scans: FileScan[] = [];
  for (const filePath of files) {
    const file = project.file(path.resolve(filePath));
    if (!file) continue;
    const scan = { file: filePath, findings: analyzeFile(project, file, selection), lineCount: file.lines.lineCount };
    scans.push(scan);
    onScanned(scan);
  }
  const imports: Record<string, ImportRecord> = {};
  for (const file of project.files()) {
    const unresolved = file.importDirectives.map((d) => d.path).filter((p) => project.resolveImport(p, file.path) === undefined);
    imports[file.path] = { contentHash: file.contentHash, imports: project.importsOf(file.path), unresolved };
  }
  return { scans, imports, parsedFiles: parseCache.parses - parsesBefore };
}
