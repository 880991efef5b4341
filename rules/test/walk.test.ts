// The traversal every rule rides on: each node once, in source order, with its ancestors.

import * as assert from 'node:assert/strict';
import { createSourceFile, walk } from '../src/index';

describe('walk', () => {
  it('enters a state variable initializer once, under its variable', () => {
    const file = createSourceFile('/w/C.sol', 'contract C { bytes32 constant H = keccak256("h"); }');
    const entered: string[] = [];
    walk(file.ast!, {
      enter: (node, ancestors) => {
        if (node.type === 'FunctionCall') entered.push(ancestors.map((a) => a.type).join('>'));
      },
      exit: () => undefined,
    });
    assert.deepEqual(entered, ['SourceUnit>ContractDefinition>StateVariableDeclaration>VariableDeclaration']);
  });

  it('leaves out the subtrees `skip` names, and still exits everything it entered', () => {
    const file = createSourceFile('/w/C.sol', 'contract A { function f() external {} } contract B { function g() external {} }');
    const events: string[] = [];
    const label = (node: { type: string; name?: string | null }) => `${node.type}${node.name ? ` ${node.name}` : ''}`;
    walk(file.ast!, {
      skip: (node) => node.type === 'ContractDefinition' && node.name === 'A',
      enter: (node) => events.push(`enter ${label(node)}`),
      exit: (node) => events.push(`exit ${label(node)}`),
    });
    assert.ok(!events.some((e) => e.includes(' A') || e.includes(' f')), events.join('\n'));
    assert.equal(events.filter((e) => e.startsWith('enter')).length, events.filter((e) => e.startsWith('exit')).length);
    assert.ok(events.includes('enter FunctionDefinition g'));
  });
});
