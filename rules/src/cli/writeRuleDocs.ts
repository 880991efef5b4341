// `npm run docs`: regenerates docs/rules.md from the rule metadata. The registry test fails when it is stale.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENGINE_RULES } from '../engine/engineRules';
import { renderRuleDocs } from '../format/ruleDocs';
import { defaultRegistry } from '../index';

export const RULE_DOCS_PATH = path.resolve(__dirname, '../../../docs/rules.md');

export function currentRuleDocs(): string {
  return renderRuleDocs(
    defaultRegistry()
      .all()
      .map((rule) => rule.meta),
    ENGINE_RULES,
  );
}

if (require.main === module) {
  fs.writeFileSync(RULE_DOCS_PATH, currentRuleDocs());
  console.log(`Wrote ${path.relative(process.cwd(), RULE_DOCS_PATH)}`);
}
