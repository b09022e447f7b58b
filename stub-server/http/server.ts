import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Portal, type PortalDeps } from '../portal';
import { createApp } from './app';

export interface ServerOptions extends PortalDeps {
  port?: number;
  host?: string;
  adminToken: string;
  log?: (line: string) => void;
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
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    portal,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await options.store.close();
    },
  };
}
