// Runs a scan for the CLI: files whose content-hash cache entry is valid are answered from disk, the others are
// analysed in worker threads (in-process for small scans) and their findings stored for the next run.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { compareFindings } from '../engine/analyze';
import { ENGINE_RULES } from '../engine/engineRules';
import type { RuleSelection } from '../engine/ruleSelection';
import { readableFiles, type ScanError, type ScanResult } from '../engine/scan';
import { defaultRegistry } from '../index';
import type { FileHost } from '../project/fileHost';
import { discoverRemappings, ImportResolver } from '../project/remappings';
import { hashText } from '../project/sourceFile';
import { NodeFileHost } from './nodeFileHost';
import { DEFAULT_CACHE_DIR_NAME, engineKey, fileKey, ScanCache } from './scanCache';
import { CountingParseCache, scanChunk, selectionToSpec, type FileScan, type ImportRecord } from './scanChunk';
import type { ChunkReply, ChunkRequest, WorkerReady, WorkerSetup } from './scanWorker';

export interface ScanRunRequest {
  files: string[];
  root: string;
  selection: RuleSelection;
  host: FileHost;
  /** Worker threads to analyse with; 1 analyses in-process. Default: defaultJobs(). */
  jobs?: number;
  /** The cache folder, or false for no cache. Default: `<root>/.sol-audit-cache`. */
  cacheDir?: string | false;
  /** Called as files complete, cache hits included. */
  onProgress?: (done: number, total: number) => void;
  /** The bundled worker; default `scanWorker.js` next to the running bundle. */
  workerScript?: string;
}

export interface ScanStats {
  /** Files answered from the cache. */
  cacheHits: number;
  /** Files analysed because their entry was missing or stale. */
  analysedFiles: number;
  /** Files parsed, imports included; a file parsed by two workers counts twice. */
  parsedFiles: number;
  /** Worker threads started; 0 when the scan ran in-process. */
  workers: number;
}

export interface ScanRunResult extends ScanResult {
  stats: ScanStats;
}

/** Below this many files to analyse, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 8;
/** Chunks small enough to balance the workers, large enough that a chunk's files share parsed imports. */
const MAX_CHUNK_FILES = 16;

