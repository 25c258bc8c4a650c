import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves a built single-page app from `staticDir` at `/`. Unknown paths that a browser navigates to
 * (GET, accepting HTML, not under `/api/` or `/files/`) get `index.html`, so client-side routes survive
 * a reload; everything else that is unknown is a JSON 404.
 */
export async function staticRoutes(app: FastifyInstance, staticDir: string) {
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`STATIC_DIR ${staticDir} has no index.html. Build the app first, or unset STATIC_DIR.`);
  }
  await app.register(fastifyStatic, { root: staticDir, index: ['index.html'], wildcard: true });
}

/** Whether an unmatched request should get the SPA's index.html. */
export function wantsAppShell(request: {
  method: string;
  url: string;
  headers: { accept?: string };
}): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (/^\/(api|files)(\/|$|\?)/.test(request.url)) return false;
  return (request.headers.accept ?? '').includes('text/html');
}
