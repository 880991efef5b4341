// The rule catalog: one line per rule, sorted by id. A test fails for any rule file missing here.

import type { Rule } from '../engine/ruleApi';
import timestamp from './timestamp';
import txOrigin from './tx-origin';
import weakPrng from './weak-prng';

export const ALL_RULES: Rule[] = [
  timestamp,
  txOrigin,
  weakPrng,
];
