import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { optionsFromEnv, parseCorsOrigins, startServer } from '../src';
import { resolveOptions } from '../src/config';

describe('configuration', () => {
  it('has the documented defaults', () => {
    expect(resolveOptions({})).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      dataDir: resolve('./.data'),
      corsOrigins: [],
      maxUploadBytes: 29_360_128,
    });
  });

  it('reads HOST, PORT, DATA_DIR, CORS_ORIGINS and STATIC_DIR from the environment', () => {
    expect(
      optionsFromEnv({
        HOST: '0.0.0.0',
        PORT: '9000',
        DATA_DIR: '/srv/im',
        CORS_ORIGINS: 'http://localhost:5173/, /^http:\\/\\/127\\.0\\.0\\.1:\\d+$/',
        STATIC_DIR: './dist',
        LOG_LEVEL: 'info',
      }),
    ).toEqual({
      host: '0.0.0.0',
      port: 9000,
      dataDir: '/srv/im',
      corsOrigins: ['http://localhost:5173', /^http:\/\/127\.0\.0\.1:\d+$/],
      staticDir: './dist',
      logLevel: 'info',
    });
    expect(optionsFromEnv({})).toEqual({});
  });

  it('says what is wrong with a bad PORT or LOG_LEVEL', () => {
    expect(() => optionsFromEnv({ PORT: 'eighty' })).toThrow(/PORT must be a number/);
    expect(() => optionsFromEnv({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of/);
    expect(() => resolveOptions({ port: 70000 })).toThrow(/port/);
  });

  it('matches CORS patterns against whole origins only', () => {
    const [pattern] = parseCorsOrigins('/^https:\\/\\/app\\.example$/');
    expect((pattern as RegExp).test('https://app.example')).toBe(true);
    expect((pattern as RegExp).test('https://app.example.evil')).toBe(false);
  });

  it('refuses a STATIC_DIR without index.html, and leaves the data directory usable', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'im-config-'));
    try {
      await expect(startServer({ port: 0, dataDir, staticDir: dataDir })).rejects.toThrow(/index\.html/);
      const server = await startServer({ port: 0, dataDir });
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      await server.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
