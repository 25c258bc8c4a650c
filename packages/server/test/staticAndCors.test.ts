import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/testServer';

let server: TestServer;
let appDir: string;

beforeAll(async () => {
  appDir = await mkdtemp(join(tmpdir(), 'im-spa-'));
  await mkdir(join(appDir, 'assets'));
  await writeFile(join(appDir, 'index.html'), '<!doctype html><title>chat</title>');
  await writeFile(join(appDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startTestServer({
    staticDir: appDir,
    corsOrigins: ['http://localhost:5173', /^http:\/\/127\.0\.0\.1:\d+$/],
  });
});
afterAll(async () => {
  await server.dispose();
  await rm(appDir, { recursive: true, force: true });
});

const html = { accept: 'text/html,application/xhtml+xml' };

describe('staticDir', () => {
  it('serves the app, its assets, and index.html for client-side routes', async () => {
    expect(await (await fetch(`${server.url}/`, { headers: html })).text()).toContain('<title>chat</title>');
    const asset = await fetch(`${server.url}/assets/app.js`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    const route = await fetch(`${server.url}/c2c/bob`, { headers: html });
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>chat</title>');
  });

  it('keeps unknown API and file paths as JSON 404s', async () => {
    for (const path of ['/api/nope', '/files/x']) {
      const response = await fetch(`${server.url}${path}`, { headers: html });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { code: number }).code).toBe(7004);
    }
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(`${server.url}/api/messages/img_1?receiver=bob`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization,content-type,x-file-name',
      },
    });

  it('allows configured origins (exact and pattern), with the headers an upload needs', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:61234']) {
      const response = await preflight(origin);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-methods')).toContain('PUT');
      const allowed = response.headers.get('access-control-allow-headers')?.toLowerCase();
      expect(allowed).toContain('x-file-name');
      expect(allowed).toContain('x-image-placeholder');
      expect(allowed).toContain('x-image-description');
    }
    // Error answers carry the header too, so a page can read their code.
    const denied = await fetch(`${server.url}/api/users`, { headers: { origin: 'http://localhost:5173' } });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('gives other origins nothing', async () => {
    const response = await preflight('http://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${server.url}/api/health`, { headers: { origin: 'http://localhost:5174' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });
});
