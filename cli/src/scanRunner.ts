// Runs a scan for the CLI: learns the import graph (from the cache, else by parsing), answers files whose
// content-hash cache entry is still valid, and analyses the others in worker threads (in-process for small
// scans), each in a project model holding everything that can change its findings.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compareFindings, defaultRegistry, discoverRemappings, ENGINE_RULES, type FileHost, hashText, ImportResolver, NodeFileHost, readableFiles, type RuleSelection, type ScanError, type ScanResult } from 'sol-audit-rules';
import { DEFAULT_CACHE_DIR_NAME, engineKey, evictStaleEntries, fileKey, ScanCache, TreeCache, treeVersion } from './scanCache';
import { ImportGraph } from './importGraph';
import { ScanSession, selectionToSpec, type FileScan, type ImportRecord, type ParsedFile } from './scanSession';
import { ChunkQueue, WorkerPool } from './workerPool';

export interface ScanRunRequest {
  files: string[];
  root: string;
  selection: RuleSelection;
  host: FileHost;
  /** Worker threads to parse and analyse with; 1 works in-process. Default: defaultJobs(). */
  jobs?: number;
  /** The cache folder, or false for no cache. Default: `<root>/.sol-audit-cache`. */
  cacheDir?: string | false;
  /** Called as files are answered from the cache or analysed (not while parsing). */
  onProgress?: (done: number, total: number) => void;
  /** The bundled worker; default `scanWorker.js` next to the running bundle. */
  workerScript?: string;
}

export interface ScanStats {
  /** Files answered from the cache. */
  cacheHits: number;
  /** Files analysed because their entry was missing or stale. */
  analysedFiles: number;
  /** Solidity parses, imports included; 0 when everything came from the cache. */
  parsedFiles: number;
  /** Worker threads started; 0 when the scan ran in-process. */
  workers: number;
}

export interface ScanRunResult extends ScanResult {
  stats: ScanStats;
}

/** Below this many files to parse or analyse, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 8;
/** Chunks small enough to balance the workers, large enough to keep the messages few. */
const MAX_CHUNK_FILES = 16;

