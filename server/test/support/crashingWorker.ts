// A stand-in analysis worker for AnalysisClient tests: it answers `test/ping` and dies on `test/crash`, the way
// a worker dies on an out-of-memory error or a native crash.

import { parentPort } from 'node:worker_threads';
import { createMessageConnection, RequestType } from 'vscode-jsonrpc/node';
import { PortMessageReader, PortMessageWriter } from '../../src/messagePortTransport';

export const PingRequest = new RequestType<object, string, void>('test/ping');
export const CrashRequest = new RequestType<object, void, void>('test/crash');

if (parentPort) {
  const connection = createMessageConnection(new PortMessageReader(parentPort), new PortMessageWriter(parentPort));
  connection.onRequest(PingRequest, () => 'pong');
  connection.onRequest(CrashRequest, () => process.exit(3));
  connection.listen();
}
