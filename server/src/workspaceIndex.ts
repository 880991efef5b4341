// The workspace: its folders, the `.sol` files in them, and who imports whom, so that a change to a base
// contract re-analyses the files that inherit from it. The initial scan reports $/progress.

import * as path from 'node:path';
import picomatch from 'picomatch';
import { NodeFileHost, collectSolidityFiles, relativeTo } from 'sol-audit-rules';
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { AnalysisClient } from './analysisClient';
import type { SettingsStore } from './settings';
import type { FileAnalysis } from './workerMessages';

export class WorkspaceIndex {
  private folders: string[] = [];
  /** File → the files it imports, transitively, as of its last analysis. */
  private readonly dependencies = new Map<string, string[]>();

  setFolders(uris: string[]): void {
    this.folders = uris.map((u) => URI.parse(u).fsPath).sort((a, b) => b.length - a.length);
  }

  folderPaths(): string[] {
    return [...this.folders];
  }

  /** The innermost workspace folder that holds the file. */
  folderOf(filePath: string): string | undefined {
    return this.folders.find((f) => filePath === f || filePath.startsWith(f + path.sep));
  }

  setDependencies(filePath: string, dependencies: string[]): void {
    this.dependencies.set(filePath, dependencies);
  }

  dependentsOf(filePath: string): string[] {
    const out: string[] = [];
    for (const [file, deps] of this.dependencies) if (deps.includes(filePath)) out.push(file);
    return out;
  }

  forget(filePath: string): void {
    this.dependencies.delete(filePath);
  }

  /** The `.sol` files of a folder minus VS Code's `files.exclude` and `solAudit.exclude`. */
  async filesOf(folder: string, settings: SettingsStore): Promise<string[]> {
    const folderUri = URI.file(folder).toString();
    const globs = (await settings.forFolderScan(folderUri)).exclude;
    const excluded = globs.length > 0 ? picomatch(globs, { dot: true }) : () => false;
    // The CLI's rule: dependency folders (foundry.toml libs, node_modules/) and build outputs are reached through
    // imports, not listed; src/lib/ and the like are the project's own code and are.
    return collectSolidityFiles(folder, new NodeFileHost()).filter((f) => !excluded(relativeTo(folder, f)));
  }

  /** Analyses every file of every folder, reporting progress; returns the number of files and findings. */
  async scan(
    connection: Connection,
    settings: SettingsStore,
    analysis: AnalysisClient,
    publish: (analyses: FileAnalysis[]) => void,
  ): Promise<{ fileCount: number; findingCount: number }> {
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('Solidity Audit Hints', 0, 'Indexing Solidity files…', false);
    let fileCount = 0;
    let findingCount = 0;
    try {
      for (const folder of this.folders) {
        const files = await this.filesOf(folder, settings);
        const folderSettings = await settings.get(URI.file(folder).toString());
        await analysis.scan(files, folderSettings, folder, (analyses, done, total) => {
          fileCount += analyses.length;
          findingCount += analyses.reduce((n, a) => n + a.findings.length, 0);
          publish(analyses);
          progress.report(Math.round((done / Math.max(total, 1)) * 100), `${done}/${total} files in ${path.basename(folder)}`);
        });
      }
    } finally {
      progress.done();
    }
    return { fileCount, findingCount };
  }
}
