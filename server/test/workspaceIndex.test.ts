// The editor follows the CLI's rule on dependency folders: the workspace index lists src/lib/ and leaves out
// the root lib/ (through the engine's one folder scan), and an opened dependency shows no findings.

import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { ProjectAnalyzer } from '../src/projectAnalyzer';
import { DEFAULT_SETTINGS } from 'sol-audit-protocol';
import { SettingsStore } from '../src/settings';
import { WorkspaceIndex } from '../src/workspaceIndex';

const SRC_LIB = path.resolve(__dirname, '../../test-fixtures/projects/src-lib');
const OWN = path.join(SRC_LIB, 'src/lib/OwnerAuth.sol');
const DEPENDENCY = path.join(SRC_LIB, 'lib/dep/src/DepMath.sol');

describe('workspace index and dependency folders', () => {
  it('indexes src/lib/ and leaves out the root lib/', async () => {
    // Without workspace/configuration support the store answers defaults and never touches the connection.
    const settings = new SettingsStore({} as Connection, () => false);
    const files = await new WorkspaceIndex().filesOf(SRC_LIB, settings);
    assert.deepEqual(files.map((f) => path.relative(SRC_LIB, f)), ['src/Treasury.sol', 'src/lib/OwnerAuth.sol']);
  });

  it('shows findings of an opened src/lib/ file and none of an opened dependency', () => {
    const [own, dependency] = new ProjectAnalyzer().analyzeMany([OWN, DEPENDENCY], DEFAULT_SETTINGS, SRC_LIB);
    assert.deepEqual(own.findings.map((f) => f.finding.ruleId), ['tx-origin']);
    assert.deepEqual(dependency.findings, []);
  });
});
