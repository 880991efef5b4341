// The CLI's AI triage: `sol-audit --ai-triage` loads it from the AI bundle beside cli.js (cli/dist/ai.js) only when
// asked, so the engine in rules/ never imports openai and a plain scan never loads the model client. Each finding gets the model's verdict as a message
// suffix and an `aiTriage` property; no finding is removed or changed otherwise.

import * as os from 'node:os';
import * as path from 'node:path';
import { AnalysisSession, loadTreeSitter, NodeFileHost, type AnalysisSettings, type Finding } from 'sol-audit-rules';
import { AiError } from './aiErrors';
import { resolveCliAiSettings } from './aiSettings';
import { AiService, analysedFileOf } from './aiService';
import { triageSuffix } from './renderAnswer';
import { ResponseCache } from './responseCache';

export interface CliTriageRequest {
  /** Findings as the CLI reports them: `file` relative to `root` or absolute. */
  findings: Finding[];
  root: string;
  baseUrl?: string;
  model?: string;
  /** The scan's settings and --config file, so the triage's session sees the project as the scan did. */
  settings: AnalysisSettings;
  configFile?: string;
  env: NodeJS.ProcessEnv;
  /** Progress and notices, one line each (stderr). */
  log: (line: string) => void;
}

export interface CliTriageSummary {
  triaged: number;
  failed: number;
  cached: number;
  promptTokens: number;
  completionTokens: number;
}

/** The CLI's response cache folder: SOL_AUDIT_AI_CACHE, else the user's cache folder. */
export function cliCacheFolder(env: NodeJS.ProcessEnv): string {
  if (env.SOL_AUDIT_AI_CACHE) return env.SOL_AUDIT_AI_CACHE;
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'sol-audit', 'ai');
}

export async function triageFindings(request: CliTriageRequest): Promise<CliTriageSummary> {
  // This bundle has its own copy of the engine, so its own grammar to load before the session parses.
  await loadTreeSitter();
  const { settings, apiKey } = resolveCliAiSettings({ baseUrl: request.baseUrl, model: request.model }, request.env);
  const service = new AiService({ cache: new ResponseCache(cliCacheFolder(request.env)), logger: { info: () => undefined, warn: () => undefined } });
  const session = new AnalysisSession(new NodeFileHost(), { configFile: request.configFile });
  const byFile = new Map<string, Finding[]>();
  for (const finding of request.findings) {
    const absolute = path.resolve(request.root, finding.file);
    byFile.set(absolute, [...(byFile.get(absolute) ?? []), finding]);
  }
  const summary: CliTriageSummary = { triaged: 0, failed: 0, cached: 0, promptTokens: 0, completionTokens: 0 };
  request.log(`sol-audit: AI triage of ${request.findings.length} finding(s) with ${settings.model} at ${new URL(settings.baseUrl).host}`);
  for (const [absolute, findings] of byFile) {
    const analysed = analysedFileOf(session, absolute, request.settings);
    // Skip findings whose file cannot be read back (deleted since the scan): they keep no verdict.
    if (!analysed) continue;
    // Context assembly works on offsets and absolute paths; the CLI's findings carry relative file names. The
    // model sees the findings the scan reports (after the baseline), not every finding of the file.
    const located = findings.map((f) => ({ ...f, file: absolute }));
    const results = await service.triage({ ...analysed, findings: located }, located, { settings, apiKey }).catch((err: unknown) => {
      throw err instanceof AiError ? new Error(`AI triage stopped: ${err.message}`) : err;
    });
    results.forEach((result, index) => {
      const original = findings[index];
      if (result.meta?.cached) summary.cached++;
      summary.promptTokens += result.meta?.usage?.promptTokens ?? 0;
      summary.completionTokens += result.meta?.usage?.completionTokens ?? 0;
      if (!result.verdict) {
        summary.failed++;
        request.log(`sol-audit: no AI verdict for ${original.ruleId} at ${original.file}:${original.range.startLine}: ${result.error ?? 'unknown error'}`);
        return;
      }
      summary.triaged++;
      original.message += triageSuffix(result.verdict);
      original.aiTriage = { ...result.verdict, model: result.meta?.model ?? settings.model };
    });
  }
  return summary;
}
