import { call, type Harness } from './harness';
import { stallFigure } from './stallFigures';
import type { FigureResult } from './stats';
import { LONG_TASKS_ONLY_IN_CHROMIUM, series } from './stats';

export async function figure1(h: Harness): Promise<FigureResult[]> {
  const runs = await h.rounds(
    {
      params: () => call(h.page, 'readFile', 'params'),
      arrayBuffer: () => call(h.page, 'readFile', 'arrayBuffer'),
    },
    { warmups: 2, runs: h.runs(9) },
  );
  const subject = series(runs.params);
  const baseline = series(runs.arrayBuffer);
  const ratio = subject.median / baseline.median;
  return [
    {
      id: '1',
      title: 'fileToImageMessageParams, 28 MiB File',
      unit: 'ms',
      how: 'In the page: performance.now() around `await fileToImageMessageParams(file)` and around `await file.arrayBuffer()`, on the same disk-backed File (setInputFiles); order alternates per round, GC between.',
      subject,
      baseline: { label: 'file.arrayBuffer()', ...baseline },
      ratio,
      ratioOf: 'median / baseline median',
      goal: '≤ 1.25×',
      met: ratio <= 1.25,
    },
  ];
}

export async function figure2(h: Harness): Promise<FigureResult[]> {
  const out: FigureResult[] = [];
  for (const [id, image, label] of [
    ['2a', 'jpeg', '12 MP JPEG'],
    ['2b', 'png', '12 MP PNG'],
  ] as const) {
    const runs = await h.rounds(
      {
        readImageInfo: () => call(h.page, 'readDimensions', image, 'readImageInfo'),
        headerFromFile: () => call(h.page, 'readDimensions', image, 'headerFromFile'),
        createImageBitmap: () => call(h.page, 'readDimensions', image, 'createImageBitmap'),
      },
      { warmups: 1, runs: h.runs(9) },
    );
    const expected = h.images[image === 'jpeg' ? 'jpeg12' : 'png12'];
    for (const result of [...runs.readImageInfo, ...runs.headerFromFile, ...runs.createImageBitmap]) {
      if (result.width !== expected.width || result.height !== expected.height) {
        throw new Error(
          `${label}: read ${result.width}×${result.height}, expected ${expected.width}×${expected.height}`,
        );
      }
    }
    const baseline = { label: 'createImageBitmap(file)', ...series(runs.createImageBitmap.map((r) => r.ms)) };
    for (const [suffix, title, values] of [
      ['', `dimensions of ${label}: readImageInfo(bytes)`, runs.readImageInfo],
      ["'", `dimensions of ${label}: File → 64 KiB slice → readImageInfo`, runs.headerFromFile],
    ] as const) {
      const subject = series(values.map((r) => r.ms));
      const ratio = subject.median / baseline.median;
      out.push({
        id: `${id}${suffix}`,
        title,
        unit: 'ms',
        subject,
        baseline,
        how: suffix
          ? 'In the page: `file.slice(0, 65536).arrayBuffer()` then readImageInfo — from the File on disk to width/height.'
          : 'In the page: readImageInfo over the bytes already in memory (the pipeline reads them once, for the upload), averaged over 200 calls; baseline: `createImageBitmap(file)` (decodes) then .width/.height.',
        ratio,
        ratioOf: 'median / baseline median',
        goal: suffix ? '(info) ≤ 0.05×' : '≤ 0.05×',
        met: suffix ? undefined : ratio <= 0.05,
        extra: { bytes: expected.bytes },
      });
    }
  }
  return out;
}

export async function figure3(h: Harness): Promise<FigureResult[]> {
  const previewOnce = async (kind: 'composer' | 'naive') => {
    await call(h.page, 'mountPreview', kind);
    await h.page.setInputFiles(
      kind === 'composer' ? '#stage input[type=file]' : '#naive-input',
      h.images.big28.path,
    );
    const result = await call(h.page, 'awaitPreview');
    await call(h.page, 'unmount');
    return result;
  };
  const runs = await h.rounds(
    { composer: () => previewOnce('composer'), naive: () => previewOnce('naive') },
    { warmups: 1, runs: h.runs(7) },
  );
  const subject = series(runs.composer.map((r) => r.longTasks));
  const baseline = series(runs.naive.map((r) => r.longTasks));
  return [
    {
      id: '3',
      title: 'long tasks > 50 ms, 28 MiB image added + previewed in the composer',
      unit: 'count',
      how: 'A fresh <ImageMessageComposer> (memory transport) per run; setInputFiles on its file input; PerformanceObserver("longtask") entries > 50 ms overlapping [input change event, preview <img> loaded and img.decode() resolved]. Baseline: a plain input whose change handler draws a 198 px canvas thumbnail on the main thread.',
      subject,
      baseline: { label: 'naive main-thread 198 px thumbnail', ...baseline },
      ratio: baseline.median > 0 ? subject.median / baseline.median : undefined,
      ratioOf: 'median / baseline median',
      goal: '0 long tasks',
      met: subject.max === 0,
      chromiumOnly: LONG_TASKS_ONLY_IN_CHROMIUM,
      extra: {
        composer: {
          previewMs: series(runs.composer.map((r) => r.ms)),
          longestTaskMs: series(runs.composer.map((r) => r.longestTaskMs)),
          blockingMs: series(runs.composer.map((r) => r.blockingMs)),
          culprits: runs.composer.map((r) => r.culprits),
        },
        naive: {
          previewMs: series(runs.naive.map((r) => r.ms)),
          longestTaskMs: series(runs.naive.map((r) => r.longestTaskMs)),
          blockingMs: series(runs.naive.map((r) => r.blockingMs)),
          culprits: runs.naive.map((r) => r.culprits),
        },
      },
    },
    stallFigure('3h', 'from adding the 28 MiB image to its preview shown (3)', runs.composer, {
      label: 'naive main-thread 198 px thumbnail',
      runs: runs.naive,
    }),
  ];
}
