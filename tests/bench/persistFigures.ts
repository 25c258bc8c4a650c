import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildCoreDist } from '../support/consumerBundle';
import { call, type Harness, log } from './harness';
import type { PersistRun } from './page/benchApi';
import { stallFigure } from './stallFigures';
import { type FigureResult, LONG_TASKS_ONLY_IN_CHROMIUM, series } from './stats';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The bundled app's source file (given on stdin). */
const APP = 'app.ts';

/** Other 12 MP drafts already kept when the last row's draft is added: a busy day's worth. */
const KEPT = 8;

const of = (runs: PersistRun[], key: Exclude<keyof PersistRun, 'culprits'>) =>
  series(runs.map((run) => run[key]));

/**
 * Figure 9: keeping drafts across reloads (`persist`). 9a/9b a 12 MP draft made by a manager with the
 * IndexedDB store, timed until the store's write is done, against the same record put into IndexedDB by
 * hand; 9c/9d the same with KEPT other drafts already kept; 9e a reload restoring them; B7 the persistence
 * chunk an app loads lazily.
 */
export async function figure9(h: Harness): Promise<FigureResult[]> {
  const out: FigureResult[] = [];
  for (const [kept, ids] of [
    [0, ['9a', '9b']],
    [KEPT, ['9c', '9d']],
  ] as const) {
    log(`figure 9: a 12 MP draft kept, ${kept} other drafts kept already`);
    await call(h.page, 'resetKept', kept);
    const runs = await h.rounds(
      {
        library: () => call(h.page, 'persistDraft', 'library'),
        raw: () => call(h.page, 'persistDraft', 'raw'),
      },
      { warmups: 1, runs: h.runs(9) },
    );
    const subject = of(runs.library, 'ms');
    const baseline = of(runs.raw, 'ms');
    const longTasks = of(runs.library, 'longTasks');
    const others = kept ? ` with ${kept} other 12 MP drafts kept` : '';
    out.push(
      {
        id: ids[0],
        title: `persist a 12 MP draft (6 MB JPEG): createImageMessage → the store's write done${others}`,
        unit: 'ms',
        how: `In the page: a manager with createIndexedDbStore whose database holds ${kept} other kept drafts (counted towards its total, restored by 9e, not here); performance.now() from createImageMessage({ file }) (the disk-backed File, as the composer makes drafts) until the store's save resolves (idb-keyval setMany: transaction complete). Baseline: the same record put in a plain IndexedDB object store (holding ${kept} records too), until its transaction completes.`,
        subject,
        baseline: { label: 'the same record, one IndexedDB put', ...baseline },
        ratio: subject.median / baseline.median,
        ratioOf: 'median / baseline median',
        goal: '(info)',
      },
      {
        id: ids[1],
        title: `long tasks > 50 ms on the main thread while persisting it${others}`,
        unit: 'count',
        how: `PerformanceObserver("longtask") entries overlapping each run of ${ids[0]}; long animation frames in extra.`,
        subject: longTasks,
        baseline: { label: 'the IndexedDB put', ...of(runs.raw, 'longTasks') },
        goal: '0 long tasks',
        met: longTasks.max === 0,
        chromiumOnly: LONG_TASKS_ONLY_IN_CHROMIUM,
        extra: {
          longestTaskMs: of(runs.library, 'longestTaskMs'),
          longFrames: of(runs.library, 'longFrames'),
          longestFrameMs: of(runs.library, 'longestFrameMs'),
          baselineLongestTaskMs: of(runs.raw, 'longestTaskMs'),
          culprits: runs.library.map((run) => run.culprits),
        },
      },
      stallFigure(`${ids[1]}.h`, `while persisting it${others} (${ids[1]})`, runs.library, {
        label: 'the IndexedDB put',
        runs: runs.raw,
      }),
    );
  }

  log(`figure 9: a reload restoring ${KEPT} kept 12 MP drafts`);
  const restored = await h.rounds(
    { restore: () => call(h.page, 'restoreKept', KEPT) },
    { warmups: 1, runs: h.runs(7) },
  );
  const restoreLongTasks = of(restored.restore, 'longTasks');
  out.push({
    id: '9e',
    title: `a reload: ${KEPT} kept 12 MP drafts (${KEPT * 6} MB) back in the manager, and long tasks meanwhile`,
    unit: 'ms',
    how: 'In the page: performance.now() from createMessageManager({ store: createIndexedDbStore() }) until `restored` settles (load: read the kept Blobs, claim with a Web Lock, validate a header slice, preview URL). The drafts were kept as the composer keeps them: the File, stored as a Blob.',
    subject: of(restored.restore, 'ms'),
    goal: '≤ 150 ms median, 0 long tasks (every run)',
    met: of(restored.restore, 'ms').median <= 150 && restoreLongTasks.max === 0,
    goalChromiumOnly: LONG_TASKS_ONLY_IN_CHROMIUM,
    notes: [
      `long tasks per restore: median ${restoreLongTasks.median}, max ${restoreLongTasks.max} (longest ${of(restored.restore, 'longestTaskMs').max.toFixed(0)} ms)`,
      `heartbeat per restore: worst stall median ${of(restored.restore, 'worstStallMs').median.toFixed(0)} ms, max ${of(restored.restore, 'worstStallMs').max.toFixed(0)} ms; gaps > 50 ms max ${of(restored.restore, 'stallsOver50').max}`,
    ],
    extra: {
      longTasks: restoreLongTasks,
      longestTaskMs: of(restored.restore, 'longestTaskMs'),
      longFrames: of(restored.restore, 'longFrames'),
      culprits: restored.restore.map((run) => run.culprits),
    },
  });
  await call(h.page, 'resetKept', 0);

  out.push(await persistenceChunk());
  return out;
}

