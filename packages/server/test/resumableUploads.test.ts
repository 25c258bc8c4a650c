import { readdir } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_MAX_BYTES } from '../src';
import { eventually } from './support/eventually';
import { jpegWithLongPrologue } from './support/jpegWithLongPrologue';
import { fixture, newId, sha256, startTestServer, type TestServer } from './support/testServer';
import { createUpload, cutPatch, patch, rawPatchHeaders, sendUpload, tus } from './support/tus';

// tus 1.0 on the reference server (`/api/uploads`), over real HTTP with real files in DATA_DIR/uploads.

let server: TestServer;
let alice: string;
let bob: string;

beforeAll(async () => {
  server = await startTestServer();
  alice = await server.login('alice');
  bob = await server.login('bob');
});
afterAll(() => server.dispose());

const uploadsDir = () => join(server.dataDir, 'uploads');
const uploadFiles = async () => (await readdir(uploadsDir())).sort();
const idOf = (url: string) => url.split('/').pop() as string;

/** A real JPEG padded to `size` bytes, with random bytes at the end so each one is unique. */
function jpeg(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(fixture('photo.jpg'));
  crypto.getRandomValues(bytes.subarray(size - 64));
  return bytes;
}

async function expectNoUpload(url: string) {
  expect((await tus(url, 'HEAD', { token: alice })).status).toBe(404);
  expect((await uploadFiles()).filter((name) => name.startsWith(idOf(url)))).toEqual([]);
}

describe('discovery', () => {
  it('OPTIONS /api/uploads (no token) names tus 1.0.0, its extensions and the 28 MiB limit', async () => {
    const answer = await tus(`${server.url}/api/uploads`, 'OPTIONS');
    expect(answer.status).toBe(204);
    expect(answer.headers.get('tus-version')).toBe('1.0.0');
    expect(answer.headers.get('tus-extension')?.split(',')).toEqual(
      expect.arrayContaining(['creation', 'termination', 'expiration']),
    );
    expect(answer.headers.get('tus-extension')).not.toContain('creation-defer-length');
    expect(Number(answer.headers.get('tus-max-size'))).toBe(IMAGE_MAX_BYTES);
  });
});

describe('an upload in pieces, then a send that refers to it', () => {
  it('stores one message whose ORIGIN is byte-identical; the upload is gone; a repeat send changes nothing', async () => {
    const bytes = jpeg(3 * 1024 * 1024);
    const url = await createUpload(server.url, alice, bytes.length);
    expect(url).toMatch(new RegExp(`^${server.url}/api/uploads/[0-9a-f]{32}$`));
    const half = 1024 * 1024 + 17;
    expect((await patch(url, alice, 0, bytes.subarray(0, half))).headers.get('upload-offset')).toBe(
      String(half),
    );
    const head = await tus(url, 'HEAD', { token: alice });
    expect(head.status).toBe(200);
    expect(head.headers.get('upload-offset')).toBe(String(half));
    expect(head.headers.get('upload-length')).toBe(String(bytes.length));
    expect(head.headers.get('cache-control')).toBe('no-store');
    const last = await patch(url, alice, half, bytes.subarray(half));
    expect(last.status).toBe(204);
    expect(last.headers.get('upload-offset')).toBe(String(bytes.length));

    const id = newId();
    const sent = await sendUpload(server.url, alice, id, url);
    expect(sent.status).toBe(200);
    const origin = sent.body.data?.imageElem.imageList[0];
    expect(origin?.size).toBe(bytes.length);
    const download = await fetch(origin?.url as string);
    expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(sha256(bytes));
    await expectNoUpload(url);

    const again = await sendUpload(server.url, alice, id, url);
    expect(again.status).toBe(200);
    expect(again.body.data?.msgID).toBe(sent.body.data?.msgID);
    const list = await server.get<{ messages: { id: string }[] }>(
      '/api/conversations/c2c_bob/messages',
      alice,
    );
    expect(list.body.data?.messages.filter((message) => message.id === id)).toHaveLength(1);
  });

  it('a PATCH cut off mid-body keeps what arrived: HEAD gives the offset and the upload continues from it', async () => {
    const bytes = jpeg(4 * 1024 * 1024);
    const url = await createUpload(server.url, alice, bytes.length);
    await cutPatch(url, alice, 0, bytes, 2 * 1024 * 1024);
    // The server may still be writing what it had when the cut reached it.
    const offset = await eventually(async () => {
      const head = await tus(url, 'HEAD', { token: alice });
      expect(head.status).toBe(200);
      const value = Number(head.headers.get('upload-offset'));
      expect(value).toBeGreaterThan(0);
      return value;
    });
    expect(offset).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect((await patch(url, alice, offset, bytes.subarray(offset))).status).toBe(204);
    const sent = await sendUpload(server.url, alice, newId(), url);
    const origin = sent.body.data?.imageElem.imageList[0];
    expect(sha256(new Uint8Array(await (await fetch(origin?.url as string)).arrayBuffer()))).toBe(
      sha256(bytes),
    );
  });

  it('a PATCH whose client stalls holding the lock: a HEAD takes over within a second, keeping what arrived', async () => {
    const bytes = jpeg(4 * 1024 * 1024);
    const url = await createUpload(server.url, alice, bytes.length);
    const half = 2 * 1024 * 1024;
    // Sends half of what it declares, then neither sends nor closes.
    const stalled = request(url, { method: 'PATCH', headers: rawPatchHeaders(alice, 0, bytes.length) });
    stalled.on('error', () => undefined);
    await new Promise<void>((resolve) => stalled.write(bytes.subarray(0, half), () => resolve()));
    try {
      // Let the server take the bytes in flight, then come back as a resuming client would.
      const offset = await eventually(async () => {
        const head = await tus(url, 'HEAD', { token: alice });
        expect(head.status).toBe(200);
        const value = Number(head.headers.get('upload-offset'));
        expect(value).toBe(half);
        return value;
      });
      expect((await patch(url, alice, offset, bytes.subarray(offset))).status).toBe(204);
    } finally {
      stalled.destroy();
    }
    const sent = await sendUpload(server.url, alice, newId(), url);
    const download = await fetch(sent.body.data?.imageElem.imageList[0]?.url as string);
    expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(sha256(bytes));
  });

  it('DELETE terminates an upload: its partial file and record are removed', async () => {
    const bytes = jpeg(1024 * 1024);
    const url = await createUpload(server.url, alice, bytes.length);
    await patch(url, alice, 0, bytes.subarray(0, 300_000));
    expect((await uploadFiles()).filter((name) => name.startsWith(idOf(url)))).toHaveLength(2);
    expect((await tus(url, 'DELETE', { token: alice })).status).toBe(204);
    await expectNoUpload(url);
  });
});

