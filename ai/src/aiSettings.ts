// The AI settings shape, its defaults, and how the CLI resolves it from flags and the environment.
// The editor sends the same shape per request; the API key is never part of it.

export type StructuredOutputMode = 'json_schema' | 'json_object' | 'none';

export interface ModelPricing {
  /** US dollars per million prompt tokens. */
  inputPerMillion: number;
  /** US dollars per million completion tokens. */
  outputPerMillion: number;
}

export interface AiSettings {
  /** An OpenAI-compatible endpoint, e.g. https://api.openai.com/v1 or http://localhost:11434/v1. */
  baseUrl: string;
  model: string;
  maxPromptTokens: number;
  temperature: number;
  timeoutMs: number;
  /** Where the fallback chain starts: json_schema → json_object → JSON extracted from text → markdown. */
  structuredOutput: StructuredOutputMode;
  /** Retries on 429/5xx/connection errors, with backoff that honours Retry-After. */
  maxRetries: number;
  pricing?: ModelPricing;
}

export const DEFAULT_AI_SETTINGS: AiSettings = {
  baseUrl: 'https://api.openai.com/v1',
  model: 'gpt-4o-mini',
  maxPromptTokens: 3000,
  temperature: 0.1,
  timeoutMs: 60_000,
  structuredOutput: 'json_schema',
  maxRetries: 2,
};

const STRUCTURED_MODES: readonly StructuredOutputMode[] = ['json_schema', 'json_object', 'none'];

/** Merges partial settings over the defaults, dropping values of the wrong type or range. */
export function normaliseAiSettings(partial: Partial<AiSettings> = {}): AiSettings {
  const out: AiSettings = { ...DEFAULT_AI_SETTINGS };
  if (typeof partial.baseUrl === 'string' && partial.baseUrl.trim()) out.baseUrl = partial.baseUrl.trim().replace(/\/+$/, '');
  if (typeof partial.model === 'string' && partial.model.trim()) out.model = partial.model.trim();
  if (isPositive(partial.maxPromptTokens)) out.maxPromptTokens = Math.floor(partial.maxPromptTokens);
  if (typeof partial.temperature === 'number' && partial.temperature >= 0 && partial.temperature <= 2) out.temperature = partial.temperature;
  if (isPositive(partial.timeoutMs)) out.timeoutMs = Math.floor(partial.timeoutMs);
  if (partial.structuredOutput && STRUCTURED_MODES.includes(partial.structuredOutput)) out.structuredOutput = partial.structuredOutput;
  if (typeof partial.maxRetries === 'number' && partial.maxRetries >= 0) out.maxRetries = Math.floor(partial.maxRetries);
  if (partial.pricing && isNonNegative(partial.pricing.inputPerMillion) && isNonNegative(partial.pricing.outputPerMillion)) {
    out.pricing = { inputPerMillion: partial.pricing.inputPerMillion, outputPerMillion: partial.pricing.outputPerMillion };
  }
  return out;
}

export interface CliAiOptions {
  baseUrl?: string;
  model?: string;
}

/**
 * The CLI's settings: flags win over OPENAI_BASE_URL (the variable the openai package itself reads), which
 * wins over the default. The key comes from OPENAI_API_KEY only.
 */
export function resolveCliAiSettings(flags: CliAiOptions, env: NodeJS.ProcessEnv): { settings: AiSettings; apiKey: string | undefined } {
  const settings = normaliseAiSettings({
    baseUrl: flags.baseUrl ?? env.OPENAI_BASE_URL,
    model: flags.model ?? env.SOL_AUDIT_AI_MODEL,
  });
  return { settings, apiKey: env.OPENAI_API_KEY || undefined };
}

/** The host shown to users next to every answer ("sent to api.openai.com"). */
export function endpointHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function isNonNegative(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
