// Reads `// expect: rule-a, rule-b` annotations from fixture text: each names findings that must start on
// the line where the annotation sits.

export interface ExpectedFinding {
  line: number;
  ruleId: string;
}

const ANNOTATION = /\/\/\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;

export function readExpectations(text: string): ExpectedFinding[] {
  const out: ExpectedFinding[] = [];
  text.split('\n').forEach((lineText, index) => {
    const match = ANNOTATION.exec(lineText);
    if (!match) return;
    for (const id of match[1].split(',')) out.push({ line: index + 1, ruleId: id.trim() });
  });
  return out;
}

export function keyOf(e: ExpectedFinding): string {
  return `${e.line}:${e.ruleId}`;
}
