// Load: the built server in its own process (so its memory can be read from /proc), 50 concurrent 5 MiB
// uploads from this process (loopback only), every one stored and byte-identical; then 20 oversize bodies
// of 40 MiB, half with an honest Content-Length and half chunked, all refused with 413 while the server's
// resident memory is sampled every 50 ms. Latency and throughput are reported, not asserted; the memory
// bound is asserted with a wide margin. Figures go to the console and to reports/load.json.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamingPut } from '../../packages/server/test/support/rawHttp';
import {
  buildServerMain,
  type ServerProcess,
  spawnServer,
} from '../../packages/server/test/support/serverProcess';

const MiB = 1024 * 1024;
const UPLOADS = 50;
const UPLOAD_BYTES = 5 * MiB;
const OVERSIZE = 20;
const OVERSIZE_BYTES = 40 * MiB;
/** Peak growth of the server's resident memory allowed while it refuses 800 MiB. */
const RSS_GROWTH_LIMIT = 100 * MiB;

const reportsDir = fileURLToPath(new URL('../../reports/', import.meta.url));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let server: ServerProcess;
let dataDir: string;
let token: string;
interface UploadFigures {
  count: number;
  bytesEach: number;
  stored: number;
  identical: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  wallMs: number;
  throughputMiBps: number;
  rssBefore: number;
  rssPeak: number;
}
interface RefusalFigures {
  count: number;
  bytesEach: number;
  refused413: number;
  bytesRefused: number;
  bytesSentBeforeCut: number;
  rssBefore: number;
  rssPeakSampled: number;
  rssPeak: number;
  rssGrowth: number;
  peakFrom: string;
}
const figures: { uploads?: UploadFigures; refusals?: RefusalFigures } = {};

beforeAll(async () => {
  const mainJs = await buildServerMain('load');
  dataDir = await mkdtemp(join(tmpdir(), 'im-load-'));
  server = await spawnServer(mainJs, { DATA_DIR: dataDir, LOG_LEVEL: 'error' });
  const response = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userID: 'alice' }),
  });
  token = ((await response.json()) as { data: { token: string } }).data.token;
});

afterAll(async () => {
  await server?.kill();
  await rm(dataDir, { recursive: true, force: true });
  if (Object.keys(figures).length > 0) {
    await mkdir(reportsDir, { recursive: true });
    writeFileSync(join(reportsDir, 'load.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(table());
  }
});

/** The server process's resident memory now, and its peak since `resetPeak`, in bytes (Linux /proc). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** Resets VmHWM to the current RSS, so it then reports the peak of what follows (Linux ≥ 4.0). */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

const segment = (marker: number, body: Uint8Array) => {
  const head = Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255]);
  return Buffer.concat([head, body]);
};

/** `jpeg` with COM segments of random bytes after SOI, up to exactly `size` bytes: a real, unique JPEG. */
function paddedJpeg(jpeg: Buffer, size: number): Buffer {
  const pieces: Buffer[] = [jpeg.subarray(0, 2)];
  let room = size - jpeg.length;
  while (room > 0) {
    // A segment is 4 header bytes and up to 65,533 bytes of comment; never leave less than 5 bytes.
    let body = Math.min(65_533, room - 4);
    if (room - (body + 4) > 0 && room - (body + 4) < 5) body -= 5;
    pieces.push(segment(0xfe, randomBytes(body)));
    room -= body + 4;
  }
  pieces.push(jpeg.subarray(2));
  return Buffer.concat(pieces);
}

