import { useState, useSyncExternalStore } from 'react';
import { scheduleFrame } from './scheduleFrame';

type Subscribe = (onChange: () => void) => () => void;

interface FrameThrottledStore<T> {
  source: unknown;
  subscribe: Subscribe;
  getSnapshot: () => T;
}

/**
 * An external-store view that moves at most once per animation frame: changes arriving between frames
 * are coalesced, and React renders the snapshot taken at the frame. A pending frame is cancelled on
 * unsubscribe, so nothing updates after unmount.
 */
function createFrameThrottledStore<T>(
  source: unknown,
  subscribeToSource: Subscribe,
  read: () => T,
  isEqual: (a: T, b: T) => boolean,
): FrameThrottledStore<T> {
  let current = read();
  return {
    source,
    getSnapshot: () => current,
    subscribe(onChange) {
      let cancelFrame: (() => void) | undefined;
      const flush = () => {
        cancelFrame = undefined;
        const next = read();
        if (isEqual(next, current)) return;
        current = next;
        onChange();
      };
      const unsubscribe = subscribeToSource(() => {
        cancelFrame ??= scheduleFrame(flush);
      });
      // Pick up changes made between the render and this subscription.
      flush();
      return () => {
        cancelFrame?.();
        unsubscribe();
      };
    },
  };
}

/**
 * `useSyncExternalStore` over `read()`, re-rendering at most once per animation frame however often the
 * source changes. `subscribe` and `read` are taken again only when `source` (the thing they observe)
 * changes; read other inputs through refs.
 *
 * @example const snapshot = useFrameThrottled(list, list.subscribe, list.getSnapshot);
 */
export function useFrameThrottled<T>(
  source: unknown,
  subscribe: Subscribe,
  read: () => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const [store, setStore] = useState(() => createFrameThrottledStore(source, subscribe, read, isEqual));
  if (store.source !== source) setStore(createFrameThrottledStore(source, subscribe, read, isEqual));
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
