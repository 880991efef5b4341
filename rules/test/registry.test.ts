// The rule catalog is complete and consistent: every rule file is registered under its own id, the index is
// sorted, each rule has a fixture and a docs section, and bad metadata or bad reports fail loudly by rule id.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ALL_RULES,
  analyzeFile,
  DEFAULT_CONFIG,
  defineRule,
  InMemoryFileHost,
  ProjectModel,
  RuleMetadataError,
  RuleRegistry,
  selectRules,
  validateRuleMeta,
  type Confidence,
  type Finding,
  type Rule,
  type RuleMeta,
  type Severity,
} from '../src/index';
import { CORPUS_PRECISION_PATH, currentCorpusPrecisionModule, currentRuleDocs, RULE_DOCS_PATH } from '../../scripts/writeRuleDocs';
import { readExpectations } from './support/fixtureExpectations';
import { FIXTURES_ROOT, REPO_ROOT } from './support/fixtureProject';

const RULES_DIR = path.join(REPO_ROOT, 'rules/src/rules');
const NOT_RULES = new Set(['index.ts', '_template.ts']);
const ruleFiles = fs
  .readdirSync(RULES_DIR)
  .filter((name) => name.endsWith('.ts') && !NOT_RULES.has(name))
  .sort();

describe('rule registry', () => {
  describe('every rule file is registered under its file name', () => {
    for (const fileName of ruleFiles) {
      const id = fileName.replace(/\.ts$/, '');
      it(id, () => {
        const rule = (require(path.join(RULES_DIR, fileName)) as { default?: Rule }).default;
        if (!rule) assert.fail(`rules/src/rules/${fileName} has no default export (export default defineRule({...}))`);
        assert.equal(rule.meta.id, id, `rules/src/rules/${fileName}: meta.id must equal the file name`);
        if (!ALL_RULES.includes(rule)) assert.fail(`rules/src/rules/${fileName} is not in ALL_RULES: add its import and entry to rules/src/rules/index.ts`);
      });
    }
  });

  it('registers nothing that has no rule file', () => {
    const fileIds = new Set(ruleFiles.map((f) => f.replace(/\.ts$/, '')));
    assert.deepEqual(ALL_RULES.map((r) => r.meta.id).filter((id) => !fileIds.has(id)), []);
  });

  it('keeps ALL_RULES sorted by id', () => {
    const ids = ALL_RULES.map((r) => r.meta.id);
    const sorted = [...ids].sort();
    const misplaced = ids.filter((id, i) => id !== sorted[i]);
    assert.deepEqual(misplaced, [], `rules/src/rules/index.ts is not sorted; expected order: ${sorted.join(', ')}`);
  });

  it('validates every registered rule at load', () => {
    assert.doesNotThrow(() => new RuleRegistry(ALL_RULES));
  });

  describe('every rule has a fixture with an expectation for it', () => {
    for (const rule of ALL_RULES) {
      const id = rule.meta.id;
      it(id, () => {
        const fixture = path.join(FIXTURES_ROOT, 'rules', `${id}.sol`);
        if (!fs.existsSync(fixture)) assert.fail(`missing fixture test-fixtures/rules/${id}.sol`);
        const expected = readExpectations(fs.readFileSync(fixture, 'utf8')).filter((e) => e.ruleId === id);
        if (expected.length === 0) assert.fail(`test-fixtures/rules/${id}.sol has no "// expect: ${id}" line`);
      });
    }
  });

  it('the measured precision module is up to date with the triage table', () => {
    const onDisk = fs.readFileSync(CORPUS_PRECISION_PATH, 'utf8');
    if (onDisk !== currentCorpusPrecisionModule()) assert.fail('rules/src/precision/corpusPrecision.ts is stale: run npm run docs');
  });

  it('docs/rules.md is up to date with the rule metadata', () => {
    const onDisk = fs.existsSync(RULE_DOCS_PATH) ? fs.readFileSync(RULE_DOCS_PATH, 'utf8') : '';
    const generated = currentRuleDocs();
    const missing = ALL_RULES.map((r) => r.meta.id).filter((id) => !onDisk.includes(`\n### ${id}\n`));
    if (onDisk !== generated) assert.fail(`docs/rules.md is stale${missing.length ? ` (no section for ${missing.join(', ')})` : ''}: run npm run docs`);
  });
});

