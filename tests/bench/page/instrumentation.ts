// Installed before anything else runs (main.tsx imports it first): long tasks, long animation frames, a
// heartbeat, XHR upload progress events and React commits, each read back by the bench API.

const LONG_TASK_MS = 50;

/** Whether this engine reports `type` to a PerformanceObserver (long tasks and frames: Chromium only). */
const observes = (type: string) => PerformanceObserver.supportedEntryTypes?.includes(type) ?? false;
/** Long tasks are counted here (Chromium); elsewhere only the heartbeat says how long the thread stalled. */
export const LONG_TASKS_OBSERVED = observes('longtask');

interface Span {
  start: number;
  end: number;
}
const longTasks: (Span & { duration: number })[] = [];
if (LONG_TASKS_OBSERVED)
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks.push({
        start: entry.startTime,
        end: entry.startTime + entry.duration,
        duration: entry.duration,
      });
    }
  }).observe({ type: 'longtask', buffered: true });

/** The parts of a long-animation-frame entry's script attribution read here (not in lib.dom yet). */
interface ScriptTiming {
  invoker: string;
  sourceFunctionName: string;
  duration: number;
}
/** Long animation frames, for their script attribution: which callback a long task was running. */
const longFrames: (Span & { scripts: { name: string; duration: number }[] })[] = [];
if (observes('long-animation-frame'))
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const scripts = ((entry as PerformanceEntry & { scripts?: ScriptTiming[] }).scripts ?? []).map(
        (script) => ({
          name: `${script.invoker}${script.sourceFunctionName ? ` → ${script.sourceFunctionName}` : ''}`,
          duration: script.duration,
        }),
      );
      longFrames.push({ start: entry.startTime, end: entry.startTime + entry.duration, scripts });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });

/**
 * The portable stall measure: a timer asked to fire every HEARTBEAT_MS. Whatever holds the main thread
 * (a long task, a decode, a layout, GC) delays the next beat, in every engine; a gap between beats is how
 * long the page could not answer input.
 */
const HEARTBEAT_MS = 16;

/** What the heartbeat says about a span of time (every engine). */
export interface HeartbeatStalls {
  /** The longest gap between beats, less the 16 ms asked for. */
  worstStallMs: number;
  /** Gaps between beats over 50 ms. */
  stallsOver50: number;
}
const beats: number[] = [];
const beat = () => {
  beats.push(performance.now());
  // A bench session lasts minutes: keep the last ~10 min of beats.
  if (beats.length > 40_000) beats.splice(0, 10_000);
  setTimeout(beat, HEARTBEAT_MS);
};
beat();

/** Gaps between heartbeats over [from, to] (the beats just outside it close the first and last gap). */
function heartbeatGaps(from: number, to: number): number[] {
  const first = Math.max(
    0,
    beats.findLastIndex((time) => time <= from),
  );
  const end = beats.findIndex((time) => time >= to);
  const window = beats.slice(first, end === -1 ? undefined : end + 1);
  if (end === -1) window.push(performance.now());
  return window.slice(1).map((time, index) => time - (window[index] as number));
}

export const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Long tasks overlapping [from, to]; waits a little first, as entries are delivered asynchronously. */
export async function longTasksBetween(from: number, to: number) {
  await frame();
  await sleep(100);
  const overlaps = (span: Span) => span.end > from && span.start < to;
  const tasks = longTasks.filter((task) => overlaps(task) && task.duration > LONG_TASK_MS);
  const frames = longFrames.filter(overlaps);
  const culprits = frames
    .flatMap((entry) => entry.scripts)
    .filter((script) => script.duration > 10)
    .sort((a, b) => b.duration - a.duration)
    .map((script) => `${script.name} (${Math.round(script.duration)} ms)`);
  const gaps = heartbeatGaps(from, to);
  return {
    // The heartbeat (every engine): the longest gap beyond the 16 ms asked for, and gaps over 50 ms.
    worstStallMs: Math.max(0, ...gaps.map((gap) => gap - HEARTBEAT_MS)),
    stallsOver50: gaps.filter((gap) => gap > LONG_TASK_MS).length,
    longTasks: tasks.length,
    longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)),
    blockingMs: tasks.reduce((sum, task) => sum + task.duration - LONG_TASK_MS, 0),
    culprits,
    // Frames over 50 ms: what the user sees as a stall even when no task of the main thread is long
    // (an image decoded for painting holds the frame, not the main thread).
    longFrames: frames.length,
    longestFrameMs: Math.max(0, ...frames.map((frame) => frame.end - frame.start)),
  };
}

// ---- XHR upload progress events and React commits -------------------------------------------------------

let progressEvents = 0;
let counting: { from: number; commits: number; timeline: string[] } | undefined;
const since = () => Math.round(performance.now() - (counting?.from ?? 0));

/** `xhr.upload` progress events of every XHR in the page so far (the transport's and the baselines'). */
export const xhrProgressEvents = () => progressEvents;

const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.send = function countingSend(
  this: XMLHttpRequest,
  body?: Document | XMLHttpRequestBodyInit | null,
) {
  this.upload.addEventListener('progress', (event) => {
    progressEvents++;
    counting?.timeline.push(`${since()} ms xhr progress ${Math.floor((event.loaded * 100) / event.total)}%`);
  });
  return send.call(this, body);
};

/** `<Profiler onRender>`: counts the commit and notes what the composer shows after it. */
export function onRender() {
  if (!counting) return;
  counting.commits++;
  // onRender runs in the commit phase: the DOM already shows this commit.
  const preview = document.querySelector('#stage .im-preview');
  const shown = preview
    ? `${preview.getAttribute('data-state')} ${preview.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow') ?? '-'}`
    : 'no draft';
  const status = document.querySelector('#stage [role=status]')?.textContent;
  counting.timeline.push(`${since()} ms commit: ${shown}${status ? ` | status "${status}"` : ''}`);
}

export function startCountingCommits() {
  counting = { from: performance.now(), commits: 0, timeline: [] };
}

export function stopCountingCommits(): { commits: number; timeline: string[] } {
  const result = counting ?? { commits: 0, timeline: [] };
  counting = undefined;
  return result;
}
