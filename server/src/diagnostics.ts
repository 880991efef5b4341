// Runs analyses and publishes diagnostics: debounced per document, off the main thread, newest version wins.
// After a file changes, the open and scanned files that import it are analysed again.

import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { AnalysisClient } from './analysisClient';
import type { CodeLensRefresher } from './codeLensRefresh';
import type { TriageAnnotations } from 'sol-audit-ai/triageAnnotations';
import { findingToDiagnostic } from './findingToDiagnostic';
import type { FindingRecord, FindingStore } from './findingStore';
import type { OpenDocuments } from './openDocuments';
import { StatusNotification, type SolAuditSettings } from 'sol-audit-protocol';
import type { SettingsStore } from './settings';
import type { FileAnalysis } from './workerMessages';
import type { WorkspaceIndex } from './workspaceIndex';

export type AnalysisReason = 'open' | 'change' | 'save' | 'dependency' | 'settings';

export class DiagnosticsService {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private running = 0;
  /** Analysis time of the last run per URI, for the output channel and benchmarks. */
  readonly lastRunMs = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: OpenDocuments,
    private readonly settings: SettingsStore,
    private readonly analysis: AnalysisClient,
    private readonly store: FindingStore,
    private readonly index: WorkspaceIndex,
    private readonly codeLenses: CodeLensRefresher,
    private readonly triage: TriageAnnotations,
  ) {}

  async schedule(uri: string, reason: AnalysisReason): Promise<void> {
    const settings = await this.settings.get(uri);
    if (!settings.enable) {
      this.clear(uri);
      return;
    }
    if (reason === 'change' && settings.run === 'onSave') return;
    clearTimeout(this.timers.get(uri));
    const delay = reason === 'change' ? settings.debounceMs : 0;
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.analyzeOpenDocument(uri, settings, reason);
      }, delay),
    );
  }

  /** Re-analyses every open document and every scanned file, e.g. after a settings or config change. */
  refreshAll(): void {
    for (const doc of this.documents.all()) void this.schedule(doc.uri, 'settings');
    const closed = this.store.uris().filter((uri) => !this.documents.get(uri));
    void this.analyzeClosedFiles(closed);
  }

  clear(uri: string): void {
    this.store.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.codeLenses.request();
    this.sendStatus();
  }

  /** Publishes workspace-scan results for files that are not open (open ones have fresher buffers). */
  publishScanned(analyses: FileAnalysis[]): void {
    for (const analysis of analyses) {
      const uri = URI.file(analysis.path).toString();
      this.index.setDependencies(analysis.path, analysis.dependencies);
      if (this.documents.get(uri)) continue;
      const record = this.store.record(uri, 0, analysis);
      void this.publish(uri, undefined, record);
    }
    this.sendStatus();
  }

  /** The one place diagnostics are sent; `version` is set for open documents only. */
  private publish(uri: string, version: number | undefined, record: FindingRecord): Promise<void> {
    // Findings the AI triage judged likely false stay in the store (code actions, hovers) but are not shown.
    const shown = record.findings.filter((f) => !this.triage.hides(f.finding));
    const sent = this.connection.sendDiagnostics({ uri, version, diagnostics: shown.map((f) => findingToDiagnostic(f, version ?? 0, this.triage.suffixFor(f.finding))) });
    this.codeLenses.request();
    return sent;
  }

  private async analyzeOpenDocument(uri: string, settings: SolAuditSettings, reason: AnalysisReason): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const filePath = URI.parse(uri).fsPath;
    this.running++;
    this.sendStatus();
    try {
      const result = await this.analysis.analyze(filePath, doc.getText(), settings, this.index.folderOf(filePath));
      // A newer edit already has its own analysis queued: publishing this one would show stale ranges.
      if (!result || this.documents.get(uri)?.version !== version) return;
      this.lastRunMs.set(uri, result.ms);
      const record = this.store.record(uri, version, result.analysis);
      this.index.setDependencies(filePath, result.analysis.dependencies);
      await this.publish(uri, version, record);
      this.publishConfigError(result.analysis);
      // Dependents follow edits of this file; not after a dependency run, or import cycles would ping-pong.
      if (reason !== 'dependency') this.analyzeDependents(filePath);
    } catch (err) {
      this.connection.console.error(`Analysis of ${filePath} failed: ${err instanceof Error ? err.message : String(err)}`);
      this.sendStatus('error', 'Analysis failed; see the output channel.');
      return;
    } finally {
      this.running--;
    }
    this.sendStatus();
  }

  /** Files that import `changedPath`, open or scanned, analysed again. */
  analyzeDependents(changedPath: string): void {
    const dependents = this.index.dependentsOf(changedPath).map((p) => URI.file(p).toString());
    const closed: string[] = [];
    for (const uri of dependents) {
      const open = this.documents.all().find((d) => d.uri === uri || URI.parse(d.uri).fsPath === URI.parse(uri).fsPath);
      if (open) void this.schedule(open.uri, 'dependency');
      else if (this.store.get(uri)) closed.push(uri);
    }
    void this.analyzeClosedFiles(closed);
  }

  private async analyzeClosedFiles(uris: string[]): Promise<void> {
    if (uris.length === 0) return;
    const byFolder = new Map<string | undefined, string[]>();
    for (const uri of uris) {
      const p = URI.parse(uri).fsPath;
      const folder = this.index.folderOf(p);
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), p]);
    }
    for (const [folder, paths] of byFolder) {
      const settings = await this.settings.get(folder ? URI.file(folder).toString() : uris[0]);
      await this.analysis.scan(paths, settings, folder, (analyses) => this.publishScanned(analyses));
    }
  }

  private publishConfigError(analysis: FileAnalysis): void {
    if (!analysis.configError) return;
    this.connection.console.warn(analysis.configError.message);
    this.sendStatus('error', analysis.configError.message);
  }

  sendStatus(state?: 'error', message?: string): void {
    void this.connection.sendNotification(StatusNotification, {
      state: state ?? (this.running > 0 ? 'analyzing' : 'idle'),
      findingCount: this.store.totalFindings(),
      message,
    });
  }
}
