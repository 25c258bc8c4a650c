import { call, type Harness } from './harness';
import type { PaintedPreview } from './page/benchApi';
import { stallFigure } from './stallFigures';
import { type FigureResult, LONG_TASKS_ONLY_IN_CHROMIUM, series } from './stats';

const of = (runs: PaintedPreview[], key: Exclude<keyof PaintedPreview, 'culprits'>) =>
  series(runs.map((run) => run[key]));

/**
 * Figure 10 (issue 13): a 12 MP JPEG dropped on the composer (prepared in the worker, shown from a small
 * copy) until its preview is painted, against the naive preview of the same file — the whole JPEG as
 * `<img src=blob:>` in the same 88 px box, decoded when it is painted.
 */
export async function figure10(h: Harness): Promise<FigureResult[]> {
  const runs = await h.rounds(
    {
      composer: () => call(h.page, 'dropPreview', 'composer'),
      naive: () => call(h.page, 'dropPreview', 'naive'),
    },
    { warmups: 1, runs: h.runs(9) },
  );
  const time = of(runs.composer, 'ms');
  const naiveTime = of(runs.naive, 'ms');
  const longTasks = of(runs.composer, 'longTasks');
  const longFrames = of(runs.composer, 'longFrames');
  const how =
    "In the page: a DataTransfer holding the disk-backed 4000×3000 JPEG (6 MB) dropped (dragenter, dragover, drop) on a fresh <ImageMessageComposer> (memory transport, prepare on) or on a naive drop target that appends <img src=blob:> of the file (88 px box, object-fit: cover); until the preview image's first paint (Element Timing renderTime of its blob: URL; where Element Timing is missing, Firefox and WebKit, its decode() and two animation frames).";
  return [
    {
      id: '10a',
      title: 'drop → prepared preview painted, 12 MP JPEG, in the composer',
      unit: 'ms',
      how,
      subject: time,
      baseline: { label: 'naive <img src=blob:> of the whole file', ...naiveTime },
      ratio: time.median / naiveTime.median,
      ratioOf: 'median / baseline median',
      goal: '(info)',
      extra: {
        previewPixels: of(runs.composer, 'naturalPixels'),
        naivePixels: of(runs.naive, 'naturalPixels'),
      },
    },
    {
      id: '10b',
      title: 'long tasks > 50 ms on the main thread from the drop to the painted preview',
      unit: 'count',
      how: 'PerformanceObserver("longtask") entries overlapping each run of 10a.',
      subject: longTasks,
      baseline: { label: 'naive <img src=blob:>', ...of(runs.naive, 'longTasks') },
      goal: '0 long tasks',
      met: longTasks.max === 0,
      chromiumOnly: LONG_TASKS_ONLY_IN_CHROMIUM,
      extra: {
        longestTaskMs: of(runs.composer, 'longestTaskMs'),
        naiveLongestTaskMs: of(runs.naive, 'longestTaskMs'),
        culprits: runs.composer.map((run) => run.culprits),
      },
    },
    stallFigure('10b.h', 'from the drop to the painted preview (10b)', runs.composer, {
      label: 'naive <img src=blob:>',
      runs: runs.naive,
    }),
    {
      id: '10c',
      title:
        'long animation frames > 50 ms from the drop to the painted preview (frames that could not show in time)',
      unit: 'count',
      how: 'PerformanceObserver("long-animation-frame") entries overlapping each run of 10a: a decode-on-paint holds the frame without a long main-thread task.',
      subject: longFrames,
      baseline: { label: 'naive <img src=blob:>', ...of(runs.naive, 'longFrames') },
      goal: '(info)',
      chromiumOnly: 'PerformanceObserver "long-animation-frame" exists only in Chromium',
      extra: {
        longestFrameMs: of(runs.composer, 'longestFrameMs'),
        naiveLongestFrameMs: of(runs.naive, 'longestFrameMs'),
      },
    },
  ];
}
