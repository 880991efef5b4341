// The rule catalog: one line per rule, sorted by id. A test fails for any rule file missing here.

import type { Rule } from '../engine/ruleApi';
import txOrigin from './tx-origin';

export const ALL_RULES: Rule[] = [
  txOrigin,
];
