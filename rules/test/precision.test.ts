// The false-positive sweep over audited code: every file of @openzeppelin/contracts 5 and its upgradeable twin
// must analyse without a syntax or internal error and without a High finding. Medium and High findings are
// listed on the console by rule, so a noisy rule shows up here before it reaches users.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  analyzeFile,
  collectSolidityFiles,
  DEFAULT_CONFIG,
  defaultRegistry,
  NodeFileHost,
  ParseCache,
  ProjectModel,
  relativeTo,
  selectRules,
  type Finding,
} from '../src/index';
import { REPO_ROOT } from './support/fixtureProject';

const host = new NodeFileHost();
const selection = selectRules(defaultRegistry(), DEFAULT_CONFIG);
// Shared by both sweeps: the upgradeable package imports most of the other one, which is then parsed once.
const parseCache = new ParseCache();

/** What scanFiles does, with the shared parse cache. */
function sweep(files: string[], root: string): { findings: Finding[]; lineCount: number } {
  const project = ProjectModel.load(files, { root, host, parseCache });
  const sources = files.map((file) => {
    const source = project.file(file);
    assert.ok(source, `${file} was not loaded`);
    return source;
  });
  return {
    findings: sources.flatMap((source) => analyzeFile(project, source, selection)),
    lineCount: sources.reduce((sum, source) => sum + source.lines.lineCount, 0),
  };
}

function describeFindings(findings: Finding[], root: string): string {
  const byRule = new Map<string, Finding[]>();
  for (const finding of findings) byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), finding]);
  return [...byRule]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ruleId, list]) => [
      `  ${ruleId} (${list[0].severity}): ${list.length}`,
      ...list.map((f) => `    ${relativeTo(root, f.file)}:${f.range.startLine} ${f.message}`),
    ].join('\n'))
    .join('\n');
}

for (const packageName of ['@openzeppelin/contracts', '@openzeppelin/contracts-upgradeable']) {
  describe(`sweep over ${packageName}`, function () {
    // About 25 s of CPU for both packages; the margin is for a machine shared with other work.
    this.timeout(300_000);
    const root = path.join(REPO_ROOT, 'node_modules', packageName);
    const files = collectSolidityFiles(root, host);
    let findings: Finding[] = [];

    before(() => {
      const result = sweep(files, root);
      findings = result.findings;
      const serious = findings.filter((f) => f.severity === 'high' || f.severity === 'medium');
      console.log(`    ${files.length} files, ${result.lineCount} lines, ${findings.length} findings, ${serious.length} High or Medium`);
      if (serious.length > 0) console.log(describeFindings(serious, root));
    });

    it('holds the whole package', () => {
      // OpenZeppelin 5 has about 250 files and the upgradeable package about 100: a short list means a broken install.
      assert.ok(files.length >= 90, `only ${files.length} files under ${root}`);
    });

    it('parses every file and runs every rule without an internal error', () => {
      const engineErrors = findings.filter((f) => f.ruleId === 'syntax-error' || f.ruleId === 'internal-error');
      assert.equal(engineErrors.length, 0, `engine errors:\n${describeFindings(engineErrors, root)}`);
    });

    it('raises no High finding', () => {
      const high = findings.filter((f) => f.severity === 'high');
      assert.equal(high.length, 0, `High findings on audited code (false positives to fix):\n${describeFindings(high, root)}`);
    });
  });
}
