// uninitialized-storage: before Solidity 0.5, a local struct or array declared without a data location or
// initial value is a storage pointer to slot 0, so writing through it overwrites the first state variables.

import type { VariableDeclaration, VariableDeclarationStatement } from '@solidity-parser/parser/dist/src/ast-types';
import { scopeOf } from '../analysis/scope';
import { defineRule } from '../engine/ruleApi';
import { mayCompileBelow } from '../parse/pragma';

export default defineRule({
  meta: {
    id: 'uninitialized-storage',
    title: 'Uninitialised storage pointer',
    severity: 'high',
    confidence: 'high',
    category: 'code-quality',
    scope: 'function',
    readsCompilerVersion: true,
    swc: ['SWC-109'],
    description:
      'Before Solidity 0.5.0 a local variable of struct or array type defaults to `storage`. Declared without an initial value, it points at storage slot 0: assigning its fields overwrites whatever state variables live at the start of the contract (often the owner).',
    exploitScenario:
      'A name registry declares `NameRecord record;` inside `register()` and sets `record.name` and `record.owner`. Those writes land in slots 0 and 1, which hold `unlocked` and `owner`; the attacker registers a name whose bytes unlock the contract and make them the owner.',
    recommendation: 'Declare the local `memory` if it is a scratch value, or initialise it from a state variable (`Record storage r = records[id];`). Compile with Solidity 0.5 or later, where this is an error.',
    references: ['https://swcregistry.io/docs/SWC-109', 'https://github.com/crytic/slither/wiki/Detector-Documentation#uninitialized-storage-variables'],
    messages: { default: '`{{name}}` is a storage pointer with no initial value: writes through it overwrite storage slot 0 onwards.' },
  },
  create(context) {
    const pragma = context.file.pragma;
    if (!mayCompileBelow(pragma, '0.5.0')) return {};
    return {
      VariableDeclarationStatement(statement: VariableDeclarationStatement) {
        if (statement.initialValue || statement.variables.length !== 1) return;
        const variable = statement.variables[0] as VariableDeclaration | null;
        if (!variable?.name || !variable.typeName) return;
        const type = variable.typeName;
        let pointsToStorage = variable.storageLocation === 'storage';
        if (variable.storageLocation === null) {
          // Only structs and arrays default to storage; value types, contracts and enums do not.
          pointsToStorage = type.type === 'ArrayTypeName' || (type.type === 'UserDefinedTypeName' && !!scopeOf(context).structNamed(type.namePath));
        }
        if (!pointsToStorage) return;
        context.report({ node: statement, messageId: 'default', data: { name: variable.name }, confidence: pragma ? undefined : 'low' });
      },
    };
  },
});
