import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '@image-message/server';
import type { TestProject } from 'vitest/node';
import { forward } from '../support/forward';
import { throttle } from '../support/throttle';
import { startTusLab } from './tusLab';

/** The vitest page runs on a loopback origin with a port chosen at run time. */
const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d+$/;

/**
 * Runs once before the browser tests, in Node. Starts what the browser cannot and hands the URLs to the
 * tests through `inject(…)`:
 * - `serverUrl`: the real reference server on a free loopback port, with a temporary DATA_DIR and CORS
 *   allowing the vitest page;
 * - `slowUrl`: the same server behind a proxy that reads uploads at about 8 MB/s, so an upload lasts long
 *   enough to watch its progress and to cancel it half-way;
 * - `stallUrl`: a port that accepts connections and never answers (for the stall timeout);
 * - `slowDownloadUrl`: the same server behind a proxy that answers after 300 ms and sends response bodies
 *   at about 200 KB/s, so images are still loading when the list of messages has rendered;
 * - `labUrl`: a second server (own DATA_DIR, restartable) behind a proxy that cuts uploads on demand
 *   (tusLab.ts), for resumable-upload faults;
 * - `noCorsUrl`: a server without CORS headers, so the browser blocks its answers.
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(join(tmpdir(), 'im-browser-'));
  const server = await startServer({ port: 0, dataDir, corsOrigins: [LOOPBACK_ORIGIN] });
  const slow = await startSlowProxy(server.url);
  const stall = await startSilentServer();
  const slowDownload = await startSlowDownloadProxy(server.url);
  // The same server on a second DATA_DIR, restartable, behind the tus lab proxy (tusLab.ts).
  const labDir = await mkdtemp(join(tmpdir(), 'im-browser-lab-'));
  let labServer = await startServer({ port: 0, dataDir: labDir, corsOrigins: [LOOPBACK_ORIGIN] });
  const lab = await startTusLab({
    url: () => labServer.url,
    dataDir: labDir,
    async restart() {
      await labServer.close();
      labServer = await startServer({ port: 0, dataDir: labDir, corsOrigins: [LOOPBACK_ORIGIN] });
    },
  });
  // A server that sends no CORS headers: from the page, its answers are blocked.
  const noCorsDir = await mkdtemp(join(tmpdir(), 'im-browser-nocors-'));
  const noCors = await startServer({ port: 0, dataDir: noCorsDir });
  project.provide('serverUrl', server.url);
  project.provide('slowDownloadUrl', slowDownload.url);
  project.provide('slowUrl', slow.url);
  project.provide('stallUrl', stall.url);
  project.provide('labUrl', lab.url);
  project.provide('noCorsUrl', noCors.url);

  return async () => {
    await Promise.all([slow.close(), stall.close(), slowDownload.close(), lab.close()]);
    await Promise.all([server.close(), labServer.close(), noCors.close()]);
    await Promise.all([dataDir, labDir, noCorsDir].map((dir) => rm(dir, { recursive: true, force: true })));
  };
}

/** Forwards every request to `target`, passing request bodies on at a bounded rate. */
async function startSlowProxy(target: string) {
  const proxy = createServer((req, res) => {
    forward(target, req, res, throttle(64 * 1024, 8));
  });
  return listen(proxy);
}

/** Forwards every request to `target`, answering late and passing response bodies on at a bounded rate. */
async function startSlowDownloadProxy(target: string) {
  const proxy = createServer((req, res) => {
    const upstream = request(
      `${target}${req.url}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        setTimeout(() => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(throttle(4 * 1024, 20)).pipe(res);
        }, 300);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return listen(proxy);
}

/** Accepts connections and never reads from or writes to them. */
async function startSilentServer() {
  const sockets = new Set<Socket>();
  const silent = createTcpServer((socket) => {
    sockets.add(socket);
    socket.pause();
    socket.on('close', () => sockets.delete(socket));
  });
  const listening = await listen(silent);
  return {
    url: listening.url,
    close() {
      for (const socket of sockets) socket.destroy();
      return listening.close();
    },
  };
}

async function listen(server: Server) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server)
          (server as { closeAllConnections(): void }).closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    slowUrl: string;
    stallUrl: string;
    slowDownloadUrl: string;
    labUrl: string;
    noCorsUrl: string;
  }
}
