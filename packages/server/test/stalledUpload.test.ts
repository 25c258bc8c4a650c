import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionsFromEnv } from '../src';
import { resolveOptions } from '../src/config';
import { eventually } from './support/eventually';
import { fixture, newId, startTestServer, type TestServer } from './support/testServer';

// An upload whose body stops arriving (a stalled client, or a proxy that stopped forwarding and never
// closes) must not hold its connection and a partial file forever: fastify turns Node's request timeout
// off, so the server watches each body itself (`uploadIdleTimeoutMs`).

let server: TestServer;
let alice: string;

beforeAll(async () => {
  server = await startTestServer({ uploadIdleTimeoutMs: 400 });
  alice = await server.login('alice');
});
afterAll(() => server.dispose());

/** Sends the headers and `partial` bytes of a body of `declared` bytes, then nothing; resolves on close. */
function stalledPut(id: string, partial: Uint8Array, declared?: number) {
  return new Promise<{ answer: string; closed: boolean }>((resolve, reject) => {
    const { hostname, port } = new URL(server.url);
    const socket = connect({ host: hostname, port: Number(port) });
    let answer = '';
    const length = declared === undefined ? 'Transfer-Encoding: chunked' : `Content-Length: ${declared}`;
    socket.setEncoding('latin1');
    socket.on('data', (text: string) => {
      answer += text;
    });
    socket.on('close', () => resolve({ answer, closed: true }));
    socket.on('error', reject);
    socket.on('connect', () => {
      socket.write(
        `PUT /api/messages/${id}?receiver=bob HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${alice}\r\n${length}\r\n\r\n`,
      );
      if (declared === undefined) socket.write(`${partial.length.toString(16)}\r\n`);
      socket.write(partial);
    });
  });
}

describe('a stalled upload', () => {
  it.each([
    ['with a Content-Length', 5_000_000],
    ['chunked', undefined],
  ])('%s is cut with 408 / 6012 and leaves no file and no message', async (_, declared) => {
    const id = newId();
    const partial = Buffer.alloc(256 * 1024);
    fixture('photo.jpg').copy(partial);
    const stalled = stalledPut(id, partial, declared);
    // The server started writing it…
    await eventually(async () => expect((await server.storedFiles()).tmp).toHaveLength(1));
    // …and, once nothing more came, answered, closed the connection and removed the file.
    const { answer, closed } = await stalled;
    expect(closed).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      code: 6012,
      desc: 'The upload sent nothing for 400 ms, so it was stopped and nothing was kept. Send it again.',
    });
    await eventually(async () => expect((await server.storedFiles()).tmp).toEqual([]));
    expect((await server.storedFiles()).images.filter((name) => name.startsWith(id))).toEqual([]);
    expect((await server.get(`/api/messages/${id}`, alice)).status).toBe(404);
  });

  it('a slow but steady upload is not cut', async () => {
    const id = newId();
    const bytes = Buffer.alloc(64 * 1024);
    fixture('photo.jpg').copy(bytes);
    const { hostname, port } = new URL(server.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: hostname, port: Number(port) });
      let text = '';
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => {
        text += chunk;
        if (/\r\n\r\n[\s\S]*\}$/.test(text)) socket.end();
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.on('connect', async () => {
        socket.write(
          `PUT /api/messages/${id}?receiver=bob HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${alice}\r\nContent-Length: ${bytes.length}\r\n\r\n`,
        );
        // Eight pieces, 150 ms apart: 1.2 s in all, three times the idle limit, never idle for long.
        for (let at = 0; at < bytes.length; at += 8192) {
          socket.write(bytes.subarray(at, at + 8192));
          await new Promise((done) => setTimeout(done, 150));
        }
      });
    });
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect((await server.get(`/api/messages/${id}`, alice)).status).toBe(200);
  });
});

describe('uploadIdleTimeoutMs', () => {
  it('defaults to 30 s and is read from UPLOAD_IDLE_TIMEOUT_MS', () => {
    expect(resolveOptions({}).uploadIdleTimeoutMs).toBe(30_000);
    expect(optionsFromEnv({ UPLOAD_IDLE_TIMEOUT_MS: '5000' })).toEqual({ uploadIdleTimeoutMs: 5000 });
    expect(() => optionsFromEnv({ UPLOAD_IDLE_TIMEOUT_MS: 'soon' })).toThrow(/UPLOAD_IDLE_TIMEOUT_MS/);
    expect(() => optionsFromEnv({ UPLOAD_IDLE_TIMEOUT_MS: '0' })).toThrow(/UPLOAD_IDLE_TIMEOUT_MS/);
  });
});
