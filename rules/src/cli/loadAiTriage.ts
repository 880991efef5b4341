// Loads the AI triage bundle (server/dist/aiTriage.js) at run time for `--ai-triage`. The path is computed, so
// neither TypeScript nor esbuild follows it: the engine keeps no static dependency on openai.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalysisSettings } from '../engine/analysisSession';
import type { Finding } from '../model/finding';
import { UsageError } from './cliErrors';

export interface AiTriageOptions {
  baseUrl?: string;
  model?: string;
  /** The scan's settings and --config file: the triage's analysis session sees the project as the scan did. */
  settings: AnalysisSettings;
  configFile?: string;
}

interface AiTriageModule {
  triageFindings(request: {
    findings: Finding[];
    root: string;
    baseUrl?: string;
    model?: string;
    settings: AnalysisSettings;
    configFile?: string;
    env: NodeJS.ProcessEnv;
    log: (line: string) => void;
  }): Promise<{ triaged: number; failed: number; cached: number; promptTokens: number; completionTokens: number }>;
}

const BUNDLE = ['server', 'dist', 'aiTriage.js'];

/** Appends each finding's AI verdict to it (message suffix and `aiTriage`); findings are never removed. */
export async function runAiTriage(findings: Finding[], root: string, options: AiTriageOptions, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  if (findings.length === 0) return;
  const module = loadModule(env);
  let summary;
  try {
    summary = await module.triageFindings({ findings, root, ...options, env, log });
  } catch (err) {
    // An AI failure never affects the static report: it is printed as is, with no verdicts.
    log(`sol-audit: ${err instanceof Error ? err.message : String(err)}; the report has no AI verdicts.`);
    return;
  }
  log(
    `sol-audit: AI triage: ${summary.triaged} verdict(s), ${summary.failed} without, ${summary.cached} from cache, ` +
      `${summary.promptTokens} prompt + ${summary.completionTokens} completion tokens`,
  );
}

function loadModule(env: NodeJS.ProcessEnv): AiTriageModule {
  // rules/dist/cli.js when bundled, rules/src/cli/*.ts under tsx; SOL_AUDIT_AI_MODULE overrides both.
  const candidates = [env.SOL_AUDIT_AI_MODULE, path.resolve(__dirname, '..', '..', ...BUNDLE), path.resolve(__dirname, '..', '..', '..', ...BUNDLE)];
  const found = candidates.find((candidate): candidate is string => !!candidate && fs.existsSync(candidate));
  if (!found) throw new UsageError('--ai-triage needs the AI bundle server/dist/aiTriage.js: run "npm run build" first.');
  const load = require as (id: string) => unknown;
  return load(found) as AiTriageModule;
}
