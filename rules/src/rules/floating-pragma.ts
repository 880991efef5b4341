// floating-pragma: a deployable contract whose `pragma solidity` admits more than one compiler version.

import type { PragmaDirective } from '@solidity-parser/parser/dist/src/ast-types';
import { hasDeployableContract, isPinned } from '../analysis/compilerVersions';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'floating-pragma',
    title: 'Floating compiler version',
    severity: 'informational',
    confidence: 'high',
    category: 'compiler',
    scope: 'function',
    readsCompilerVersion: true,
    swc: ['SWC-103'],
    description:
      'A range such as `^0.8.20` or `>=0.8.0` lets the contract be built by any compiler in the range, so what was tested and audited may not be what is deployed. Only files that define a concrete contract are reported: interfaces, libraries and abstract contracts are built with the version the importing project pins, and a range there states compatibility.',
    exploitScenario:
      'The contract is tested with 0.8.26 and later deployed from another machine whose toolchain resolves the range to 0.8.28 with via-IR, a combination affected by a known code-generation bug; the deployed bytecode differs from the audited one.',
    recommendation:
      'Pin the exact version the contract is tested and deployed with (`pragma solidity 0.8.24;`). The quick fix pins the lowest version the range admits; change it to the version your build actually uses.',
    references: ['https://swcregistry.io/docs/SWC-103', 'https://docs.soliditylang.org/en/latest/layout-of-source-files.html#version-pragma'],
    messages: { default: 'The pragma `{{constraint}}` admits several compiler versions; pin one.' },
    fixable: true,
  },
  create(context) {
    return {
      PragmaDirective(node: PragmaDirective) {
        const pragma = context.file.pragma;
        if (!pragma || pragma.node !== node || isPinned(pragma)) return;
        if (!hasDeployableContract(context.file)) return;
        const pinned = pragma.minVersion;
        context.report({
          node,
          messageId: 'default',
          data: { constraint: pragma.constraint },
          fix: pinned ? { description: `Pin the compiler to ${pinned}`, edits: (fixer) => fixer.replace(node, `pragma solidity ${pinned};`) } : undefined,
        });
      },
    };
  },
});
