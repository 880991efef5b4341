// Re-analyses one file on the server's main thread for an AI request: the AI needs the project model (context
// assembly) and the rule selection (fix checks), which the analysis worker does not send back. It runs only on
// an explicit AI command, never on typing.

import * as path from 'node:path';
import {
  analyzeFile,
  CONFIG_FILE_NAME,
  DEFAULT_CONFIG,
  defaultRegistry,
  findProjectRoot,
  knownRuleIds,
  NodeFileHost,
  ParseCache,
  parseConfig,
  ProjectModel,
  selectRules,
  type AuditConfig,
  type FileHost,
  type Finding,
} from 'sol-audit-rules';
import type { SolAuditSettings } from '../../protocol';
import type { AnalysedFile } from '../aiService';

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

const registry = defaultRegistry();
/** Reused across AI requests: a file is parsed again only when its text changed (imports rarely do). */
const parseCache = new ParseCache();

export function analyseForAi(filePath: string, buffers: Map<string, string>, settings: Pick<SolAuditSettings, 'rules' | 'profile'>): AnalysedFile | undefined {
  const host = new BufferFirstHost(buffers);
  const root = findProjectRoot(filePath, host);
  const selection = selectRules(registry, configOf(root, host), { settings: settings.rules, profile: settings.profile });
  const project = ProjectModel.load([filePath], { root, host, parseCache });
  const file = project.file(filePath);
  if (!file) return undefined;
  return { project, host, file, registry, selection, findings: analyzeFile(project, file, selection) };
}

function configOf(root: string, host: FileHost): AuditConfig {
  const configPath = path.join(root, CONFIG_FILE_NAME);
  const text = host.readFile(configPath);
  if (text === undefined) return DEFAULT_CONFIG;
  try {
    return parseConfig(text, knownRuleIds(registry), configPath);
  } catch {
    // The diagnostics already report a broken config; the AI uses the defaults.
    return DEFAULT_CONFIG;
  }
}

/** The finding a client names by rule and 0-based start position, falling back to the nearest same-rule line. */
export function findFinding(findings: Finding[], ruleId: string, line0: number, character0: number): Finding | undefined {
  const sameRule = findings.filter((f) => f.ruleId === ruleId);
  return (
    sameRule.find((f) => f.range.startLine === line0 + 1 && f.range.startColumn === character0 + 1) ??
    sameRule.sort((a, b) => Math.abs(a.range.startLine - 1 - line0) - Math.abs(b.range.startLine - 1 - line0))[0]
  );
}
