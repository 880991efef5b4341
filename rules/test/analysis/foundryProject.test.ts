// The foundry-app fixture project: remapped (foundry.toml) and auto-remapped (lib/<name>/src) imports resolve,
// so inherited guards are found by their code, not only by their names.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { isReentrancyGuarded, senderCheck } from '../../src/analysis/accessControl';
import { findProjectRoot, NodeFileHost, ProjectModel } from '../../src/index';
import { FIXTURES_ROOT } from '../support/fixtureProject';

const APP = path.join(FIXTURES_ROOT, 'projects/foundry-app');
const host = new NodeFileHost();

function load(file: string) {
  const entry = path.join(APP, 'src', file);
  const project = ProjectModel.load([entry], { root: findProjectRoot(entry, host), host });
  const contract = project.contractsIn(entry)[0];
  const fn = (name: string) => contract.functions().find((m) => m.node.name === name)!.node;
  return { project, contract, fn };
}

describe('foundry-app fixture project', () => {
  it('resolves @oz/ through the foundry.toml remapping', () => {
    const { project, contract, fn } = load('GuardedVault.sol');
    assert.deepEqual(contract.linearization.map((c) => c.name), ['GuardedVault', 'Ownable', 'Context', 'ReentrancyGuard']);
    assert.equal(senderCheck(fn('rescue'), contract, project)?.description, 'modifier `onlyOwner`');
    assert.equal(isReentrancyGuarded(fn('withdraw'), contract, project), true);
  });

  it('resolves guard-kit/ through the lib auto-remapping and recognises the mutex by its shape', () => {
    const { project, contract, fn } = load('ExclusiveVault.sol');
    assert.deepEqual(contract.unresolvedBases, []);
    assert.equal(isReentrancyGuarded(fn('withdraw'), contract, project), true);
  });
});
