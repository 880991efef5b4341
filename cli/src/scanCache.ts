// The on-disk content-hash cache of the CLI: findings per file, keyed by the engine, the rule selection and
// the contents of every file that can change them; each file's resolved imports, so that a warm scan computes
// those keys without parsing; and parsed trees by content, so that re-analysis after an edit parses only the
// edited files. Unreadable or corrupted entries are misses, never errors.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { version as packageVersion } from '../package.json';
import { type Finding, hashText, type ParseOutcome, type RuleMeta } from 'sol-audit-rules';
import type { ImportGraph } from './importGraph';
import type { ImportRecord, SelectionSpec } from './scanSession';

export const DEFAULT_CACHE_DIR_NAME = '.sol-audit-cache';

/** Bump when the layout of the files below changes. */
const LAYOUT_VERSION = 1;

/** Entries kept per kind (findings, trees) at the least, however small the scan: room for other branches. */
const MIN_KEPT_ENTRIES = 2000;

export interface CachedScan {
  lineCount: number;
  findings: Finding[];
}

interface ImportIndexFile {
  layout: number;
  /** Import resolution depends on the project's remappings: another resolver invalidates every record. */
  resolverKey: string;
  files: Record<string, ImportRecord>;
}

/**
 * Everything besides the files that decides a file's findings. The running code is hashed too (the bundle
 * when run as the CLI), so a rule whose logic changed without a meta change still invalidates its entries.
 */
export function engineKey(root: string, spec: SelectionSpec, ruleMetas: RuleMeta[], resolverKey: string): string {
  return hashText(JSON.stringify({ packageVersion, code: runningCodeHash(), ruleMetas, spec, root, resolverKey }));
}

/** What decides the tree parsed from a text: the parser and our wrapper around it, so the running code. */
export function treeVersion(): string {
  return hashText(`${packageVersion}\u0000${runningCodeHash()}`);
}

let codeHash: string | undefined;

function runningCodeHash(): string {
  if (codeHash === undefined) {
    try {
      codeHash = hashText(fs.readFileSync(__filename, 'utf8'));
    } catch {
      codeHash = '';
    }
  }
  return codeHash;
}

/**
 * The cache key of one file: the engine key, its path and the content hash of every file that can change its
 * findings (see ImportGraph.influences). Undefined when one of them has no record (unreadable).
 */
export function fileKey(engine: string, filePath: string, graph: ImportGraph): string | undefined {
  const contents: string[] = [];
  for (const influence of [...graph.influences(filePath)].sort()) {
    const record = graph.records.get(influence);
    if (!record) return undefined;
    contents.push(`${influence}\u0000${record.contentHash}`);
  }
  return hashText([engine, filePath, ...contents].join('\u0001'));
}

export class ScanCache {
  private readonly findingsDir: string;
  private readonly indexPath: string;
  private readonly importIndex: Map<string, ImportRecord>;
  private indexChanged = false;

  private constructor(
    dir: string,
    private readonly resolverKey: string,
  ) {
    this.findingsDir = path.join(dir, `v${LAYOUT_VERSION}`, 'findings');
    this.indexPath = path.join(dir, `v${LAYOUT_VERSION}`, 'imports.json');
    this.importIndex = this.readImportIndex();
  }

  static open(dir: string, resolverKey: string): ScanCache {
    ignoreInGit(dir);
    return new ScanCache(dir, resolverKey);
  }

  /** The recorded imports of a file, only when recorded for exactly this content. */
  importsOf(filePath: string, contentHash: string): ImportRecord | undefined {
    const record = this.importIndex.get(filePath);
    return record?.contentHash === contentHash ? record : undefined;
  }

  recordImports(records: Record<string, ImportRecord>): void {
    for (const [filePath, record] of Object.entries(records)) {
      const known = this.importIndex.get(filePath);
      if (known && known.contentHash === record.contentHash) continue;
      this.importIndex.set(filePath, record);
      this.indexChanged = true;
    }
  }

  readFindings(key: string): CachedScan | undefined {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(this.entryPath(key), 'utf8'));
    } catch {
      return undefined;
    }
    // A truncated or hand-edited entry must read as a miss: check the shape, and that it is the entry asked for.
    const entry = raw as Partial<CachedScan & { key: string }> | null;
    if (!entry || entry.key !== key || typeof entry.lineCount !== 'number' || !Array.isArray(entry.findings)) return undefined;
    markUsed(this.entryPath(key));
    return { lineCount: entry.lineCount, findings: entry.findings };
  }

  writeFindings(key: string, scan: CachedScan): void {
    writeAtomically(this.entryPath(key), JSON.stringify({ key, lineCount: scan.lineCount, findings: scan.findings }));
  }

  /** Saves the import index if the scan learnt anything new. */
  flush(): void {
    if (!this.indexChanged) return;
    const index: ImportIndexFile = { layout: LAYOUT_VERSION, resolverKey: this.resolverKey, files: Object.fromEntries(this.importIndex) };
    writeAtomically(this.indexPath, JSON.stringify(index));
    this.indexChanged = false;
  }

  private entryPath(key: string): string {
    return path.join(this.findingsDir, `${key}.json`);
  }

  private readImportIndex(): Map<string, ImportRecord> {
    try {
      const index = JSON.parse(fs.readFileSync(this.indexPath, 'utf8')) as Partial<ImportIndexFile> | null;
      if (index?.layout !== LAYOUT_VERSION || index.resolverKey !== this.resolverKey || typeof index.files !== 'object' || index.files === null) {
        return new Map();
      }
      return new Map(Object.entries(index.files).filter(([, record]) => isImportRecord(record)));
    } catch {
      return new Map();
    }
  }
}