describe('rule metadata validation', () => {
  const good: RuleMeta = ALL_RULES.find((r) => r.meta.id === 'tx-origin')?.meta as RuleMeta;
  const expectRejected = (meta: RuleMeta, reason: RegExp): void => {
    assert.throws(
      () => validateRuleMeta(meta),
      (err: unknown) => err instanceof RuleMetadataError && err.message.includes(`"${meta.id}"`) && reason.test(err.message),
    );
  };

  it('accepts a complete rule', () => {
    assert.doesNotThrow(() => validateRuleMeta(good));
  });

  it('rejects an empty title, naming the rule', () => {
    expectRejected({ ...good, id: 'bad-title', title: '  ' }, /title is empty/);
  });

  it('rejects an id that is not kebab-case', () => {
    expectRejected({ ...good, id: 'Bad_Id' }, /kebab-case/);
  });

  it('rejects a medium rule without an exploit scenario', () => {
    expectRejected({ ...good, id: 'no-scenario', severity: 'medium', exploitScenario: '' }, /exploitScenario/);
  });

  it('rejects a high-severity rule of low confidence', () => {
    expectRejected({ ...good, id: 'high-guess', severity: 'high', confidence: 'low' }, /low-confidence rule cannot be high/);
  });

  it('allows a low rule without an exploit scenario', () => {
    assert.doesNotThrow(() => validateRuleMeta({ ...good, id: 'low-no-scenario', severity: 'low', exploitScenario: '' }));
  });

  it('rejects a rule registered twice', () => {
    assert.throws(() => new RuleRegistry([ALL_RULES[0], ALL_RULES[0]]), /registered twice/);
  });
});

describe('rule contract checks at report time', () => {
  const root = '/project';
  const filePath = '/project/src/Target.sol';
  const source = 'pragma solidity 0.8.24;\ncontract Target {\n    function f() external {}\n}\n';

  const findingsOf = (rule: Rule): Finding[] => {
    const host = new InMemoryFileHost(new Map([[filePath, source]]));
    const project = ProjectModel.load([filePath], { root, host });
    const file = project.file(filePath);
    assert.ok(file);
    return analyzeFile(project, file, selectRules(new RuleRegistry([rule]), DEFAULT_CONFIG));
  };

  const meta = (id: string): RuleMeta<'default'> => ({
    id,
    title: 'Test rule',
    severity: 'low',
    confidence: 'high',
    category: 'code-quality',
    swc: [],
    description: 'A rule for the test.',
    exploitScenario: '',
    recommendation: 'None.',
    references: [],
    messages: { default: 'flagged' },
  });

  const internalErrorsOf = (findings: Finding[]): string[] => findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message);

  it('turns an unknown messageId into an internal-error finding naming the rule', () => {
    const rule = defineRule({
      meta: meta('bad-message-id'),
      create: (context) => ({
        FunctionDefinition: (node) => context.report({ node, messageId: 'nope' as 'default' }),
      }),
    });
    const errors = internalErrorsOf(findingsOf(rule));
    assert.equal(errors.length, 1);
    assert.match(errors[0], /bad-message-id failed: unknown messageId "nope"/);
  });

  it('turns a fix from a rule without meta.fixable into an internal-error finding', () => {
    const rule = defineRule({
      meta: meta('undeclared-fix'),
      create: (context) => ({
        FunctionDefinition: (node) =>
          context.report({ node, messageId: 'default', fix: { description: 'remove', edits: (fixer) => fixer.remove(node) } }),
      }),
    });
    const findings = findingsOf(rule);
    assert.deepEqual(findings.filter((f) => f.ruleId === 'undeclared-fix'), []);
    assert.match(internalErrorsOf(findings)[0] ?? '', /undeclared-fix failed: reported a fix but meta\.fixable is not set/);
  });

  it('still reports a well-behaved rule', () => {
    const rule = defineRule({
      meta: meta('good-rule'),
      create: (context) => ({ FunctionDefinition: (node) => context.report({ node, messageId: 'default' }) }),
    });
    assert.deepEqual(findingsOf(rule).map((f) => [f.ruleId, f.range.startLine]), [['good-rule', 3]]);
  });

  it('lowers a finding to the severity and confidence of its context, never raises them', () => {
    const report = (severity: Severity, confidence: Confidence) => defineRule({
      meta: { ...meta('contextual'), severity: 'high', confidence: 'medium', exploitScenario: 'An attacker calls f.' },
      create: (context) => ({ FunctionDefinition: (node) => context.report({ node, messageId: 'default', severity, confidence }) }),
    });
    const levels = (rule: Rule) => findingsOf(rule).map((f) => [f.severity, f.confidence]);
    assert.deepEqual(levels(report('low', 'high')), [['low', 'medium']]);
    assert.deepEqual(levels(report('high', 'medium')), [['high', 'medium']]);
    // A low-confidence finding of a High rule is published as Medium.
    assert.deepEqual(levels(report('high', 'low')), [['medium', 'low']]);
  });
});
