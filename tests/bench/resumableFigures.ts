import { call, type FigureContext, type Harness, log } from './harness';
import { BIG_BYTES } from './images';
import { waitForVariants } from './servers';
import { type FigureResult, series } from './stats';

/** createHttpTransport's default PATCH size. */
const CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * Resumable uploads at 100 Mbit/s: the 28 MiB File sent through a proxy that cuts the connection once
 * 60 % of it has passed (the send resumes from the server's offset), against the same send uncut. Bytes
 * re-sent after the drop (PATCH bytes the proxy saw minus the file size) and both times.
 */
export async function figureResumable(h: Harness, { proxy }: FigureContext): Promise<FigureResult[]> {
  await call(h.page, 'loadUploadBytes');
  await h.throttle(true);
  try {
    const once = async (cutAt?: number) => {
      proxy.reset(cutAt);
      const result = await call(h.page, 'uploadThroughProxy');
      await waitForVariants(result.variantUrls);
      if (cutAt !== undefined && !proxy.cut) throw new Error('the proxy did not cut the upload');
      return { ms: result.ms, resent: proxy.uploadBytes - BIG_BYTES };
    };
    log('figure tus, 100 Mbit/s, one drop at 60 % vs none');
    const runs = await h.rounds(
      { dropped: () => once(Math.round(BIG_BYTES * 0.6)), intact: () => once() },
      { warmups: 1, runs: h.runs(7) },
    );
    const resentMiB = series(runs.dropped.map((r) => r.resent / (1024 * 1024)));
    const dropped = series(runs.dropped.map((r) => r.ms));
    const intact = series(runs.intact.map((r) => r.ms));
    return [
      {
        id: 'R1',
        title: 'bytes re-sent after a drop at 60 % (28 MiB, tus, 8 MiB chunks, 100 Mbit/s)',
        unit: 'MiB',
        how: 'A proxy in front of the reference server counts upload body bytes (PATCH, POST) and cuts the connection once 60 % of the file has passed; createHttpTransport resumes (HEAD, then PATCH from the offset; the first request is a POST carrying the body, creation-with-upload). Re-sent = upload bytes seen − file size.',
        subject: resentMiB,
        baseline: { label: 'one chunk', ...series([CHUNK_BYTES / (1024 * 1024)]) },
        ratio: resentMiB.max / (CHUNK_BYTES / (1024 * 1024)),
        ratioOf: 'max / one chunk',
        goal: '≤ one chunk (every run)',
        met: resentMiB.max <= CHUNK_BYTES / (1024 * 1024),
      },
      {
        id: 'R2',
        title: 'total upload time with one drop at 60 % / without (28 MiB, tus, 100 Mbit/s)',
        unit: 'ms',
        how: 'Same proxy, same rounds; the drop costs the backoff (~100 ms), a HEAD and the bytes in flight.',
        subject: dropped,
        baseline: { label: 'no drop', ...intact },
        ratio: dropped.median / intact.median,
        ratioOf: 'median / baseline median',
        goal: '(info)',
      },
    ];
  } finally {
    await h.throttle(false);
    await h.page.evaluate(() => window.bench.dropUploadBytes());
  }
}
