import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import type { ServerDeps, ServerOptions } from './deps.js';
import type { Route } from './route.js';

export interface StartOptions extends ServerOptions {
  deps: ServerDeps;
  /** 0 picks a free port (tests). */
  port?: number;
  /** Loopback by default: serving other machines is a choice made on purpose. */
  host?: string;
  /** A client must send its headers within this time (slowloris), 10 s by default. */
  headersTimeoutMs?: number;
  /** …and its whole request within this one, 5 min by default (a large batch takes a while). */
  requestTimeoutMs?: number;
  /** The registry's routes, registered beside the server's own. */
  routes?: readonly Route[];
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT` as bound. */
  url: string;
  port: number;
  /** Stops accepting, lets requests in flight finish, writes the decisions held, then resolves. */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { app, flush } = createApp(options.deps, options, options.routes);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve(
      {
        fetch: app.fetch,
        port: options.port ?? 8080,
        hostname: host,
        serverOptions: {
          headersTimeout: options.headersTimeoutMs ?? 10_000,
          requestTimeout: options.requestTimeoutMs ?? 300_000,
          // Node checks the two timeouts at this interval (30 s by default): check within a second.
          connectionsCheckingInterval: Math.min(1000, options.headersTimeoutMs ?? 10_000),
        },
      },
      () => resolve(started as Server),
    ) as Server;
    started.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections would hold close() open; busy ones finish first.
        server.closeIdleConnections();
      });
      await flush();
    },
  };
}
