import { type RefCallback, useCallback, useRef, useState } from 'react';
import type { BoxSize } from './imageOfMessage';

/**
 * The rendered size of the element at the returned ref, kept current by a ResizeObserver. `undefined`
 * until first measured, so nothing is requested for a size that is not known yet. Where there is no
 * ResizeObserver (jsdom, old engines) it is measured once.
 */
export function useBoxSize(): [BoxSize | undefined, RefCallback<HTMLElement>] {
  const [size, setSize] = useState<BoxSize>();
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback<RefCallback<HTMLElement>>((element) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!element) return;
    const update = (width: number, height: number) =>
      setSize((last) => (last && last.width === width && last.height === height ? last : { width, height }));
    if (typeof ResizeObserver === 'undefined') {
      const rect = element.getBoundingClientRect();
      update(Math.round(rect.width), Math.round(rect.height));
      return;
    }
    observer.current = new ResizeObserver(([entry]) => {
      const box = entry?.contentBoxSize?.[0];
      const width = box ? box.inlineSize : (entry?.contentRect.width ?? 0);
      const height = box ? box.blockSize : (entry?.contentRect.height ?? 0);
      update(Math.round(width), Math.round(height));
    });
    observer.current.observe(element);
  }, []);
  return [size, ref];
}
