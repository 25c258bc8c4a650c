import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServerMain, type ServerProcess, spawnServer } from './support/serverProcess';
import { startTestServer } from './support/testServer';

// Making THUMB/LARGE must never hold up other requests: decoding and resizing run in a worker thread.
// Before, a 407 KB RLE8 BMP claiming 7000×7000 (bmp-ts decodes on the calling thread) blocked the event
// loop for ~0.5 s: /api/health, and every other request, waited that long.

let server: ServerProcess;
let dataDir: string;
let alice: string;

// The server in its own process, so its main thread's CPU time can be read from /proc, apart from this
// process (the client) and from the worker thread.
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'im-never-stalls-'));
  server = await spawnServer(await buildServerMain('never-stalls'), { DATA_DIR: dataDir });
  alice = await login(server.url, 'alice');
}, 120_000);
afterAll(async () => {
  await server?.kill();
  await rm(dataDir, { recursive: true, force: true });
});

async function login(url: string, userID: string): Promise<string> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userID }),
  });
  return ((await response.json()) as { data: { token: string } }).data.token;
}

/**
 * CPU time (user + system, ms) the server's main thread — the event loop — has used so far: the
 * first task of the process is its main thread. Unlike a latency, it does not grow when other
 * processes keep the machine busy.
 */
function mainThreadCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in 1/100 s
}

/**
 * An RLE8 BMP of `width`×`height`, fully encoded (runs of 255 pixels, an end-of-line per row): small on
 * disk, `width × height × 4` bytes once decoded to RGBA.
 */
function rle8Bmp(width: number, height: number): Buffer {
  const row: number[] = [];
  for (let left = width; left > 0; left -= 255) row.push(Math.min(255, left), (left / 255) & 0xff);
  row.push(0, 0);
  const pixels = Buffer.alloc(row.length * height + 2);
  const rowBytes = Buffer.from(row);
  for (let y = 0; y < height; y++) rowBytes.copy(pixels, y * row.length);
  pixels.writeUInt16BE(0x0001, row.length * height); // end of bitmap
  const palette = Buffer.alloc(256 * 4);
  for (let i = 0; i < 256; i++) palette.writeUInt32LE((i << 16) | ((255 - i) << 8) | 128, i * 4);
  const header = Buffer.alloc(54);
  const offset = 54 + palette.length;
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(offset + pixels.length, 2);
  header.writeUInt32LE(offset, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(width, 18);
  header.writeInt32LE(height, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(8, 28);
  header.writeUInt32LE(1, 30); // BI_RLE8
  header.writeUInt32LE(pixels.length, 34);
  header.writeUInt32LE(256, 46);
  return Buffer.concat([header, palette, pixels]);
}

/**
 * Sends `bytes`, then, until THUMB is served (a download of a pending variant waits for its job), asks
 * /api/health every 100 ms. Returns the slowest health answer and the CPU time the server's event loop
 * used meanwhile (health answers included).
 */
async function whileMakingVariants(bytes: Uint8Array, fileName: string) {
  const pid = server.child.pid as number;
  const sent = await fetch(`${server.url}/api/messages/img_${randomBytes(16).toString('hex')}?receiver=bob`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${alice}`, 'x-file-name': fileName },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  expect(sent.status).toBe(200);
  const message = (
    (await sent.json()) as { data: { imageElem: { imageList: { type: number; url: string }[] } } }
  ).data;
  const cpuBefore = mainThreadCpuMs(pid);
  let done = false;
  const thumb = message.imageElem.imageList.find((image) => image.type === 1);
  const variant = fetch(thumb?.url as string).then(async (response) => {
    await response.arrayBuffer();
    done = true;
    return response;
  });
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    await (await fetch(`${server.url}/api/health`)).arrayBuffer();
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const response = await variant;
  const eventLoopCpuMs = mainThreadCpuMs(pid) - cpuBefore;
  const sorted = [...latencies].sort((a, b) => a - b);
  console.info(
    `${fileName}: event loop CPU ${eventLoopCpuMs} ms while the variants were made; /api/health median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, slowest ${sorted.at(-1)?.toFixed(1)} ms over ${sorted.length} requests`,
  );
  return { eventLoopCpuMs, slowest: sorted.at(-1) as number, samples: sorted.length, response, message };
}

// What is asserted is the event loop's CPU time, which does not depend on how busy the machine is:
// decoding the bomb on it cost ~500 ms; each health answer costs it ~1 ms. /api/health's latency (< 50 ms on an idle machine) is printed.
describe('a server that never stalls while making variants', () => {
  it('its event loop does not decode the 7000×7000 RLE8 BMP bomb (407 KB): a worker thread does', async () => {
    const bmp = rle8Bmp(7000, 7000);
    expect(bmp.length).toBeGreaterThan(400_000);
    expect(bmp.length).toBeLessThan(420_000);
    const { eventLoopCpuMs, samples, response } = await whileMakingVariants(bmp, 'bomb.bmp');
    expect(samples).toBeGreaterThan(3);
    expect(eventLoopCpuMs).toBeLessThan(150);
    expect(response.headers.get('content-type')).toBe('image/png');
  });

  it('nor a 22 MB noise PNG or a 48 MP JPEG', async () => {
    const png = await sharp(randomBytes(3000 * 2500 * 3), { raw: { width: 3000, height: 2500, channels: 3 } })
      .png({ compressionLevel: 1 })
      .toBuffer();
    const jpeg = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#5a8' } })
      .jpeg()
      .toBuffer();
    for (const [bytes, name] of [
      [png, 'noise.png'],
      [jpeg, 'big.jpg'],
    ] as const) {
      const { eventLoopCpuMs } = await whileMakingVariants(bytes, name);
      expect(eventLoopCpuMs).toBeLessThan(150);
    }
  });

  it('keeps the original as the variants of an image whose decoded pixels pass the memory budget', async () => {
    const small = await startTestServer({ variantMemoryBytes: 64 * 1024 * 1024 });
    try {
      const token = await small.login('alice');
      const sent = await small.send(token, {
        bytes: rle8Bmp(7000, 7000),
        receiver: 'bob',
        fileName: 'bomb.bmp',
      });
      const thumb = sent.body.data?.imageElem?.imageList?.find((image) => image.type === 1);
      const served = await fetch(thumb?.url as string);
      expect(served.headers.get('content-type')).toBe('image/bmp');
      const message = await small.get<{ imageElem: { imageList: { type: number; width: number }[] } }>(
        `/api/messages/${sent.body.data?.id}`,
        token,
      );
      expect(message.body.data?.imageElem.imageList.map((image) => image.width)).toEqual([7000, 7000, 7000]);
    } finally {
      await small.dispose();
    }
  });
});