describe('creation-with-upload: one POST carrying the image', () => {
  it('finishes the upload at once; the send stores it byte-identical', async () => {
    const bytes = jpeg(3 * 1024 * 1024);
    const created = await tus(`${server.url}/api/uploads`, 'POST', {
      token: alice,
      headers: { 'upload-length': String(bytes.length), 'upload-metadata': `filename ${btoa('photo.jpg')}` },
      body: bytes,
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('upload-offset')).toBe(String(bytes.length));
    // Finished: nothing left to expire.
    expect(created.headers.get('upload-expires')).toBeNull();
    const url = created.headers.get('location') as string;
    const head = await tus(url, 'HEAD', { token: alice });
    expect(head.headers.get('upload-offset')).toBe(String(bytes.length));

    const sent = await sendUpload(server.url, alice, newId(), url);
    expect(sent.status).toBe(200);
    const origin = sent.body.data?.imageElem.imageList[0];
    expect(sha256(new Uint8Array(await (await fetch(origin?.url as string)).arrayBuffer()))).toBe(
      sha256(bytes),
    );
    await eventually(() => expectNoUpload(url));
  });

  it('an upload whose frame header lies past its first 128 KiB is read from its file', async () => {
    // Three 65 KB APP2 segments right after SOI: the frame header is past what the upload keeps in memory.
    const bytes = new Uint8Array(await jpegWithLongPrologue(3));
    const created = await tus(`${server.url}/api/uploads`, 'POST', {
      token: alice,
      headers: { 'upload-length': String(bytes.length) },
      body: bytes,
    });
    expect(created.status).toBe(201);
    const url = created.headers.get('location') as string;
    const sent = await sendUpload(server.url, alice, newId(), url);
    expect(sent.status).toBe(200);
    expect(sent.body.data?.imageElem.imageList[0]).toMatchObject({
      width: 64,
      height: 48,
      size: bytes.length,
    });
    // The send tidies the upload's record after answering: gone soon after.
    await eventually(() => expectNoUpload(url));
  });
});

describe('bad input against the tus endpoints: the right 4xx, in the envelope, nothing stored', () => {
  it('no token: 401 / 6014, no upload made', async () => {
    const before = await uploadFiles();
    const answer = await tus(`${server.url}/api/uploads`, 'POST', { headers: { 'upload-length': '10' } });
    expect(answer.status).toBe(401);
    expect(answer.body?.code).toBe(6014);
    expect(await uploadFiles()).toEqual(before);
  });

  it('Upload-Length over 28 MiB: 413 / 7005 naming the limit, before any byte', async () => {
    const before = await uploadFiles();
    const answer = await tus(`${server.url}/api/uploads`, 'POST', {
      token: alice,
      headers: { 'upload-length': String(IMAGE_MAX_BYTES + 1) },
    });
    expect(answer.status).toBe(413);
    expect(answer.body?.code).toBe(7005);
    expect(answer.body?.desc).toContain('28 MB');
    expect(await uploadFiles()).toEqual(before);
  });

  it('no Upload-Length (deferred) or zero: 400', async () => {
    const deferred = await tus(`${server.url}/api/uploads`, 'POST', {
      token: alice,
      headers: { 'upload-defer-length': '1' },
    });
    expect(deferred.status).toBe(400);
    expect(deferred.body?.code).toBe(6017);
    const empty = await tus(`${server.url}/api/uploads`, 'POST', {
      token: alice,
      headers: { 'upload-length': '0' },
    });
    expect(empty.status).toBe(400);
    expect(empty.body?.code).toBe(7006);
  });

  it('a wrong Upload-Offset: 409 / 6017, nothing written', async () => {
    const bytes = jpeg(200_000);
    const url = await createUpload(server.url, alice, bytes.length);
    await patch(url, alice, 0, bytes.subarray(0, 1000));
    for (const offset of [0, 999, 1001, 5000]) {
      const answer = await patch(url, alice, offset, bytes.subarray(offset, offset + 100));
      expect(answer.status).toBe(409);
      expect(answer.body?.code).toBe(6017);
      expect(answer.body?.desc).toMatch(/HEAD/);
    }
    expect((await tus(url, 'HEAD', { token: alice })).headers.get('upload-offset')).toBe('1000');
  });

  it('a body past Upload-Length: 413, and nothing past the length is kept', async () => {
    const url = await createUpload(server.url, alice, 1000);
    const answer = await patch(url, alice, 0, jpeg(5000));
    expect(answer.status).toBe(413);
    expect(answer.body?.code).toBe(7005);
    expect(
      Number((await tus(url, 'HEAD', { token: alice })).headers.get('upload-offset')),
    ).toBeLessThanOrEqual(1000);
  });

  it('a chunked body (no Content-Length) past Upload-Length: 413 / 7005 while streaming, nothing past the length kept', async () => {
    const url = await createUpload(server.url, alice, 100_000);
    const answer = await new Promise<{ status?: number; body: string }>((resolve) => {
      const req = request(url, { method: 'PATCH', headers: rawPatchHeaders(alice, 0, 'chunked') });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode, body }));
      });
      req.on('error', () => resolve({ body: '' }));
      req.write(jpeg(60_000));
      req.write(jpeg(60_000), () => req.end());
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).code).toBe(7005);
    const offset = Number((await tus(url, 'HEAD', { token: alice })).headers.get('upload-offset'));
    expect(offset).toBeLessThanOrEqual(100_000);
  });

  it('another user’s upload URL is "not found" for HEAD, PATCH, DELETE and a send; the owner’s upload is untouched', async () => {
    const bytes = jpeg(100_000);
    const url = await createUpload(server.url, alice, bytes.length);
    await patch(url, alice, 0, bytes.subarray(0, 50_000));
    expect((await tus(url, 'HEAD', { token: bob })).status).toBe(404);
    const foreignPatch = await patch(url, bob, 50_000, bytes.subarray(50_000));
    expect(foreignPatch.status).toBe(404);
    expect(foreignPatch.body?.code).toBe(7004);
    expect((await tus(url, 'DELETE', { token: bob })).status).toBe(404);
    const id = newId();
    const foreignSend = await sendUpload(server.url, bob, id, url);
    expect(foreignSend.status).toBe(404);
    expect((await server.get(`/api/messages/${id}`, bob)).status).toBe(404);

    expect((await tus(url, 'HEAD', { token: alice })).headers.get('upload-offset')).toBe('50000');
    expect((await patch(url, alice, 50_000, bytes.subarray(50_000))).status).toBe(204);
    // Even finished, it stays alice's.
    expect((await sendUpload(server.url, bob, newId(), url)).status).toBe(404);
    expect((await sendUpload(server.url, alice, newId(), url)).status).toBe(200);
  });

  it('a finished upload that is not an image: the last PATCH is 415 / 6031 and the upload is deleted', async () => {
    const garbage = new TextEncoder().encode('%PDF-1.7 this is not an image at all '.repeat(100));
    const url = await createUpload(server.url, alice, garbage.length);
    const answer = await patch(url, alice, 0, garbage);
    expect(answer.status).toBe(415);
    expect(answer.body?.code).toBe(6031);
    await expectNoUpload(url);
  });

  it('an unfinished upload cannot be sent; a malformed X-Upload-URL is 400', async () => {
    const bytes = jpeg(100_000);
    const url = await createUpload(server.url, alice, bytes.length);
    await patch(url, alice, 0, bytes.subarray(0, 10));
    const id = newId();
    const early = await sendUpload(server.url, alice, id, url);
    expect(early.status).toBe(400);
    expect(early.body.desc).toMatch(/not finished \(10 of 100000 bytes\)/);
    for (const bad of [
      'nope',
      `${server.url}/api/uploads/../../etc/passwd`,
      `${server.url}/api/uploads/ABC`,
    ]) {
      expect((await sendUpload(server.url, alice, id, bad)).status).toBe(400);
    }
    expect((await server.get(`/api/messages/${id}`, alice)).status).toBe(404);
    expect((await tus(url, 'HEAD', { token: alice })).headers.get('upload-offset')).toBe('10');
  });

  it('protocol errors answer the envelope: no Tus-Resumable, no Upload-Offset, a wrong Content-Type, an unknown id', async () => {
    const url = await createUpload(server.url, alice, 100);
    const noVersion = await fetch(url, { method: 'HEAD', headers: { authorization: `Bearer ${alice}` } });
    expect(noVersion.status).toBe(412);
    const noOffset = await tus(url, 'PATCH', { token: alice, body: new Uint8Array(10) });
    expect(noOffset.status).toBe(403);
    expect(noOffset.body?.code).toBe(6017);
    const wrongType = await tus(url, 'PATCH', {
      token: alice,
      headers: { 'upload-offset': '0', 'content-type': 'image/jpeg' },
      body: new Uint8Array(10),
    });
    expect(wrongType.status).toBeGreaterThanOrEqual(400);
    expect(wrongType.status).toBeLessThan(500);
    expect(wrongType.body?.code).toBe(6017);
    for (const unknown of ['0123456789abcdef0123456789abcdef', '..%2F..%2Fim.sqlite', 'x']) {
      const answer = await tus(`${server.url}/api/uploads/${unknown}`, 'HEAD', { token: alice });
      expect(answer.status).toBe(404);
    }
    expect((await tus(url, 'HEAD', { token: alice })).headers.get('upload-offset')).toBe('0');
  });
});

