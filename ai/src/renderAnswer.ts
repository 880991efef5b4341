// Renders AI answers as Markdown for the panel: the finding, the model's words, and what the answer is based
// on (sections sent and trimmed, model, endpoint host, tokens, cost).

import * as path from 'node:path';
import type { Finding } from 'sol-audit-rules';
import type { AiAnswerMeta } from './aiService';
import type { Explanation, TriageAnswer } from './schemas';
import { formatUsage } from './usageCost';

/** The finding an answer is about; its path relative to the project root when it lies inside it. */
export function renderFindingHeader(finding: Finding, root: string): string {
  const relative = path.relative(root, finding.file);
  const file = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : finding.file;
  return `### ${finding.ruleId}: ${finding.title}\n\n${finding.severity} severity, ${finding.confidence} confidence, ${file}:${finding.range.startLine}\n\n> ${finding.message}`;
}

export function renderExplanation(explanation: Explanation): string {
  const parts = [
    `**Summary.** ${explanation.summary}`,
    `**Why it matters.** ${explanation.whyItMatters}`,
    `**Exploit scenario.** ${explanation.exploitScenario}`,
    `**Fix.** ${explanation.fix.description}`,
  ];
  for (const edit of explanation.fix.edits) {
    const where = edit.original !== null ? '' : ` (lines ${edit.startLine}–${edit.endLine})`;
    const before = edit.original !== null ? `${fence(edit.original, '-')}\n` : '';
    parts.push(`Edit${where}:\n\n${before}${fence(edit.replacement, '+')}`);
  }
  parts.push(`_Model confidence: ${Math.round(explanation.confidence * 100)}%._`);
  return parts.join('\n\n');
}

const PARTIAL_FIELDS: [key: string, title: string][] = [
  ['summary', 'Summary'],
  ['whyItMatters', 'Why it matters'],
  ['exploitScenario', 'Exploit scenario'],
  ['description', 'Fix'],
];

/**
 * Markdown from an explanation whose JSON is still streaming: the string fields received so far, the last one
 * possibly cut mid-sentence. Lets the panel fill in while the model writes; the final answer replaces it.
 */
export function renderPartialExplanation(rawSoFar: string): string {
  const parts: string[] = [];
  for (const [key, title] of PARTIAL_FIELDS) {
    const match = new RegExp(`"${key}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)`).exec(rawSoFar);
    if (match) parts.push(`**${title}.** ${unescapeJsonFragment(match[1])}`);
  }
  return parts.length > 0 ? parts.join('\n\n') : '_The model is writing…_';
}

function unescapeJsonFragment(fragment: string): string {
  // Drop a dangling escape cut by the stream, then let JSON decode the rest.
  const safe = fragment.replace(/\\(u[0-9a-fA-F]{0,3})?$/, '');
  try {
    return JSON.parse(`"${safe}"`) as string;
  } catch {
    return safe;
  }
}

export function renderTriage(answer: TriageAnswer): string {
  return `**Verdict: ${answer.verdict}** (confidence ${Math.round(answer.confidence * 100)}%). ${answer.reasoning}`;
}

/** The suffix appended to a finding's message in diagnostics and CLI output; nothing is removed. */
export function triageSuffix(answer: TriageAnswer): string {
  return ` [AI: ${answer.verdict}, ${Math.round(answer.confidence * 100)}%]`;
}

export function renderFooter(meta: AiAnswerMeta): string {
  const lines = [
    `---`,
    `_Answer by ${meta.model} at ${meta.endpointHost}${meta.cached ? ' (from cache, no request sent)' : ''}: ${formatUsage(meta.usage, meta.costUsd)}._`,
    `_Based on: ${meta.sent.length ? meta.sent.join('; ') : 'the conversation so far'}._`,
  ];
  if (meta.trimmed.length) lines.push(`_Left out for the ${meta.promptTokens}-token budget: ${meta.trimmed.join('; ')}._`);
  if (meta.notice) lines.push(`> **Notice:** ${meta.notice}`);
  lines.push('_The static rules remain the reference: an AI answer can be wrong._');
  return lines.join('\n\n');
}

function fence(code: string, marker: string): string {
  const diff = code.split('\n').map((line) => `${marker} ${line}`).join('\n');
  return `\`\`\`diff\n${diff}\n\`\`\``;
}
