/** Callbacks waiting for the next frame; a new set once that frame starts. */
let queued = new Set<() => void>();
let frameRequested = false;

function flush() {
  frameRequested = false;
  const batch = queued;
  queued = new Set();
  // Every store notified in this one callback re-renders in one React commit (updates in the same task
  // are batched), so several throttled stores still cost one commit per frame together. A callback
  // canceled by an earlier one in the batch is deleted before it is reached, so it does not run.
  for (const callback of batch) callback();
}

function requestFrame(callback: () => void) {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(callback);
  else setTimeout(callback, 16); // SSR and environments without frames
}

/** Runs `callback` on the next animation frame, batched with every other callback for that frame. */
export function scheduleFrame(callback: () => void): () => void {
  // A wrapper of its own, so scheduling the same function twice runs it twice and cancels one at a time.
  const run = () => callback();
  const batch = queued;
  batch.add(run);
  if (!frameRequested) {
    frameRequested = true;
    requestFrame(flush);
  }
  return () => batch.delete(run);
}
