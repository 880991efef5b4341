// Metadata for findings the engine itself produces (not rule visitors), so that docs, hovers and SARIF
// describe them from the same shape as every rule.

import type { RuleMeta } from './ruleApi';

export const SYNTAX_ERROR: RuleMeta<'default'> = {
  id: 'syntax-error',
  title: 'Syntax error',
  severity: 'high',
  confidence: 'high',
  category: 'engine',
  swc: [],
  description: 'The file does not parse. Code after the error may be analysed only partially, so findings in it can be missing.',
  exploitScenario: 'None by itself: the risk is that code which does not parse is not analysed, so a real issue can hide behind the error.',
  recommendation: 'Fix the syntax error; the analysis of the whole file resumes once it parses.',
  references: ['https://docs.soliditylang.org/en/latest/grammar.html'],
  messages: { default: '{{message}}' },
};

export const INTERNAL_ERROR: RuleMeta<'default'> = {
  id: 'internal-error',
  title: 'A rule failed on this file',
  severity: 'informational',
  confidence: 'high',
  category: 'engine',
  swc: [],
  description: 'One rule threw an exception on this file. The other rules still ran; this rule\'s findings for the file are missing.',
  exploitScenario: 'None by itself: findings of the failed rule are missing for this file.',
  recommendation: 'Report the file and the message to the sol-audit maintainers.',
  references: [],
  messages: { default: 'Rule {{ruleId}} failed: {{message}}' },
};

export const UNUSED_SUPPRESSION: RuleMeta<'unused' | 'unknownRule'> = {
  id: 'unused-suppression',
  title: 'Suppression comment that suppresses nothing',
  severity: 'informational',
  confidence: 'high',
  category: 'engine',
  swc: [],
  description: 'A `sol-audit-disable` comment matched no finding. Stale suppressions hide future findings on that line.',
  exploitScenario: 'A suppression left behind after a fix silences the rule when the bug comes back on the same line.',
  recommendation: 'Delete the comment, or name the rule it was meant for.',
  references: [],
  messages: {
    unused: 'This suppression of {{rules}} matches no finding; remove it.',
    unknownRule: 'Unknown rule id "{{ruleId}}" in suppression comment.',
  },
  fixable: true,
  tags: ['unnecessary'],
};

export const ENGINE_RULES: RuleMeta[] = [SYNTAX_ERROR, INTERNAL_ERROR, UNUSED_SUPPRESSION];