/**
 * B7: an app bundled by esbuild against packages/core/dist that keeps drafts the way the react provider
 * does (`store: import('@image-message/core/persist').then(…)`): the two chunks it loads lazily (the
 * IndexedDB store with idb-keyval, and the manager's glue for a store), and that neither is in the entry.
 */
async function persistenceChunk(): Promise<FigureResult> {
  log('figure 9: building packages/core/dist and an esbuild app against it');
  buildCoreDist();
  const result = await build({
    absWorkingDir: root,
    stdin: {
      contents: `import { createMemoryTransport, createMessageManager } from '@image-message/core';
        const store = import('@image-message/core/persist').then(({ createIndexedDbStore }) => createIndexedDbStore());
        export const manager = createMessageManager({ transport: createMemoryTransport(), store });`,
      resolveDir: root,
      sourcefile: APP,
      loader: 'ts',
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outdir: join(root, 'node_modules', '.cache', 'bench-persist-app'),
    write: false,
    metafile: true,
    // No tsconfig paths: @image-message/core resolves through its package.json to dist/, as in an app.
    tsconfigRaw: '{}',
    logLevel: 'silent',
  });
  const chunks = result.outputFiles
    .filter((file) => file.path.endsWith('.js'))
    .map((file) => {
      const meta = result.metafile.outputs[file.path.slice(root.length)];
      const inputs = Object.keys(meta?.inputs ?? {});
      return {
        file: file.path.slice(root.length),
        gzip: gzipSync(file.contents, { level: 9 }).length,
        // Dynamic imports are entry points to esbuild too; the app's own is its source file's.
        entry: meta?.entryPoint === APP,
        store: inputs.some((input) => input.includes('idb-keyval')),
        glue: inputs.some((input) => /keepMessages/.test(input)),
      };
    });
  const store = chunks.find((chunk) => chunk.store && !chunk.entry);
  const glue = chunks.find((chunk) => chunk.glue && !chunk.entry);
  const entry = chunks.find((chunk) => chunk.entry);
  if (!store || !entry) throw new Error('figure 9: the app bundle has no separate persistence chunk');
  const kb = (bytes: number) => bytes / 1024;
  const lazy = store.gzip + (glue && glue !== store ? glue.gzip : 0);
  return {
    id: 'B7',
    title:
      "persistence, min+gzip: the IndexedDB store (idb-keyval, Web Locks) and the manager's glue for a store, both loaded only with persist",
    unit: 'KB',
    how: 'esbuild (minify, splitting) of an app importing createMessageManager and, dynamically, @image-message/core/persist from packages/core/dist; gzip -9 of each chunk.',
    subject: series([kb(lazy)]),
    goal: 'not in the app entry',
    met: !entry.store && !entry.glue,
    notes: [
      `store chunk ${kb(store.gzip).toFixed(2)} KB${glue ? `, glue chunk ${kb(glue.gzip).toFixed(2)} KB` : ''}; the esbuild app's entry (createMessageManager + memory transport) ${kb(entry.gzip).toFixed(2)} KB gzip holds neither`,
    ],
    extra: { chunks },
  };
}
