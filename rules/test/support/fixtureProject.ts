// Analyses one fixture file the way the CLI would: project root discovery, its `.sol-audit.json`, all rules.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyzeFile,
  CONFIG_FILE_NAME,
  DEFAULT_CONFIG,
  defaultRegistry,
  findProjectRoot,
  NodeFileHost,
  parseConfig,
  knownRuleIds,
  ProjectModel,
  selectRules,
  type Finding,
} from '../../src/index';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES_ROOT = path.join(REPO_ROOT, 'test-fixtures');

const host = new NodeFileHost();
const registry = defaultRegistry();

export function analyzeFixture(filePath: string, overrideText?: string): Finding[] {
  const root = findProjectRoot(filePath, host);
  const configText = host.readFile(path.join(root, CONFIG_FILE_NAME));
  const config = configText === undefined ? DEFAULT_CONFIG : parseConfig(configText, knownRuleIds(registry), CONFIG_FILE_NAME);
  const overrides = overrideText === undefined ? undefined : new Map([[filePath, overrideText]]);
  const project = ProjectModel.load([filePath], { root, host }, overrides);
  const file = project.file(filePath);
  if (!file) throw new Error(`fixture not readable: ${filePath}`);
  return analyzeFile(project, file, selectRules(registry, config));
}

/** The severity of `ruleId`'s finding on the one fixture line containing `snippet`. */
export function severityAt(fixture: string, ruleId: string, snippet: string): string {
  const file = path.join(FIXTURES_ROOT, 'rules', fixture);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const matching = lines.flatMap((text, index) => (text.includes(snippet) ? [index + 1] : []));
  assert.equal(matching.length, 1, `${fixture}: \`${snippet}\` is on ${matching.length} lines`);
  const finding = analyzeFixture(file).find((f) => f.ruleId === ruleId && f.range.startLine === matching[0]);
  assert.ok(finding, `${fixture}:${matching[0]} has no ${ruleId} finding`);
  return finding.severity;
}
