// The import graph of a scan, built from import records: what a file imports, what derives from it, and so
// which files can change its findings. Rules read derived contracts too (a base's variable is written in a
// child), so a file's findings depend on the files that import it as well as on the files it imports.

import type { ImportRecord } from './scanSession';

export class ImportGraph {
  private readonly importers = new Map<string, string[]>();

  constructor(readonly records: ReadonlyMap<string, ImportRecord>) {
    for (const [file, record] of records) {
      for (const imported of record.imports) this.importers.set(imported, [...(this.importers.get(imported) ?? []), file]);
    }
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
    return this.closure([file, ...this.dependents([file])]);
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
