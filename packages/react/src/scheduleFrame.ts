interface Scheduled {
  callback: () => void;
  canceled: boolean;
}

let queue: Scheduled[] = [];
let pending = false;

function flush() {
  pending = false;
  const batch = queue;
  queue = [];
  // Every store notified in this one callback re-renders in one React commit (updates in the same task
  // are batched), so several throttled stores still cost one commit per frame together.
  for (const item of batch) if (!item.canceled) item.callback();
}

function requestFrame(callback: () => void) {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(callback);
  else setTimeout(callback, 16); // SSR and environments without frames
}

/** Runs `callback` on the next animation frame, batched with every other callback for that frame. */
export function scheduleFrame(callback: () => void): () => void {
  const item: Scheduled = { callback, canceled: false };
  queue.push(item);
  if (!pending) {
    pending = true;
    requestFrame(flush);
  }
  return () => {
    item.canceled = true;
  };
}
