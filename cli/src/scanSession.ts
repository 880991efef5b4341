// The scan work both the in-process path and each worker thread do: parse files (reporting their imports and,
// for other threads, their trees) and analyse files in a project model built from what is already parsed.

import * as path from 'node:path';
import { analyzeFile, createSourceFile, discoverRemappings, type FileHost, type Finding, hashText, ImportResolver, ParseCache, ProjectModel, type RuleRegistry, type RuleSelection, type Severity, type SourceFile, sourceFileFromParse, type SyntaxError } from 'sol-audit-rules';
import type { TreeCache } from './scanCache';

/** A RuleSelection without the rule functions, so it can cross a thread boundary and key a cache. */
export interface SelectionSpec {
  enabledRuleIds: string[];
  knownRuleIds: string[];
  ranRuleIds: string[];
  severityOverrides: [string, Severity][];
  severityCaps: [string, Severity][];
}

export function selectionToSpec(selection: RuleSelection): SelectionSpec {
  return {
    enabledRuleIds: selection.rules.map((r) => r.meta.id),
    knownRuleIds: [...selection.knownRuleIds].sort(),
    ranRuleIds: [...selection.ranRuleIds].sort(),
    severityOverrides: [...selection.severityOverrides].sort(([a], [b]) => a.localeCompare(b)),
    severityCaps: [...selection.severityCaps].sort(([a], [b]) => a.localeCompare(b)),
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
    severityCaps: new Map(spec.severityCaps),
  };
}

/** What a scan knows about one file's imports: enough to key the cache and plan models without parsing it. */
export interface ImportRecord {
  contentHash: string;
  /** Resolved absolute paths of its direct imports. */
  imports: string[];
  /** Import paths that resolved to no file: the record is stale once one of them resolves. */
  unresolved: string[];
}

/** One parsed file as plain data. The tree travels as JSON: parsing it back is about 100 times faster than parsing Solidity. */
export interface ParsedFile extends ImportRecord {
  path: string;
  text: string;
  astJson: string | undefined;
  syntaxErrors: SyntaxError[];
}

export interface FileScan {
  file: string;
  findings: Finding[];
  lineCount: number;
}

export class ScanSession {
  /** Solidity parses done by this session, the signal that a warm scan parsed nothing. */
  parses = 0;
  private readonly sources = new Map<string, SourceFile>();
  /** Trees serialised for the tree cache, kept until parse() ships them so they are serialised once. */
  private readonly serialised = new Map<string, string>();
  private readonly resolver: ImportResolver;
  private readonly parseCache: ParseCache;

  constructor(
    private readonly root: string,
    private readonly selection: RuleSelection,
    private readonly host: FileHost,
    private readonly trees?: TreeCache,
  ) {
    this.resolver = new ImportResolver(root, discoverRemappings(root, host), host);
    const session = this;
    // The project model asks its cache for each file it loads: answer from the session, parse only the rest.
    this.parseCache = new (class extends ParseCache {
      override get(filePath: string, text: string): SourceFile {
        return session.sourceOf(filePath, text);
      }
    })();
  }

  /** Parses the readable files among `files`; `withTrees` adds each tree as JSON for another thread. */
  parse(files: string[], withTrees: boolean): ParsedFile[] {
    const parsed: ParsedFile[] = [];
    for (const filePath of files) {
      const text = this.host.readFile(filePath);
      if (text === undefined) continue;
      const file = this.sourceOf(filePath, text);
      const imports: string[] = [];
      const unresolved: string[] = [];
      for (const directive of file.importDirectives) {
        const resolved = this.resolver.resolve(directive.path, filePath);
        if (resolved) imports.push(resolved);
        else unresolved.push(directive.path);
      }
      this.serialised.delete(filePath);
      parsed.push({
        path: filePath,
        text,
        contentHash: file.contentHash,
        imports,
        unresolved,
        astJson: withTrees && file.ast ? (this.serialised.get(filePath) ?? JSON.stringify(file.ast)) : undefined,
        syntaxErrors: file.syntaxErrors,
      });
    }
    return parsed;
  }

  /** Takes in files parsed by another thread. */
  adopt(files: ParsedFile[]): void {
    for (const file of files) {
      const ast = file.astJson === undefined ? undefined : JSON.parse(file.astJson);
      this.sources.set(file.path, sourceFileFromParse(file.path, file.text, { ast, syntaxErrors: file.syntaxErrors }));
    }
  }

  /**
   * Analyses `entries` in one project model that also loads `context` (the files that can change their findings,
   * such as contracts deriving from them). Held files are used as held, so the model sees the texts they were
   * parsed from.
   */
  analyse(entries: string[], context: string[], onScanned: () => void = () => {}): FileScan[] {
    const texts = new Map([...this.sources].map(([filePath, file]) => [filePath, file.text]));
    const project = ProjectModel.load([...entries, ...context], { root: this.root, host: this.host, parseCache: this.parseCache }, texts);
    const scans: FileScan[] = [];
    for (const filePath of entries) {
      const file = project.file(path.resolve(filePath));
      if (!file) continue;
      scans.push({ file: filePath, findings: analyzeFile(project, file, this.selection), lineCount: file.lines.lineCount });
      onScanned();
    }
    return scans;
  }

  private sourceOf(filePath: string, text: string): SourceFile {
    const held = this.sources.get(filePath);
    if (held && held.text === text) return held;
    const stored = this.trees?.read(hashText(text));
    const file = stored ? sourceFileFromParse(filePath, text, stored) : createSourceFile(filePath, text);
    if (!stored) {
      this.parses++;
      if (this.trees) {
        const astJson = file.ast && JSON.stringify(file.ast);
        this.trees.write(file.contentHash, astJson, file.syntaxErrors);
        if (astJson !== undefined) this.serialised.set(filePath, astJson);
      }
    }
    this.sources.set(filePath, file);
    return file;
  }
}
