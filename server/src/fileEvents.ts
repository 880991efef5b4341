// Files changed on disk (file watcher events): drop cached parses and configs, then analyse again what
// depends on them. A `.sol-audit.json` or remapping change can affect every file.

import { FileChangeType, type DidChangeWatchedFilesParams } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { AnalysisClient } from './analysisClient';
import type { DiagnosticsService } from './diagnostics';
import type { FindingStore } from './findingStore';
import type { OpenDocuments } from './openDocuments';
import type { WorkspaceIndex } from './workspaceIndex';

export const WATCHED_GLOBS = ['**/*.sol', '**/.sol-audit.json', '**/remappings.txt', '**/foundry.toml'];

export function onWatchedFilesChanged(
  params: DidChangeWatchedFilesParams,
  analysis: AnalysisClient,
  diagnostics: DiagnosticsService,
  store: FindingStore,
  documents: OpenDocuments,
  index: WorkspaceIndex,
): void {
  const paths = params.changes.map((c) => URI.parse(c.uri).fsPath);
  analysis.invalidate(paths);
  if (paths.some((p) => !p.endsWith('.sol'))) {
    diagnostics.refreshAll();
    return;
  }
  for (const change of params.changes) {
    const filePath = URI.parse(change.uri).fsPath;
    // Open documents are analysed from their buffer; the disk copy of them does not matter.
    if (documents.get(change.uri)) continue;
    if (change.type === FileChangeType.Deleted) {
      index.forget(filePath);
      if (store.get(change.uri)) diagnostics.clear(change.uri);
    }
    diagnostics.analyzeDependents(filePath);
  }
}
