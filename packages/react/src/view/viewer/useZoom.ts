import { type PointerEvent, useCallback, useRef, useState, type WheelEvent } from 'react';

/** Scale and pan of the viewer's image; 1 is "fit to screen". */
export interface Zoom {
  scale: number;
  x: number;
  y: number;
}

const FIT: Zoom = { scale: 1, x: 0, y: 0 };
export const MIN_SCALE = 1;
export const MAX_SCALE = 8;
const STEP = 1.5;

const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/**
 * Zoom for the viewer: buttons and keys step by 1.5× (fit … 8×), the wheel and a two-finger pinch zoom
 * smoothly, and a zoomed image pans with one pointer. Back at fit, the pan resets.
 */
export function useZoom() {
  const [zoom, setZoom] = useState<Zoom>(FIT);
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const pinch = useRef<{ distance: number; scale: number } | null>(null);

  const scaleTo = useCallback((next: (scale: number) => number) => {
    setZoom((last) => {
      const scale = clampScale(next(last.scale));
      if (scale === MIN_SCALE) return FIT;
      // Keep the pan inside what the larger scale can show.
      const keep = scale / last.scale;
      return { scale, x: last.x * keep, y: last.y * keep };
    });
  }, []);

  const distance = () => {
    const [a, b] = [...pointers.current.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  };

  return {
    zoom,
    zoomIn: () => scaleTo((scale) => scale * STEP),
    zoomOut: () => scaleTo((scale) => scale / STEP),
    reset: () => setZoom(FIT),
    handlers: {
      onWheel: (event: WheelEvent) => {
        // Trackpad pinches arrive as ctrl+wheel; a plain wheel zooms too (a viewer has nothing to scroll).
        const factor = Math.exp(-event.deltaY * (event.ctrlKey ? 0.01 : 0.002));
        scaleTo((scale) => scale * factor);
      },
      onPointerDown: (event: PointerEvent) => {
        pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
        event.currentTarget.setPointerCapture?.(event.pointerId);
        if (pointers.current.size === 2) pinch.current = { distance: distance(), scale: zoom.scale };
      },
      onPointerMove: (event: PointerEvent) => {
        const last = pointers.current.get(event.pointerId);
        if (!last) return;
        pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
        if (pinch.current && pointers.current.size === 2) {
          const start = pinch.current;
          if (start.distance > 0) scaleTo(() => (start.scale * distance()) / start.distance);
        } else if (pointers.current.size === 1) {
          const dx = event.clientX - last.x;
          const dy = event.clientY - last.y;
          setZoom((current) =>
            current.scale === 1 ? current : { ...current, x: current.x + dx, y: current.y + dy },
          );
        }
      },
      onPointerUp: (event: PointerEvent) => {
        pointers.current.delete(event.pointerId);
        if (pointers.current.size < 2) pinch.current = null;
      },
      onPointerCancel: (event: PointerEvent) => {
        pointers.current.delete(event.pointerId);
        pinch.current = null;
      },
    },
  };
}
