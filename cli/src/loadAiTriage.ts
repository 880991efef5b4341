// `--ai-triage`: loads the AI package (sol-audit-ai, a declared dependency) only when asked, so a scan without it
// never evaluates the AI code, and the engine outside the CLI keeps no dependency on it.

import type { AnalysisSettings, Finding } from 'sol-audit-rules';

export interface AiTriageOptions {
  baseUrl?: string;
  model?: string;
  /** The scan's settings and --config file: the triage's analysis session sees the project as the scan did. */
  settings: AnalysisSettings;
  configFile?: string;
}

/** Appends each finding's AI verdict to it (message suffix and `aiTriage`); findings are never removed. */
export async function runAiTriage(findings: Finding[], root: string, options: AiTriageOptions, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  if (findings.length === 0) return;
  const { triageFindings } = await import('sol-audit-ai');
  let summary;
  try {
    summary = await triageFindings({ findings, root, ...options, env, log });
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
