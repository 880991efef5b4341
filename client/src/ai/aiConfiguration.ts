// Reads the solAudit.ai.* settings for a request. Endpoint and model are application-scoped in package.json;
// this also takes only user-level values for them, so a repository's .vscode/settings.json can never redirect
// code (and the key) to another server even on a VS Code that ignored the scope.

import * as vscode from 'vscode';
import type { AiSettingsParams } from 'sol-audit-protocol';

const SECTION = 'solAudit.ai';

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

function userLevel<T>(config: vscode.WorkspaceConfiguration, key: string, fallback: T): T {
  const inspected = config.inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
}

export function readAiSettings(): AiSettingsParams {
  const config = vscode.workspace.getConfiguration(SECTION);
  const pricing = userLevel<{ inputPerMillion?: number; outputPerMillion?: number } | null>(config, 'pricing', null);
  return {
    baseUrl: userLevel(config, 'baseUrl', DEFAULT_BASE_URL),
    model: userLevel(config, 'model', 'gpt-4o-mini'),
    maxPromptTokens: userLevel(config, 'maxPromptTokens', 3000),
    temperature: userLevel(config, 'temperature', 0.1),
    timeoutMs: userLevel(config, 'timeoutMs', 60000),
    structuredOutput: userLevel(config, 'structuredOutput', 'json_schema'),
    pricing:
      pricing && typeof pricing.inputPerMillion === 'number' && typeof pricing.outputPerMillion === 'number'
        ? { inputPerMillion: pricing.inputPerMillion, outputPerMillion: pricing.outputPerMillion }
        : undefined,
  };
}

export function hideLikelyFalse(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<boolean>('hideLikelyFalse', false);
}

/** The origin a key and a consent belong to: a key set for one server is never sent to another. */
export function endpointOrigin(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return baseUrl;
  }
}
