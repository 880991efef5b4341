// Analyses one file on the server's main thread for an AI request, through the engine's analysis session with
// the editor's settings, so the AI sees exactly the findings the diagnostics show. It runs only on an explicit
// AI command, never on typing.

import { AnalysisSession, NodeFileHost, ParseCache, type FileHost, type Finding } from 'sol-audit-rules';
import type { SolAuditSettings } from 'sol-audit-protocol';
import { analysisSettingsOf } from '../../settings';
import { analysedFileOf, type AnalysedFile } from '../aiService';

/** Open editor buffers first (unsaved edits are what the user sees), the disk otherwise. */
class BufferFirstHost implements FileHost {
  private readonly disk = new NodeFileHost();
  constructor(private readonly buffers: Map<string, string>) {}
  readFile(absolutePath: string): string | undefined {
    return this.buffers.get(absolutePath) ?? this.disk.readFile(absolutePath);
  }
  readDirectory(absolutePath: string): string[] {
    return this.disk.readDirectory(absolutePath);
  }
  isDirectory(absolutePath: string): boolean {
    return this.disk.isDirectory(absolutePath);
  }
}

/** Reused across AI requests: a file is parsed again only when its text changed (imports rarely do). */
const parseCache = new ParseCache();

/**
 * A session per request over the buffers of that moment, sharing the parses: the config is read afresh, as this
 * thread sees no file events. `workspaceFolder` is what `solAudit.exclude` is relative to.
 */
export function analyseForAi(filePath: string, buffers: Map<string, string>, settings: SolAuditSettings, workspaceFolder: string | undefined): AnalysedFile | undefined {
  const session = new AnalysisSession(new BufferFirstHost(buffers), { parseCache });
  return analysedFileOf(session, filePath, analysisSettingsOf(settings, workspaceFolder));
}

/** The finding a client names by rule and 0-based start position, falling back to the nearest same-rule line. */
export function findFinding(findings: Finding[], ruleId: string, line0: number, character0: number): Finding | undefined {
  const sameRule = findings.filter((f) => f.ruleId === ruleId);
  return (
    sameRule.find((f) => f.range.startLine === line0 + 1 && f.range.startColumn === character0 + 1) ??
    sameRule.sort((a, b) => Math.abs(a.range.startLine - 1 - line0) - Math.abs(b.range.startLine - 1 - line0))[0]
  );
}
