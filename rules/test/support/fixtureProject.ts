// Analyses one fixture file the way the CLI would: project root discovery, its `.sol-audit.json`, all rules.

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
