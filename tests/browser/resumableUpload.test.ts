import {
  createHttpTransport,
  createMessageManager,
  ErrorCode,
  fileToImageMessageParams,
  type HttpTransportOptions,
  type V2TimMessage,
} from '@image-message/core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { digest, noisePng, signIn } from './support';
import type { LabStats } from './tusLab';

// Resumable uploads (tus) over XMLHttpRequest in each real engine, through the lab proxy in front of the
// real reference server (globalSetup.ts, tusLab.ts): the connection cut at 60 %, the server restarted
// mid-upload, a cancel. Each ends with one message whose ORIGIN is byte-identical, or with nothing left.

const labUrl = inject('labUrl');
const CHUNK = 2 * 1024 * 1024;
let token: string;

beforeAll(async () => {
  token = await signIn(labUrl, 'alice');
});

async function lab(action: 'reset' | 'restart' | 'stats', query = ''): Promise<LabStats> {
  const response = await fetch(`${labUrl}/__lab/${action}${query}`, {
    method: action === 'stats' ? 'GET' : 'POST',
  });
  return (await response.json()) as LabStats;
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function prepare(options: Partial<HttpTransportOptions> = {}) {
  const manager = createMessageManager({
    transport: createHttpTransport({
      baseUrl: labUrl,
      token,
      chunkBytes: CHUNK,
      retryDelayMs: 50,
      ...options,
    }),
  });
  // About 9 MB of noise: several chunks, and long enough at 8 MB/s to cut or restart half-way.
  const params = await fileToImageMessageParams(await noisePng(2000, 1500));
  const created = await manager.createImageMessage(params);
  if (!created.data) throw new Error(created.desc);
  return { manager, id: created.data.id, bytes: params.fileContent };
}

async function storedWithId(id: string): Promise<V2TimMessage[]> {
  const response = await fetch(`${labUrl}/api/conversations/c2c_bob/messages?limit=200`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const page = (await response.json()) as { data: { messages: V2TimMessage[] } };
  return page.data.messages.filter((message) => message.id === id);
}

async function expectOneIdenticalMessage(id: string, bytes: Uint8Array) {
  const stored = await storedWithId(id);
  expect(stored).toHaveLength(1);
  const origin = stored[0]?.imageElem?.imageList?.find((image) => image.type === 0);
  expect(await digest(await (await fetch(origin?.url as string)).arrayBuffer())).toBe(await digest(bytes));
  expect((await lab('stats')).uploads).toEqual([]);
}

describe('resumable uploads (tus)', { timeout: 60_000 }, () => {
  it('the connection cut at ~60 %: resumes from the server’s offset, re-sends at most one chunk; one message, same bytes', async () => {
    const { manager, id, bytes } = await prepare();
    await lab('reset', `?cutAt=${Math.round(bytes.byteLength * 0.6)}`);
    const progress: number[] = [];
    const result = await manager.sendMessage({
      id,
      receiver: 'bob',
      onProgress: (value) => progress.push(value),
    });

    expect(result.code).toBe(ErrorCode.SUCC);
    const stats = await lab('stats');
    expect(stats.cut).toBe(true);
    expect(stats.uploadBytes).toBeGreaterThan(bytes.byteLength);
    expect(stats.uploadBytes).toBeLessThanOrEqual(bytes.byteLength + CHUNK);
    expect(stats.requests.filter((r) => r.startsWith('HEAD '))).toHaveLength(1);
    expect(stats.requests.filter((r) => r.startsWith('POST /api/uploads'))).toHaveLength(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(100);
    await expectOneIdenticalMessage(id, bytes);
  });

  it('the server restarted mid-upload: the same send resumes against the restarted server', async () => {
    const { manager, id, bytes } = await prepare({ retries: 6, retryDelayMs: 200 });
    await lab('reset');
    const sending = manager.sendMessage({ id, receiver: 'bob' });
    await until(async () => (await lab('stats')).uploadBytes > bytes.byteLength * 0.4);
    await lab('restart');

    expect((await sending).code).toBe(ErrorCode.SUCC);
    const stats = await lab('stats');
    expect(stats.uploadBytes).toBeLessThanOrEqual(bytes.byteLength + CHUNK);
    expect(stats.requests.filter((r) => r.startsWith('POST /api/uploads'))).toHaveLength(1);
    await expectOneIdenticalMessage(id, bytes);
  });

  it('cancel mid-upload: the upload is terminated and no partial file is left in DATA_DIR', async () => {
    const { manager, id } = await prepare();
    await lab('reset');
    const controller = new AbortController();
    const result = await manager.sendMessage({
      id,
      receiver: 'bob',
      signal: controller.signal,
      onProgress: (value) => {
        if (value >= 30) controller.abort();
      },
    });
    expect(result.code).toBe(ErrorCode.CANCELED);
    await until(async () => {
      const stats = await lab('stats');
      return stats.requests.some((r) => r.startsWith('DELETE /api/uploads/')) && stats.uploads.length === 0;
    });
    expect(await storedWithId(id)).toEqual([]);
  });
});
