import type { AddressInfo } from 'node:net';
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { Portal, PortalProblem, type PortalDeps } from '../portal';
import { createApp } from './app';

export interface ServerOptions extends PortalDeps {
  port?: number;
  host?: string;
  adminToken: string;
  log?: (line: string) => void;
  /** How often (real ms) expired codes, links, sessions and past days' counters are swept, by the server's clock. */
  sweepEveryMs?: number;
}

export interface RunningServer { url: string; portal: Portal; server: Server; close(): Promise<void> }

/** Starts the stub on host:port (port 0 picks a free one); `close` stops it and the store. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const portal = new Portal(options);
  const app = createApp({ portal, store: options.store, adminToken: options.adminToken, log: options.log });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port ?? 0, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  server.keepAliveTimeout = 65_000;
  server.on('clientError', answerClientError);
  server.on('checkExpectation', answerUnmetExpectation);
  const { port } = server.address() as AddressInfo;
  const sweeper = setInterval(() => sweep(portal, options), options.sweepEveryMs ?? 60_000);
  sweeper.unref();
  return {
    url: `http://${host}:${port}`,
    portal,
    server,
    close: async () => {
      clearInterval(sweeper);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await options.store.close();
    },
  };
}

/** One sweep, made durable like any change; a store that cannot commit now is tried again next time. */
function sweep(portal: Portal, options: ServerOptions): void {
  const swept = portal.sweepExpired(options.clock.now());
  if (Object.values(swept).every((n) => n === 0)) return;
  options.store.commit().catch(() => options.log?.('housekeeping: the sweep could not be saved yet'));
}

/** An `Expect:` other than 100-continue: Node would answer a bare 417; a problem says why. */
function answerUnmetExpectation(req: IncomingMessage, res: ServerResponse): void {
  const problem = new PortalProblem(417, 'EXPECTATION_FAILED', `the server meets no "Expect: ${String(req.headers.expect).slice(0, 100)}"; send the request without it`);
  const body = JSON.stringify(problem.toBody());
  res.writeHead(417, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(body), connection: 'close' });
  res.end(body);
}

/**
 * What Node refuses before Express sees it (a request line or headers over the size limit,
 * malformed HTTP) is answered as a problem too, like every other refusal.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const problem = error.code === 'HPE_HEADER_OVERFLOW'
    ? new PortalProblem(431, 'HEADERS_TOO_LARGE', 'the request line or the headers are larger than the server takes')
    : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? new PortalProblem(408, 'REQUEST_TIMEOUT', 'the request did not arrive in time')
      : new PortalProblem(400, 'BAD_REQUEST', 'the request is not valid HTTP');
  const body = JSON.stringify(problem.toBody());
  socket.end(`HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\ncontent-type: application/problem+json\r\n`
    + `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}