/** Parsed trees by content hash. Parsing the JSON back is about a hundred times faster than parsing Solidity. */
export class TreeCache {
  private readonly dir: string;

  constructor(
    cacheDir: string,
    private readonly version: string,
  ) {
    this.dir = path.join(cacheDir, `v${LAYOUT_VERSION}`, 'trees');
  }

  read(contentHash: string): ParseOutcome | undefined {
    let entry: Partial<ParseOutcome> | null;
    try {
      entry = JSON.parse(fs.readFileSync(this.entryPath(contentHash), 'utf8')) as Partial<ParseOutcome> | null;
    } catch {
      return undefined;
    }
    if (!entry || !Array.isArray(entry.syntaxErrors)) return undefined;
    const ast = entry.ast ?? undefined;
    if (ast !== undefined && (typeof ast !== 'object' || ast.type !== 'SourceUnit')) return undefined;
    markUsed(this.entryPath(contentHash));
    return { ast, syntaxErrors: entry.syntaxErrors };
  }

  /** `astJson` is the tree already serialised (or undefined when the file has none). */
  write(contentHash: string, astJson: string | undefined, syntaxErrors: ParseOutcome['syntaxErrors']): void {
    writeAtomically(this.entryPath(contentHash), `{"syntaxErrors":${JSON.stringify(syntaxErrors)},"ast":${astJson ?? 'null'}}`);
  }

  private entryPath(contentHash: string): string {
    return path.join(this.dir, `${hashText(`${this.version}\u0000${contentHash}`)}.json`);
  }
}

function isImportRecord(value: unknown): value is ImportRecord {
  const record = value as Partial<ImportRecord> | null;
  const strings = (list: unknown): boolean => Array.isArray(list) && list.every((s) => typeof s === 'string');
  return !!record && typeof record.contentHash === 'string' && strings(record.imports) && strings(record.unresolved);
}

/**
 * Writes through a temporary file and a rename, so a concurrent scan or a crash never leaves half an entry.
 * Failures are swallowed: a read-only cache folder only makes the next scan cold.
 */
/** A hit renews the entry's modification time, which eviction reads as its last use. */
function markUsed(entryPath: string): void {
  try {
    const now = new Date();
    fs.utimesSync(entryPath, now, now);
  } catch {
    // Another scan evicted it meanwhile: it was read already, and will be written again when needed.
  }
}

/**
 * Keeps the cache from growing with every edit: of the findings and of the trees, at most
 * max(MIN_KEPT_ENTRIES, 3 x the files of this scan) entries each stay, the most recently used ones.
 */
export function evictStaleEntries(cacheDir: string, scannedFiles: number): void {
  const limit = Math.max(MIN_KEPT_ENTRIES, 3 * scannedFiles);
  for (const kind of ['findings', 'trees']) {
    const dir = path.join(cacheDir, `v${LAYOUT_VERSION}`, kind);
    let names: string[];
    try {
      names = fs.readdirSync(dir).filter((n) => n.endsWith('.json'));
    } catch {
      continue;
    }
    if (names.length <= limit) continue;
    const entries: { file: string; used: number }[] = [];
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        entries.push({ file, used: fs.statSync(file).mtimeMs });
      } catch {
        // Gone already (another scan evicting): nothing to do.
      }
    }
    entries.sort((a, b) => a.used - b.used);
    for (const { file } of entries.slice(0, Math.max(0, entries.length - limit))) fs.rmSync(file, { force: true });
  }
}

/**
 * The cache lives inside the scanned project; a `.gitignore` of `*` in it (as pytest and ruff write in theirs)
 * keeps a scan from ever showing up in `git status`, whatever the project's own ignore file says.
 */
function ignoreInGit(dir: string): void {
  const ignoreFile = path.join(dir, '.gitignore');
  if (!fs.existsSync(ignoreFile)) writeAtomically(ignoreFile, '# Written by sol-audit: the scan cache is never committed.\n*\n');
}

function writeAtomically(target: string, text: string): void {
  const temporary = `${target}.${process.pid}.${hashText(`${target}${Math.random()}`).slice(0, 8)}.tmp`;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, target);
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}
