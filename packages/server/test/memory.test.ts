import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamingPut } from './support/rawHttp';
import { fixture, newId, startTestServer, type TestServer } from './support/testServer';

// Peak *live* memory while the server handles a body: garbage is collected before every sample, so what
// remains is what server and client hold on to (the client reuses one 64 KiB chunk). Node allocates each 64 KiB socket read afresh and V8 frees
// them lazily, so resident memory (RSS) mostly shows collector lag, not buffering; this does not.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MiB = 1024 * 1024;
let server: TestServer;
let alice: string;

beforeAll(async () => {
  server = await startTestServer();
  alice = await server.login('alice');
  await server.send(alice, { bytes: fixture('photo.jpg'), receiver: 'bob' }); // warm up sharp and the routes
});
afterAll(() => server.dispose());

/**
 * Samples live ArrayBuffer memory (after a full GC, which takes ~25 ms here) each time the client has
 * written another 2 MiB, and once more at the end.
 */
function liveMemorySampler() {
  gc();
  const baseline = process.memoryUsage().arrayBuffers;
  let peak = 0;
  let nextSample = 0;
  const sample = () => {
    gc();
    peak = Math.max(peak, process.memoryUsage().arrayBuffers - baseline);
  };
  return {
    onWrite(written: number) {
      if (written < nextSample) return;
      nextSample = written + 2 * MiB;
      sample();
    },
    peak() {
      sample();
      return peak;
    },
  };
}

describe('memory while handling a body (server and client in this process)', () => {
  it('stays far below the body size while refusing 100 MiB', async () => {
    const memory = liveMemorySampler();
    const result = await streamingPut(`${server.url}/api/messages/${newId()}?receiver=bob`, {
      headers: { authorization: `Bearer ${alice}`, 'transfer-encoding': 'chunked' },
      total: 100 * MiB,
      first: fixture('photo.jpg'),
      onWrite: memory.onWrite,
    });
    const peak = memory.peak();
    expect(result.status).toBe(413);
    console.info(`peak live ArrayBuffer memory while refusing 100 MiB: ${(peak / MiB).toFixed(2)} MiB`);
    expect(peak).toBeLessThan(8 * MiB);
  });

  it('stays far below the body size while storing 28 MiB', async () => {
    const memory = liveMemorySampler();
    const result = await streamingPut(`${server.url}/api/messages/${newId()}?receiver=bob`, {
      headers: { authorization: `Bearer ${alice}`, 'content-length': 28 * MiB },
      total: 28 * MiB,
      first: fixture('photo.jpg'),
      onWrite: memory.onWrite,
    });
    const peak = memory.peak();
    expect(result.status).toBe(200);
    console.info(`peak live ArrayBuffer memory while storing 28 MiB: ${(peak / MiB).toFixed(2)} MiB`);
    expect(peak).toBeLessThan(8 * MiB);
  });
});
