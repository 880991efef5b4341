// AI layer benchmark, offline: prompt tokens per request (median, max) over every finding of the
// @openzeppelin/contracts sweep without sending anything, context-assembly time, and cache-hit latency against
// the local fake OpenAI server. Run: npx tsx scripts/benchAi.ts

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeFile, collectSolidityFiles, DEFAULT_CONFIG, defaultRegistry, loadTreeSitter, NodeFileHost, ProjectModel, selectRules, type Finding } from 'sol-audit-rules';
import { normaliseAiSettings } from '../ai/src/aiSettings';
import { AiService, type AnalysedFile } from '../ai/src/aiService';
import { assembleContext } from '../ai/src/contextAssembly';
import { buildPrompt, type PromptKind } from '../ai/src/promptBuilder';
import { ResponseCache } from '../ai/src/responseCache';
import { countTokens } from '../ai/src/tokenCounter';
import { FakeOpenAiServer } from '../server/test/support/fakeOpenAiServer';

const REPO = path.resolve(__dirname, '..');
const ROOT = path.join(REPO, 'node_modules/@openzeppelin/contracts');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `median ${percentile(sorted, 0.5).toFixed(1)}, p95 ${percentile(sorted, 0.95).toFixed(1)}, max ${sorted[sorted.length - 1].toFixed(1)} (n=${sorted.length})`;
}

async function main(): Promise<void> {
  await loadTreeSitter();
  const host = new NodeFileHost();
  const registry = defaultRegistry();
  const selection = selectRules(registry, DEFAULT_CONFIG);
  const files = collectSolidityFiles(ROOT, host);
  const project = ProjectModel.load(files, { root: ROOT, host });
  const settings = normaliseAiSettings({ baseUrl: 'http://127.0.0.1:1/v1', model: 'bench' });
  countTokens('warm up the encoder');

  const analysed: { file: AnalysedFile; finding: Finding }[] = [];
  for (const filePath of files) {
    const file = project.file(filePath);
    if (!file) continue;
    const findings = analyzeFile(project, file, selection);
    // The bench measures prompts and never checks a fix, so there is no proposed text to analyse.
    const entry: AnalysedFile = { project, file, registry, findings, analyseProposedText: () => undefined };
    for (const finding of findings) analysed.push({ file: entry, finding });
  }

  const assembleMs: number[] = [];
  const tokens: Record<PromptKind, number[]> = { explain: [], fix: [], triage: [], ask: [] };
  let trimmedRequests = 0;
  for (const { file, finding } of analysed) {
    const started = performance.now();
    const context = assembleContext({ project, file: file.file, offset: finding.range.start, findings: file.findings, registry, focus: finding });
    assembleMs.push(performance.now() - started);
    for (const kind of ['explain', 'triage'] as const) {
      const prompt = buildPrompt(kind, context, { maxPromptTokens: settings.maxPromptTokens });
      tokens[kind].push(prompt.promptTokens);
      if (prompt.trimmed.length > 0) trimmedRequests++;
    }
  }

  const server = await new FakeOpenAiServer().start();
  const cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'sol-audit-bench-ai-'));
  const service = new AiService({ cache: new ResponseCache(cacheFolder) });
  server.setFallback(() => ({ content: JSON.stringify({ verdict: 'uncertain', reasoning: 'bench', confidence: 0.5 }) }));
  const sample = analysed.slice(0, 20);
  const liveSettings = { ...settings, baseUrl: server.baseUrl };
  const missMs: number[] = [];
  const hitMs: number[] = [];
  for (const { file, finding } of sample) {
    let started = performance.now();
    await service.triage(file, [finding], { settings: liveSettings });
    missMs.push(performance.now() - started);
    started = performance.now();
    await service.triage(file, [finding], { settings: liveSettings });
    hitMs.push(performance.now() - started);
  }
  const requests = server.requests.length;
  await server.stop();
  fs.rmSync(cacheFolder, { recursive: true, force: true });

  console.log(`AI bench over @openzeppelin/contracts: ${files.length} files, ${analysed.length} findings (budget ${settings.maxPromptTokens} tokens, o200k_base)`);
  console.log(`  explain prompt tokens: ${stats(tokens.explain)}`);
  console.log(`  triage prompt tokens:  ${stats(tokens.triage)}`);
  console.log(`  requests that needed trimming: ${trimmedRequests} of ${analysed.length * 2}`);
  console.log(`  context assembly ms:   ${stats(assembleMs)}`);
  console.log(`  triage, cache miss (local fake server) ms: ${stats(missMs)}`);
  console.log(`  triage, cache hit ms:  ${stats(hitMs)}; requests sent for ${sample.length * 2} calls: ${requests}`);
}

void main();
