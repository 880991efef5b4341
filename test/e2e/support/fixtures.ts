// Reads the e2e workspace fixtures: the `// expect: <rule-id>` annotations (the same convention as
// test-fixtures/) and the 1-based line of a given snippet.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURE_WORKSPACE } from './paths';

export interface ExpectedFinding {
  line: number;
  ruleId: string;
}

export function fixtureText(fileName: string): string {
  return fs.readFileSync(path.join(FIXTURE_WORKSPACE, fileName), 'utf8');
}

export function expectedFindings(fileName: string): ExpectedFinding[] {
  return fixtureText(fileName)
    .split('\n')
    .flatMap((text, index) => {
      const match = /\/\/ expect: ([a-z0-9-]+)/.exec(text);
      return match ? [{ line: index + 1, ruleId: match[1] }] : [];
    });
}

/** The 1-based line of the first line containing the snippet. */
export function lineOf(fileName: string, snippet: string): number {
  const index = fixtureText(fileName).split('\n').findIndex((text) => text.includes(snippet));
  if (index < 0) throw new Error(`${fileName} has no line containing ${snippet}`);
  return index + 1;
}