/** One worker per core, keeping one core for the main thread when there are several. */
export function defaultJobs(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

export async function runScan(request: ScanRunRequest): Promise<ScanRunResult> {
  const { readable, errors } = readableFiles(request.files, request.host);
  let done = 0;
  const progress = (count: number): void => {
    done += count;
    request.onProgress?.(done, readable.length);
  };

  const cache = request.cacheDir === false ? undefined : openCache(request, path.resolve(request.cacheDir ?? path.join(request.root, DEFAULT_CACHE_DIR_NAME)));
  const results = cache?.lookup(readable) ?? new Map<string, FileScan>();
  if (results.size > 0) progress(results.size);

  const pending = readable.filter((file) => !results.has(file));
  const outcome = await analyse(pending, request, progress);
  for (const scan of outcome.scans) results.set(scan.file, scan);
  errors.push(...outcome.errors);
  // A file deleted between the readability check and its analysis is reported, not silently dropped.
  const accounted = new Set([...results.keys(), ...outcome.errors.map((e) => e.file)]);
  for (const file of pending) if (!accounted.has(file)) errors.push({ file, message: 'disappeared during the scan' });
  cache?.store(outcome);

  // Same order as an in-process scanFiles: files as given, findings by file, position, severity and rule.
  const files = readable.filter((file) => results.has(file));
  const scans = files.map((file) => results.get(file) as FileScan);
  return {
    files,
    findings: scans.flatMap((s) => s.findings).sort(compareFindings),
    errors,
    lineCount: scans.reduce((sum, s) => sum + s.lineCount, 0),
    stats: { cacheHits: readable.length - pending.length, analysedFiles: outcome.scans.length, parsedFiles: outcome.parsedFiles, workers: outcome.workers },
  };
}

interface OpenCache {
  /** The cached scans of the files whose entry is valid for their current contents and imports. */
  lookup(files: string[]): Map<string, FileScan>;
  store(outcome: AnalysisOutcome): void;
}

function openCache(request: ScanRunRequest, dir: string): OpenCache {
  const { root, host, selection } = request;
  const remappings = discoverRemappings(root, host);
  const resolverKey = hashText(JSON.stringify(remappings));
  const cache = ScanCache.open(dir, resolverKey);
  const engine = engineKey(root, selectionToSpec(selection), [...ENGINE_RULES, ...selection.rules.map((r) => r.meta)], resolverKey);
  const resolver = new ImportResolver(root, remappings, host);
  const records = new Map<string, ImportRecord | undefined>();
  const recordOnDisk = (file: string): ImportRecord | undefined => {
    if (records.has(file)) return records.get(file);
    const text = host.readFile(file);
    let record = text === undefined ? undefined : cache.importsOf(file, hashText(text));
    // An import that did not resolve when the record was made may resolve now (a dependency was installed).
    if (record?.unresolved.some((importPath) => resolver.resolve(importPath, file) !== undefined)) record = undefined;
    // Likewise a resolved import that has since disappeared.
    if (record?.imports.some((imported) => host.readFile(imported) === undefined)) record = undefined;
    records.set(file, record);
    return record;
  };
  return {
    lookup: (files) => {
      const hits = new Map<string, FileScan>();
      for (const file of files) {
        const key = fileKey(engine, path.resolve(file), recordOnDisk);
        const hit = key === undefined ? undefined : cache.readFindings(key);
        if (hit) hits.set(file, { file, ...hit });
      }
      return hits;
    },
    store: (outcome) => {
      cache.recordImports(outcome.imports);
      for (const scan of outcome.scans) {
        // Keyed by the contents the analysis saw, so a file edited mid-scan gets an entry for its old text only.
        const key = fileKey(engine, path.resolve(scan.file), (p) => outcome.imports[p]);
        if (key !== undefined) cache.writeFindings(key, { lineCount: scan.lineCount, findings: scan.findings });
      }
      cache.flush();
    },
  };
}

interface AnalysisOutcome {
  scans: FileScan[];
  imports: Record<string, ImportRecord>;
  errors: ScanError[];
  parsedFiles: number;
  workers: number;
}

function analyse(files: string[], request: ScanRunRequest, onScanned: (count: number) => void): Promise<AnalysisOutcome> {
  const jobs = Math.max(1, Math.floor(request.jobs ?? defaultJobs()));
  const script = request.workerScript ?? path.join(__dirname, 'scanWorker.js');
  const useWorkers = jobs > 1 && files.length >= MIN_FILES_FOR_WORKERS && request.host instanceof NodeFileHost && usesDefaultRules(request.selection) && fs.existsSync(script);
  if (!useWorkers) return Promise.resolve(analyseInProcess(files, request, onScanned));
  return analyseInWorkers(files, request, jobs, script, onScanned);
}

/** Workers rebuild the selection from the built-in registry, so they can only run a selection of its rules. */
function usesDefaultRules(selection: RuleSelection): boolean {
  const registry = defaultRegistry();
  return selection.rules.every((rule) => registry.get(rule.meta.id) === rule);
}

function analyseInProcess(files: string[], request: ScanRunRequest, onScanned: (count: number) => void): AnalysisOutcome {
  const parseCache = new CountingParseCache();
  const result = scanChunk(files, request.root, request.selection, request.host, parseCache, () => onScanned(1));
  return { scans: result.scans, imports: result.imports, errors: [], parsedFiles: result.parsedFiles, workers: 0 };
}

/**
 * Chunks kept in contiguous runs, one per worker: a worker takes from the front of its own run, so it keeps
 * reusing the imports it has already parsed (neighbouring files share bases), and when its run is empty it
 * steals from the back of the longest other run.
 */
class ChunkQueue {
  private readonly runs: string[][][];

  constructor(files: string[], runCount: number, chunkSize: number) {
    const chunks: string[][] = [];
    for (let i = 0; i < files.length; i += chunkSize) chunks.push(files.slice(i, i + chunkSize));
    const perRun = Math.ceil(chunks.length / runCount);
    this.runs = Array.from({ length: runCount }, (_, run) => chunks.slice(run * perRun, (run + 1) * perRun));
  }

  get size(): number {
    return this.runs.reduce((sum, run) => sum + run.length, 0);
  }

  take(run: number): string[] | undefined {
    const own = this.runs[run].shift();
    if (own) return own;
    const longest = this.runs.reduce((best, candidate) => (candidate.length > best.length ? candidate : best));
    return longest.pop();
  }

  putBack(run: number, chunks: string[][]): void {
    this.runs[run].unshift(...chunks);
  }

  drain(): string[] {
    return this.runs.splice(0).flat(2);
  }
}

/**
 * Spreads the files over a pool of workers. A chunk whose worker fails is retried file by file in a fresh
 * worker, so one bad file costs only its own findings; when no worker can start, the remaining files are
 * analysed in-process.
 */
function analyseInWorkers(files: string[], request: ScanRunRequest, jobs: number, script: string, onScanned: (count: number) => void): Promise<AnalysisOutcome> {
  const poolSize = Math.min(jobs, Math.ceil(files.length / MIN_FILES_FOR_WORKERS));
  const queue = new ChunkQueue(files, poolSize, Math.min(MAX_CHUNK_FILES, Math.ceil(files.length / (poolSize * 4))));
  const outcome: AnalysisOutcome = { scans: [], imports: {}, errors: [], parsedFiles: 0, workers: 0 };
  const setup: WorkerSetup = { root: request.root, spec: selectionToSpec(request.selection) };
  let alive = 0;
  let nextChunkId = 0;

  return new Promise((resolve) => {
    const finishIfIdle = (): void => {
      if (alive > 0) return;
      const left = queue.drain();
      if (left.length > 0) {
        // Only reached when workers could not start at all: finish the work here rather than lose it.
        const inProcess = analyseInProcess(left, request, onScanned);
        outcome.scans.push(...inProcess.scans);
        Object.assign(outcome.imports, inProcess.imports);
        outcome.parsedFiles += inProcess.parsedFiles;
      }
      resolve(outcome);
    };

    const startWorker = (run: number): void => {
      alive++;
      outcome.workers++;
      const worker = new Worker(script, { workerData: setup });
      let ready = false;
      let inFlight: ChunkRequest | undefined;
      let ended = false;

      const end = (): void => {
        if (ended) return;
        ended = true;
        alive--;
        finishIfIdle();
      };
      const sendNext = (): void => {
        const chunk = queue.take(run);
        if (!chunk) {
          inFlight = undefined;
          end();
          void worker.terminate();
          return;
        }
        inFlight = { chunkId: nextChunkId++, files: chunk };
        worker.postMessage(inFlight);
      };
      const giveUpOrRetry = (reason: string): void => {
        const failed = inFlight?.files ?? [];
        inFlight = undefined;
        if (failed.length > 1) queue.putBack(run, failed.map((file) => [file]));
        else if (failed.length === 1) outcome.errors.push({ file: failed[0], message: `analysis failed: ${reason}` });
      };
      const crashed = (reason: string): void => {
        if (ended) return;
        giveUpOrRetry(reason);
        // A worker that died before it was ready will not do better on a second try: no replacement. The
        // replacement starts before this one ends, so the pool never looks idle in between.
        if (ready && queue.size > 0) startWorker(run);
        end();
      };

      worker.on('message', (message: WorkerReady | ChunkReply) => {
        if ('ready' in message) {
          ready = true;
        } else if (message.ok) {
          outcome.scans.push(...message.result.scans);
          Object.assign(outcome.imports, message.result.imports);
          outcome.parsedFiles += message.result.parsedFiles;
          onScanned(message.result.scans.length);
        } else {
          giveUpOrRetry(message.message);
        }
        sendNext();
      });
      worker.on('error', (err) => crashed(err.message));
      worker.on('exit', (code) => crashed(`worker stopped (exit code ${code})`));
    };

    for (let run = 0; run < poolSize; run++) startWorker(run);
  });
}
