// The rule catalog: one line per rule, sorted by id. A test fails for any rule file missing here.

import type { Rule } from '../engine/ruleApi';
import incorrectEquality from './incorrect-equality';
import integerOverflow from './integer-overflow';
import timestamp from './timestamp';
import txOrigin from './tx-origin';
import uncheckedArithmetic from './unchecked-arithmetic';
import weakPrng from './weak-prng';

export const ALL_RULES: Rule[] = [
  incorrectEquality,
  integerOverflow,
  timestamp,
  txOrigin,
  uncheckedArithmetic,
  weakPrng,
];
