/** Starts the web app on a port and resolves once it is listening (or rejects, e.g. port in use). */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import { createWebApp, type WebAppOptions } from './create-web-app.ts';

export interface RunningWebServer {
  url: string;
  /** The Express app (tests walk its routes). */
  expressApp: Express;
  close(): Promise<void>;
}

export function startWebServer(
  options: WebAppOptions & { port: number; host?: string },
): Promise<RunningWebServer> {
  const app = createWebApp(options);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server: Server = app.listen(options.port, host);
    server.once('error', (error: NodeJS.ErrnoException) => {
      const hint =
        error.code === 'EADDRINUSE'
          ? `port ${options.port} is in use; set PORT or pass --port`
          : error.message;
      reject(new CodedError(ErrorCode.BadArgument, `The web server could not start: ${hint}`));
    });
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
        expressApp: app,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
