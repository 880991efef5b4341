// The import graph of a scan, built from import records: what a file imports, what derives from it, and so
// which files can change its findings. Rules read derived contracts too (a base's variable is written in a
// child), so a file's findings depend on the files that import it as well as on the files it imports.

import type { ImportRecord } from './scanSession';

export class ImportGraph {
  /**
   * False when an import resolves to nothing. The project model then matches a base contract by name anywhere
   * in the project, so any file can change any file's findings and only a model of the whole project is exact.
   */
  readonly resolved: boolean;
  private readonly importers = new Map<string, string[]>();
  private readonly influencesByFile = new Map<string, Set<string>>();

  constructor(readonly records: ReadonlyMap<string, ImportRecord>) {
    for (const [file, record] of records) {
      for (const imported of record.imports) this.importers.set(imported, [...(this.importers.get(imported) ?? []), file]);
    }
    this.resolved = [...records.values()].every((record) => record.unresolved.length === 0);
  }

  /** `files` and everything they import, transitively. */
  closure(files: Iterable<string>): Set<string> {
    return this.reach(files, (file) => this.records.get(file)?.imports ?? []);
  }

  /** The files that import one of `files`, transitively; `files` themselves excluded. */
  dependents(files: Iterable<string>): Set<string> {
    const start = new Set(files);
    const reached = this.reach(start, (file) => this.importers.get(file) ?? []);
    for (const file of start) reached.delete(file);
    return reached;
  }

  /** Every file whose contents can change the findings of `file`: its dependents and their imports, and its own. */
  influences(file: string): Set<string> {
    if (!this.resolved) return new Set(this.records.keys());
    let influences = this.influencesByFile.get(file);
    if (!influences) {
      influences = this.closure([file, ...this.dependents([file])]);
      this.influencesByFile.set(file, influences);
    }
    return influences;
  }

  /** The files a project model must hold to analyse `files` exactly. */
  modelFor(files: Iterable<string>): Set<string> {
    const model = new Set<string>();
    for (const file of files) for (const influence of this.influences(file)) model.add(influence);
    return model;
  }

  private reach(start: Iterable<string>, next: (file: string) => string[]): Set<string> {
    const seen = new Set<string>(start);
    const queue = [...seen];
    while (queue.length > 0) {
      for (const neighbour of next(queue.pop() as string)) {
        if (seen.has(neighbour)) continue;
        seen.add(neighbour);
        queue.push(neighbour);
      }
    }
    return seen;
  }
}
