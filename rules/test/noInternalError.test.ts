// No rule gives up on the code we keep (issue 12): every rule, switched on whatever a fixture's .sol-audit.json
// says, runs on every .sol under test-fixtures/ (rules, engine, exploits, projects, scope cases, examples)
// without an internal-error finding, since a rule that crashes loses all its findings in the file.
// The audited corpora of support/auditedCorpora.ts (the npm packages, and the .corpus-cache/ packages once
// `npm run corpus` fetched them) are swept with every rule by precision.test.ts, which fails on the same error;
// a larger corpus added to that list is covered there without a change here.

import * as assert from 'node:assert/strict';
import { analyzeFile, collectSolidityFiles, DEFAULT_CONFIG, defaultRegistry, findProjectRoot, NodeFileHost, ProjectModel, relativeTo, selectRules } from '../src/index';
import { FIXTURES_ROOT } from './support/fixtureProject';

const host = new NodeFileHost();
const everyRule = selectRules(defaultRegistry(), DEFAULT_CONFIG);

describe('no internal error on any fixture', () => {
  for (const file of collectSolidityFiles(FIXTURES_ROOT, host, true)) {
    it(relativeTo(FIXTURES_ROOT, file), () => {
      const project = ProjectModel.load([file], { root: findProjectRoot(file, host), host });
      const source = project.file(file);
      assert.ok(source, `${file} was not loaded`);
      const crashes = analyzeFile(project, source, everyRule).filter((f) => f.ruleId === 'internal-error');
      assert.deepEqual(crashes.map((f) => `line ${f.range.startLine}: ${f.message}`), []);
    });
  }
});