/** `png` with one private ancillary chunk ("prVt") of random bytes before IEND: exactly `size` bytes. */
function paddedPng(png: Buffer, size: number): Buffer {
  const iend = png.length - 12;
  const data = randomBytes(size - png.length - 12);
  const typeAndData = Buffer.concat([Buffer.from('prVt', 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([png.subarray(0, iend), length, typeAndData, crc, png.subarray(iend)]);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
const ms = (value: number) => `${Math.round(value)} ms`;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;

function table(): string {
  const { uploads: u, refusals: r } = figures;
  const rows: [string, string][] = [];
  if (u) {
    rows.push(
      [
        `uploads (${u.count} × ${mib(u.bytesEach)}, concurrent)`,
        `${u.stored} stored, ${u.identical} byte-identical`,
      ],
      ['latency p50 / p95 / max', `${ms(u.p50Ms)} / ${ms(u.p95Ms)} / ${ms(u.maxMs)}`],
      [
        'total time / throughput',
        `${(u.wallMs / 1000).toFixed(2)} s / ${u.throughputMiBps.toFixed(1)} MiB/s`,
      ],
      ['server RSS before / peak while uploading', `${mib(u.rssBefore)} / ${mib(u.rssPeak)}`],
    );
  }
  if (r) {
    rows.push(
      [`oversize bodies (${r.count} × ${mib(r.bytesEach)})`, `${r.refused413} refused with 413 / 7005`],
      ['bytes refused / sent before the cut', `${mib(r.bytesRefused)} / ${mib(r.bytesSentBeforeCut)}`],
      ['server RSS before / peak (50 ms samples)', `${mib(r.rssBefore)} / ${mib(r.rssPeakSampled)}`],
      [
        'server RSS peak (VmHWM) / growth',
        `${mib(r.rssPeak)} / ${mib(r.rssGrowth)} (limit ${mib(RSS_GROWTH_LIMIT)})`,
      ],
    );
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  return ['', 'load figures', ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`), ''].join(
    '\n',
  );
}

/** Samples the server's RSS every 50 ms until stopped; returns the largest sample. */
function sampleRss(pid: number) {
  let peak = memoryOf(pid).rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, memoryOf(pid).rss);
  }, 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, memoryOf(pid).rss);
  };
}

describe('load', () => {
  it(`stores ${UPLOADS} concurrent ${UPLOAD_BYTES / MiB} MiB uploads, each byte-identical`, async () => {
    const pid = server.child.pid as number;
    // One real photo-sized image of each kind; each upload pads it with its own random bytes.
    const base = sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a7' } });
    const jpeg = await base.clone().jpeg().toBuffer();
    const png = await base.clone().png().toBuffer();
    const bodies = Array.from({ length: UPLOADS }, (_, i) =>
      i % 2 === 0 ? paddedJpeg(jpeg, UPLOAD_BYTES) : paddedPng(png, UPLOAD_BYTES),
    );
    for (const body of bodies) expect(body.length).toBe(UPLOAD_BYTES);
    expect(new Set(bodies.map(sha256)).size).toBe(UPLOADS);
    const ids = bodies.map(() => `img_${randomBytes(16).toString('hex')}`);

    const rssBefore = memoryOf(pid).rss;
    const stopSampling = sampleRss(pid);
    const started = performance.now();
    const results = await Promise.all(
      bodies.map(async (body, i) => {
        const begin = performance.now();
        const response = await fetch(`${server.url}/api/messages/${ids[i]}?receiver=bob`, {
          method: 'PUT',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': i % 2 === 0 ? 'image/jpeg' : 'image/png',
            'x-file-name': encodeURIComponent(`load-${i}.${i % 2 === 0 ? 'jpg' : 'png'}`),
          },
          body: body as Uint8Array<ArrayBuffer>,
        });
        const json = (await response.json()) as { code: number; desc: string };
        return { status: response.status, code: json.code, desc: json.desc, ms: performance.now() - begin };
      }),
    );
    const wallMs = performance.now() - started;
    const rssPeak = stopSampling();
    expect(results.filter((result) => result.status !== 200)).toEqual([]);

    // Every one is stored once, in the conversation, and serves exactly the bytes that were sent.
    const page = await fetch(`${server.url}/api/conversations/c2c_bob/messages?limit=200`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const messages = (
      (await page.json()) as {
        data: { messages: { id: string; imageElem: { imageList: { url: string }[] } }[] };
      }
    ).data.messages;
    expect(messages.map((message) => message.id).sort()).toEqual([...ids].sort());
    let identical = 0;
    const byId = new Map(messages.map((message) => [message.id, message]));
    // Downloads eight at a time, so this process never holds more than eight bodies at once.
    for (let at = 0; at < UPLOADS; at += 8) {
      const batch = ids.slice(at, at + 8).map(async (id, j) => {
        const url = byId.get(id)?.imageElem.imageList[0]?.url as string;
        const served = new Uint8Array(await (await fetch(url)).arrayBuffer());
        if (sha256(served) === sha256(bodies[at + j] as Uint8Array)) identical++;
      });
      await Promise.all(batch);
    }
    expect(identical).toBe(UPLOADS);

    const latencies = results.map((result) => result.ms).sort((a, b) => a - b);
    figures.uploads = {
      count: UPLOADS,
      bytesEach: UPLOAD_BYTES,
      stored: messages.length,
      identical,
      p50Ms: Math.round(percentile(latencies, 50)),
      p95Ms: Math.round(percentile(latencies, 95)),
      maxMs: Math.round(latencies[latencies.length - 1] as number),
      wallMs: Math.round(wallMs),
      throughputMiBps: Math.round(((UPLOADS * UPLOAD_BYTES) / MiB / (wallMs / 1000)) * 10) / 10,
      rssBefore,
      rssPeak,
    };
  });

  it(`refuses ${OVERSIZE} bodies of ${OVERSIZE_BYTES / MiB} MiB with 413 while its memory stays bounded`, async () => {
    const pid = server.child.pid as number;
    // Let the variants of the uploads above finish, so their image work does not count here.
    await waitForVariants();
    const head = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#a33' } })
      .jpeg()
      .toBuffer();
    const rssBefore = memoryOf(pid).rss;
    const hwm = resetPeak(pid);
    const stopSampling = sampleRss(pid);
    const replies = await Promise.all(
      Array.from({ length: OVERSIZE }, (_, i) =>
        streamingPut(`${server.url}/api/messages/img_${randomBytes(16).toString('hex')}?receiver=bob`, {
          // Half declare their size honestly (refused before a byte is read), half are chunked (cut at 28 MiB).
          headers:
            i % 2 === 0
              ? { authorization: `Bearer ${token}`, 'content-length': OVERSIZE_BYTES }
              : { authorization: `Bearer ${token}`, 'transfer-encoding': 'chunked' },
          total: OVERSIZE_BYTES,
          first: head,
          chunkBytes: 256 * 1024,
        }),
      ),
    );
    const rssPeakSampled = stopSampling();
    const rssPeak = hwm ? Math.max(memoryOf(pid).peak, rssPeakSampled) : rssPeakSampled;
    const refused = replies.filter((reply) => reply.status === 413 && JSON.parse(reply.body).code === 7005);
    expect(refused).toHaveLength(OVERSIZE);

    // Nothing of them is kept, and the server still answers.
    expect(await readdir(join(dataDir, 'tmp'))).toEqual([]);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    const growth = rssPeak - rssBefore;
    figures.refusals = {
      count: OVERSIZE,
      bytesEach: OVERSIZE_BYTES,
      refused413: refused.length,
      bytesRefused: OVERSIZE * OVERSIZE_BYTES,
      bytesSentBeforeCut: replies.reduce((sum, reply) => sum + reply.written, 0),
      rssBefore,
      rssPeakSampled,
      rssPeak,
      rssGrowth: growth,
      peakFrom: hwm ? 'VmHWM after clear_refs, and 50 ms samples of VmRSS' : '50 ms samples of VmRSS',
    };
    expect(growth).toBeLessThan(RSS_GROWTH_LIMIT);
  });
});

/** Waits until no stored message has a variant still being made. */
async function waitForVariants() {
  for (let tries = 0; tries < 600; tries++) {
    const page = await fetch(`${server.url}/api/conversations/c2c_bob/messages?limit=200`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { messages } = (
      (await page.json()) as { data: { messages: { imageElem: { imageList: { size?: number }[] } }[] } }
    ).data;
    if (messages.every((message) => message.imageElem.imageList.every((image) => image.size !== undefined)))
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('variants were still being made after 60 s');
}