/** One worker per core, keeping one core for the main thread when there are several. */
export function defaultJobs(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

export async function runScan(request: ScanRunRequest): Promise<ScanRunResult> {
  const { readable, errors } = readableFiles(request.files, request.host);
  const cache = request.cacheDir === false ? undefined : openCache(request, path.resolve(request.cacheDir ?? path.join(request.root, DEFAULT_CACHE_DIR_NAME)));
  const run = new ScanRun(request, cache);
  try {
    return await run.execute(readable, errors);
  } finally {
    await run.close();
  }
}

interface OpenCache {
  dir: string;
  cache: ScanCache;
  trees: TreeCache;
  engine: string;
  /** A file's import record from the cache, when it is still valid for the file as it is on disk now. */
  recordOnDisk(file: string): ImportRecord | undefined;
}

function openCache(request: ScanRunRequest, dir: string): OpenCache {
  const { root, host, selection } = request;
  const remappings = discoverRemappings(root, host);
  const resolverKey = hashText(JSON.stringify(remappings));
  const cache = ScanCache.open(dir, resolverKey);
  const engine = engineKey(root, selectionToSpec(selection), [...ENGINE_RULES, ...selection.rules.map((r) => r.meta)], resolverKey);
  const resolver = new ImportResolver(root, remappings, host);
  return {
    dir,
    cache,
    trees: new TreeCache(dir, treeVersion()),
    engine,
    recordOnDisk: (file) => {
      const text = host.readFile(file);
      const record = text === undefined ? undefined : cache.importsOf(file, hashText(text));
      if (!record) return undefined;
      // An import that did not resolve when the record was made may resolve now (a dependency was installed).
      if (record.unresolved.some((importPath) => resolver.resolve(importPath, file) !== undefined)) return undefined;
      // Likewise a resolved import that has since disappeared.
      if (record.imports.some((imported) => host.readFile(imported) === undefined)) return undefined;
      return record;
    },
  };
}

/** The state of one scan: what is known of the import graph, what was parsed, and the workers if any. */
class ScanRun {
  private readonly local: ScanSession;
  private readonly records = new Map<string, ImportRecord>();
  /** Files parsed on workers, with their trees, to ship to the workers whose models need them. */
  private readonly shippable = new Map<string, ParsedFile>();
  /** Files no worker could parse or analyse, with the reason. */
  private readonly failed = new Map<string, string>();
  private pool: WorkerPool | undefined;
  private poolRuledOut = false;
  private workerParses = 0;
  private progressDone = 0;
  private progressTotal = 0;

  constructor(
    private readonly request: ScanRunRequest,
    private readonly cache: OpenCache | undefined,
  ) {
    this.local = new ScanSession(request.root, request.selection, request.host, cache?.trees);
  }

  async execute(readable: string[], errors: ScanError[]): Promise<ScanRunResult> {
    this.progressTotal = readable.length;
    const absolute = readable.map((file) => path.resolve(file));
    const graph = await this.discoverGraph(absolute);
    const keys = this.cache ? keysOf(absolute, graph, this.cache.engine) : new Map<string, string>();
    const results = this.cachedScans(keys);
    const cacheHits = results.size;
    this.progress(cacheHits);

    const analysed = await this.analyse(absolute.filter((file) => !results.has(file) && !this.failed.has(file)), graph);
    for (const scan of analysed) results.set(scan.file, scan);
    this.store(analysed, keys);

    // Same shape and order as an in-process scanFiles: files as given, findings by file, position, severity, rule.
    const files: string[] = [];
    const scans: FileScan[] = [];
    readable.forEach((file, i) => {
      const scan = results.get(absolute[i]);
      if (scan) {
        files.push(file);
        scans.push(scan);
      } else {
        // A file deleted between the readability check and its analysis is reported, not silently dropped.
        errors.push({ file, message: this.failed.get(absolute[i]) ?? 'disappeared during the scan' });
      }
    });
    return {
      files,
      findings: scans.flatMap((s) => s.findings).sort(compareFindings),
      errors,
      lineCount: scans.reduce((sum, s) => sum + s.lineCount, 0),
      stats: { cacheHits, analysedFiles: analysed.length, parsedFiles: this.local.parses + this.workerParses, workers: this.pool?.started ?? 0 },
    };
  }

  private cachedScans(keys: Map<string, string>): Map<string, FileScan> {
    const hits = new Map<string, FileScan>();
    for (const [file, key] of keys) {
      const hit = this.cache?.cache.readFindings(key);
      if (hit) hits.set(file, { file, ...hit });
    }
    return hits;
  }

  private store(analysed: FileScan[], keys: Map<string, string>): void {
    if (!this.cache) return;
    this.cache.cache.recordImports(Object.fromEntries(this.records));
    for (const scan of analysed) {
      const key = keys.get(scan.file);
      if (key !== undefined) this.cache.cache.writeFindings(key, { lineCount: scan.lineCount, findings: scan.findings });
    }
    this.cache.cache.flush();
    evictStaleEntries(this.cache.dir, keys.size);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }

  /** Import records of the scanned files and of everything they import: from the cache, else by parsing. */
  private async discoverGraph(files: string[]): Promise<ImportGraph> {
    const seen = new Set<string>();
    let wave = files;
    while (wave.length > 0) {
      const toParse: string[] = [];
      for (const file of wave) {
        seen.add(file);
        const record = this.cache?.recordOnDisk(file);
        if (record) this.records.set(file, record);
        else toParse.push(file);
      }
      await this.parse(toParse);
      const next = new Set<string>();
      for (const file of wave) for (const imported of this.records.get(file)?.imports ?? []) if (!seen.has(imported)) next.add(imported);
      wave = [...next];
    }
    return new ImportGraph(this.records);
  }

  private async parse(files: string[]): Promise<void> {
    if (files.length === 0) return;
    const pool = this.poolFor(files.length);
    let leftover = files;
    if (pool) {
      leftover = await pool.run(new ChunkQueue(files, pool.size, MAX_CHUNK_FILES), {
        request: (_slot, chunk) => ({ kind: 'parse', files: chunk }),
        done: (slot, _chunk, reply) => {
          this.workerParses += reply.parses;
          for (const parsed of reply.parsed) {
            slot.holds.add(parsed.path);
            this.shippable.set(parsed.path, parsed);
            this.record(parsed);
          }
        },
        giveUp: (file, reason) => this.failed.set(file, `analysis failed: ${reason}`),
      });
    }
    for (const parsed of this.local.parse(leftover, false)) this.record(parsed);
  }

  private record({ path: file, contentHash, imports, unresolved }: ParsedFile): void {
    this.records.set(file, { contentHash, imports, unresolved });
  }

  /** Analyses `pending`, each file in a model that holds every file that can change its findings (see ImportGraph). */
  private async analyse(pending: string[], graph: ImportGraph): Promise<FileScan[]> {
    const scans: FileScan[] = [];
    // Workers would each need the whole project when imports are unresolved: one model here is cheaper.
    const pool = graph.resolved ? this.poolFor(pending.length) : undefined;
    let leftover = pending;
    if (pool) {
      // Whatever the models need that no worker parsed yet is parsed now, once, rather than by every worker.
      await this.parse([...graph.modelFor(pending)].filter((file) => !this.shippable.has(file) && !this.failed.has(file)));
      leftover = await pool.run(new ChunkQueue(pending, pool.size, MAX_CHUNK_FILES), {
        request: (slot, entries) => {
          const context = [...graph.modelFor(entries)];
          const sources: ParsedFile[] = [];
          for (const file of context) {
            const parsed = this.shippable.get(file);
            if (!parsed || slot.holds.has(file)) continue;
            sources.push(parsed);
            slot.holds.add(file);
          }
          return { kind: 'analyse', entries, context, sources };
        },
        done: (_slot, _entries, reply) => {
          this.workerParses += reply.parses;
          scans.push(...reply.scans);
          this.progress(reply.scans.length);
        },
        giveUp: (file, reason) => this.failed.set(file, `analysis failed: ${reason}`),
      });
    }
    if (leftover.length > 0) {
      // In-process, with the trees the workers parsed rather than parsing them again.
      this.local.adopt([...this.shippable.values()]);
      scans.push(...this.local.analyse(leftover, [...graph.modelFor(leftover)], () => this.progress(1)));
    }
    return scans;
  }

  private progress(count: number): void {
    if (count === 0) return;
    this.progressDone += count;
    this.request.onProgress?.(this.progressDone, this.progressTotal);
  }

  /** The worker pool, started on first need when the work is big enough and workers can do it. */
  private poolFor(fileCount: number): WorkerPool | undefined {
    if (this.pool || this.poolRuledOut || fileCount < MIN_FILES_FOR_WORKERS) return this.pool;
    const { request } = this;
    const jobs = Math.max(1, Math.floor(request.jobs ?? defaultJobs()) || 1);
    const script = request.workerScript ?? path.join(__dirname, 'scanWorker.js');
    // Workers read through the real file system and rebuild the selection from the built-in registry.
    if (jobs === 1 || !(request.host instanceof NodeFileHost) || !usesDefaultRules(request.selection) || !fs.existsSync(script)) {
      this.poolRuledOut = true;
      return undefined;
    }
    const size = Math.min(jobs, Math.ceil(fileCount / MIN_FILES_FOR_WORKERS));
    const trees = this.cache && { cacheDir: this.cache.dir, version: treeVersion() };
    this.pool = new WorkerPool(script, { root: request.root, spec: selectionToSpec(request.selection), trees }, size);
    return this.pool;
  }
}

/** The cache key of each file that has one (every file it depends on was readable). */
function keysOf(files: string[], graph: ImportGraph, engine: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of files) {
    const key = fileKey(engine, file, graph);
    if (key !== undefined) keys.set(file, key);
  }
  return keys;
}

/** Workers rebuild the selection from the built-in registry, so they can only run a selection of its rules. */
function usesDefaultRules(selection: RuleSelection): boolean {
  const registry = defaultRegistry();
  return selection.rules.every((rule) => registry.get(rule.meta.id) === rule);
}
