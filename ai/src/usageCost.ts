// Token usage and the estimated cost of an answer, from the optional per-model price setting.

import type { TokenUsage } from './aiClient';
import type { ModelPricing } from './aiSettings';

export function estimateCostUsd(usage: TokenUsage | undefined, pricing: ModelPricing | undefined): number | undefined {
  if (!usage || !pricing) return undefined;
  return (usage.promptTokens * pricing.inputPerMillion + usage.completionTokens * pricing.outputPerMillion) / 1_000_000;
}

export function formatUsage(usage: TokenUsage | undefined, costUsd: number | undefined): string {
  if (!usage) return 'token usage not reported';
  const cost = costUsd === undefined ? '' : `, ≈ $${costUsd < 0.01 ? costUsd.toFixed(5) : costUsd.toFixed(3)}`;
  return `${usage.promptTokens} prompt + ${usage.completionTokens} completion tokens${cost}`;
}
