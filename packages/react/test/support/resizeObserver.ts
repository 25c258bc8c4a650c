import { vi } from 'vitest';

/**
 * jsdom has no layout: a ResizeObserver that reports `size` for every observed element, and a
 * devicePixelRatio of `dpr`. Returns the function that undoes both.
 */
export function fakeLayout(size: { width: number; height: number }, dpr = 1) {
  class FixedSizeObserver {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      const entry = {
        target,
        contentRect: { width: size.width, height: size.height },
        contentBoxSize: [{ inlineSize: size.width, blockSize: size.height }],
      } as unknown as ResizeObserverEntry;
      queueMicrotask(() => this.callback([entry], this as unknown as ResizeObserver));
    }
    unobserve() {}
    disconnect() {}
  }
  vi.stubGlobal('ResizeObserver', FixedSizeObserver);
  const previous = window.devicePixelRatio;
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, value: dpr });
  return () => {
    vi.unstubAllGlobals();
    Object.defineProperty(window, 'devicePixelRatio', { configurable: true, value: previous });
  };
}
