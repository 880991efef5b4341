// Where the end-to-end tests find the repository, code-server and Chromium, and where they write
// screenshots and logs (under build/, which git ignores).

import * as path from 'node:path';

export const E2E_DIR = path.resolve(__dirname, '..');
export const REPO_ROOT = path.resolve(E2E_DIR, '../..');
export const BUILD_DIR = path.join(REPO_ROOT, 'build', 'e2e');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'build', 'e2e-screenshots');
export const FIXTURE_WORKSPACE = path.join(E2E_DIR, 'workspace');
export const CODE_SERVER_ENTRY = path.join(E2E_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
/** Debian's Chromium (scripts/e2e-setup.sh installs it); E2E_CHROMIUM overrides it. */
export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
