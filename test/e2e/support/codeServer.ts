// Starts code-server (VS Code for the browser) on a loopback ephemeral port with a throw-away profile:
// fresh user data, extensions dir and settings, the extension installed from its .vsix, and a copy of
// the fixture workspace. stop() ends only the process started here and keeps its logs under build/.

import { type ChildProcess, execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { BUILD_DIR, CODE_SERVER_ENTRY } from './paths';

const execFileAsync = promisify(execFile);

/** Settings every run needs: no trust prompt, no welcome page, nothing that reaches the network. */
const BASE_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  // The fake AI server listens on a local port; forwarding it would only add a notification.
  'remote.autoForwardPorts': false,
  // VS Code for the web saves after a delay by default; the desktop default (off) lets a test see the
  // edit as an unsaved change and save it itself.
  'files.autoSave': 'off',
  // Hovers open only when the test asks; a stray one would cover the Problems panel in screenshots.
  'editor.hover.delay': 300,
  'editor.minimap.enabled': false,
};

export interface CodeServerOptions {
  /** A folder copied into the profile as the workspace the user opens. */
  workspaceSource: string;
  vsix?: string;
  /** User settings merged over BASE_SETTINGS. */
  settings?: Record<string, unknown>;
}

export interface CodeServer {
  /** The workbench URL with the workspace folder open. */
  workbenchUrl: string;
  workspace: string;
  extensionsDir: string;
  stop(): Promise<void>;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sol-audit-e2e-'));
  const userDataDir = path.join(profile, 'user-data');
  const extensionsDir = path.join(profile, 'extensions');
  const workspace = path.join(profile, 'workspace');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir);
  fs.cpSync(options.workspaceSource, workspace, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...BASE_SETTINGS, ...options.settings }, null, 2),
  );

  // XDG_* and --config keep code-server from writing its config and data into the real home folder.
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(profile, 'xdg-config'),
    XDG_DATA_HOME: path.join(profile, 'xdg-data'),
  };
  const common = [
    CODE_SERVER_ENTRY,
    '--config', path.join(profile, 'config.yaml'),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  if (options.vsix) {
    await execFileAsync(process.execPath, [...common, '--install-extension', options.vsix], { env });
  }

  const logFile = path.join(BUILD_DIR, 'code-server.log');
  fs.mkdirSync(BUILD_DIR, { recursive: true });
  const log = fs.createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    [...common, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', workspace],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const origin = await waitForListening(child, logFile);

  return {
    workspace,
    extensionsDir,
    workbenchUrl: `${origin}/?folder=${encodeURIComponent(workspace)}`,
    async stop() {
      await stopProcess(child);
      copyLogs(userDataDir);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Resolves with the server's origin once it prints the line saying it listens. */
function waitForListening(child: ChildProcess, logFile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error('code-server did not start within 60 s')), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(match[1]);
      }
    };
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(new Error(`${error.message}; see ${logFile}`));
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`code-server exited with ${code}`)));
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** Keeps the extension host and server logs of the run for reading after a failure. */
function copyLogs(userDataDir: string): void {
  const logs = path.join(userDataDir, 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(BUILD_DIR, 'logs'), { recursive: true });
}
