import { buildCoreDist, bundleConsumer } from '../support/consumerBundle';
import { call, type FigureContext, type Harness, log } from './harness';
import type { PrepareRun } from './page/benchApi';
import { stallFigure } from './stallFigures';
import { type FigureResult, LONG_TASKS_ONLY_IN_CHROMIUM, series } from './stats';

const runsOf = (runs: PrepareRun[], key: keyof PrepareRun) => series(runs.map((run) => run[key]));

/**
 * Figure 7: preparing photos. 7a the library's worker against the same downscale + encode by hand on the
 * main thread; 7b long tasks meanwhile; 7c stripping metadata against decoding; 7d a 12 MP HEIC; B8/B9 the
 * worker and decoder chunks of an app bundled by esbuild against packages/core/dist.
 */
export async function figure7(h: Harness, { heic }: FigureContext): Promise<FigureResult[]> {
  const prepared = await h.rounds(
    {
      worker: () => call(h.page, 'prepare', 'jpeg', 'worker'),
      mainThread: () => call(h.page, 'prepare', 'jpeg', 'mainThread'),
    },
    { warmups: 2, runs: h.runs(9) },
  );
  for (const run of [...prepared.worker, ...prepared.mainThread]) {
    if (run.width !== 2560 || run.height !== 1920) throw new Error(`prepared ${run.width}×${run.height}`);
  }
  const worker = runsOf(prepared.worker, 'ms');
  const mainThread = runsOf(prepared.mainThread, 'ms');
  const stripped = await h.rounds(
    {
      inPlace: () => call(h.page, 'stripOrDecode', 'inPlace'),
      newArray: () => call(h.page, 'stripOrDecode', 'newArray'),
      decode: () => call(h.page, 'stripOrDecode', 'decode'),
    },
    { warmups: 1, runs: h.runs(9) },
  );
  const strip = series(stripped.inPlace.map((run) => run.ms));
  const stripToNewArray = series(stripped.newArray.map((run) => run.ms));
  const decode = series(stripped.decode.map((run) => run.ms));
  const out: FigureResult[] = [
    {
      id: '7a',
      title: 'prepare a 12 MP JPEG (downscale to 2560, strip, ThumbHash) in the worker',
      unit: 'ms',
      how: 'In the page: performance.now() around `await prepareImageFile(file)` (disk-backed 4000×3000 JPEG, worker kept warm) and around main-thread createImageBitmap(file, { resizeWidth: 2560, resizeHeight: 1920, resizeQuality: "high" }) + OffscreenCanvas drawImage + convertToBlob({ type: "image/jpeg", quality: 0.85 }); order alternates per round, GC between.',
      subject: worker,
      baseline: { label: 'main-thread createImageBitmap + convertToBlob', ...mainThread },
      ratio: worker.median / mainThread.median,
      ratioOf: 'median / baseline median',
      goal: '≤ 1.1×',
      met: worker.median / mainThread.median <= 1.1,
      extra: { outputBytes: runsOf(prepared.worker, 'bytes').median },
    },
    {
      id: '7b',
      title: 'long tasks > 50 ms on the main thread while preparing the 12 MP JPEG',
      unit: 'count',
      how: 'PerformanceObserver("longtask") entries overlapping each run of 7a.',
      subject: runsOf(prepared.worker, 'longTasks'),
      baseline: { label: 'the main-thread baseline of 7a', ...runsOf(prepared.mainThread, 'longTasks') },
      goal: '0 long tasks',
      met: runsOf(prepared.worker, 'longTasks').max === 0,
      chromiumOnly: LONG_TASKS_ONLY_IN_CHROMIUM,
      extra: {
        longestTaskMs: runsOf(prepared.worker, 'longestTaskMs'),
        baselineLongestTaskMs: runsOf(prepared.mainThread, 'longestTaskMs'),
      },
    },
    stallFigure('7b.h', 'while preparing the 12 MP JPEG (7b)', prepared.worker, {
      label: 'the main-thread baseline of 7a',
      runs: prepared.mainThread,
    }),
    {
      id: '7c',
      title: 'strip metadata of a 12 MP JPEG without re-encoding, in place as prepareImageFile does',
      unit: 'ms',
      how: 'In the page: stripMetadata over the bytes in memory, in place (each call on its own fresh copy, made outside the timing as the file read is), averaged over 10 calls; baseline: createImageBitmap(file) (a full decode). extra.newArray: the same into a new array (the default), whose fresh 6 MB buffer costs more than the stripping.',
      subject: strip,
      baseline: { label: 'createImageBitmap(file)', ...decode },
      ratio: strip.median / decode.median,
      ratioOf: 'median / baseline median',
      goal: '≤ 0.05×',
      met: strip.median / decode.median <= 0.05,
      extra: { newArray: stripToNewArray, newArrayRatio: stripToNewArray.median / decode.median },
      notes: [
        `into a new array (stripMetadata's default): ${stripToNewArray.median.toFixed(1)} ms, ${(stripToNewArray.median / decode.median).toFixed(3)}×`,
      ],
    },
  ];

  if (heic) {
    const heicRuns = await h.rounds(
      { heic: () => call(h.page, 'prepare', 'heic', 'worker') },
      { warmups: 1, runs: h.runs(7) },
    );
    const time = runsOf(heicRuns.heic, 'ms');
    const longTasks = runsOf(heicRuns.heic, 'longTasks');
    out.push(
      {
        id: '7d',
        title: 'HEIC 12 MP → JPEG 2560×1920 (heic-to decodes: chromium has no HEIC decoder)',
        unit: 'ms',
        how: 'In the page: `await prepareImageFile(heicFile)` on a 4000×3000 HEVC HEIC made by heif-enc -q 60; the decoder chunk loaded during the warm-up. Baseline: 7a (the same photo as JPEG).',
        subject: time,
        baseline: { label: '12 MP JPEG (7a)', ...worker },
        ratio: time.median / worker.median,
        ratioOf: 'median / baseline median',
        goal: '(info)',
        extra: { sourceBytes: heic.bytes },
      },
      {
        id: '7e',
        title: 'long tasks > 50 ms on the main thread while converting the 12 MP HEIC',
        unit: 'count',
        subject: longTasks,
        goal: '0 long tasks',
        met: longTasks.max === 0,
        chromiumOnly: LONG_TASKS_ONLY_IN_CHROMIUM,
        extra: { longestTaskMs: runsOf(heicRuns.heic, 'longestTaskMs') },
      },
    );
  }

  log('figure 7: building packages/core/dist and an esbuild app against it');
  buildCoreDist();
  const { chunks } = await bundleConsumer();
  const kb = (bytes: number) => bytes / 1024;
  const entry = chunks.find((chunk) => chunk.entry);
  const workerChunk = chunks.find((chunk) => chunk.holds.includes('prepare worker'));
  const decoderChunk = chunks.find((chunk) => chunk.holds.includes('heic-to'));
  if (entry && workerChunk) {
    out.push({
      id: 'B8',
      title: 'preparation worker chunk (inlined blob: worker + its client), min+gzip',
      unit: 'KB',
      subject: series([kb(workerChunk.gzip)]),
      baseline: { label: "the app's entry chunk (calls prepareImageFile)", ...series([kb(entry.gzip)]) },
      goal: '(info) not in the entry',
      met: !entry.holds.includes('prepare worker'),
      extra: { chunks },
    });
  }
  if (entry && decoderChunk) {
    out.push({
      id: 'B9',
      title: 'HEIC decoder chunk (heic-to), min+gzip; loaded only for a HEIC',
      unit: 'KB',
      subject: series([kb(decoderChunk.gzip)]),
      goal: 'not in the app entry',
      met: !entry.holds.includes('heic-to'),
      notes: [`esbuild app: entry ${kb(entry.gzip).toFixed(2)} KB gzip, no heic-to in it`],
    });
  }
  return out;
}