describe('expiry', () => {
  it('unfinished uploads past the expiry are deleted by the server’s periodic cleanup', async () => {
    const short = await startTestServer({ uploadExpiryMs: 400, uploadCleanupIntervalMs: 100 });
    try {
      const token = await short.login('alice');
      const url = await createUpload(short.url, token, 100_000);
      await patch(url, token, 0, jpeg(100_000).subarray(0, 40_000));
      expect(await readdir(join(short.dataDir, 'uploads'))).toHaveLength(2);
      await eventually(async () => expect(await readdir(join(short.dataDir, 'uploads'))).toEqual([]), 5000);
      const head = await tus(url, 'HEAD', { token });
      expect([404, 410]).toContain(head.status);
    } finally {
      await short.dispose();
    }
  });
});

describe('restart', () => {
  it('a finished upload survives a restart: the new server sends it', async () => {
    const first = await startTestServer();
    const bytes = jpeg(1024 * 1024);
    const token = await first.login('alice');
    const url = await createUpload(first.url, token, bytes.length);
    expect((await patch(url, token, 0, bytes)).status).toBe(204);
    await first.close();

    const second = await startTestServer({ dataDir: first.dataDir });
    try {
      const sent = await sendUpload(second.url, token, newId(), url.replace(first.url, second.url));
      expect(sent.status).toBe(200);
      const served = await fetch(sent.body.data?.imageElem.imageList[0]?.url as string);
      expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(sha256(bytes));
    } finally {
      await second.dispose();
    }
  });

  it('an unfinished upload survives a restart and continues against the new server', async () => {
    const first = await startTestServer();
    const bytes = jpeg(2 * 1024 * 1024);
    const token = await first.login('alice');
    const url = await createUpload(first.url, token, bytes.length);
    await patch(url, token, 0, bytes.subarray(0, 700_000));
    await first.close();

    const second = await startTestServer({ dataDir: first.dataDir });
    try {
      const moved = url.replace(first.url, second.url);
      const head = await tus(moved, 'HEAD', { token });
      expect(head.headers.get('upload-offset')).toBe('700000');
      expect((await patch(moved, token, 700_000, bytes.subarray(700_000))).status).toBe(204);
      const sent = await sendUpload(second.url, token, newId(), moved);
      expect(sent.status).toBe(200);
      const served = await fetch(sent.body.data?.imageElem.imageList[0]?.url as string);
      expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(sha256(bytes));
    } finally {
      await second.dispose();
    }
  });
});
