import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;
/** A request not fulfilled after this many renders is dropped, so focus never jumps much later. */
const MAX_RENDERS = 30;

interface FocusRequest {
  target: string;
  /** While this element exists the target is still expected to appear… */
  within?: string;
  /** …and once it is gone, this gets focus instead. */
  fallback?: string;
  renders: number;
}

/**
 * Where focus goes when the control that had it disappears: Cancel turns into Retry, a removed draft
 * takes its Remove button with it. Without this, focus falls back to <body> and keyboard and
 * screen-reader users lose their place. Drafts update on animation frames, so the target may appear a
 * few renders after the action. `focusSoon(target, within, fallback)`: while `within` exists, wait for
 * `target`; once it is gone, focus `fallback` instead.
 */
export function useFocusAfterUpdate(root: RefObject<HTMLElement | null>) {
  const pending = useRef<FocusRequest | null>(null);

  useIsomorphicLayoutEffect(() => {
    const request = pending.current;
    const container = root.current;
    if (!request || !container) return;
    const find = (selector: string | undefined) => {
      const element = selector ? container.querySelector<HTMLElement>(selector) : null;
      return element && !element.hasAttribute('disabled') ? element : null;
    };
    const gone = request.within !== undefined && !container.querySelector(request.within);
    const target = find(request.target) ?? (gone ? find(request.fallback) : null);
    target?.focus();
    if (target || gone || ++request.renders > MAX_RENDERS) pending.current = null;
  });

  return (target: string, within?: string, fallback?: string) => {
    // Only steer focus that is already inside the composer; never pull it from elsewhere on the page.
    const container = root.current;
    if (container?.contains(container.ownerDocument.activeElement)) {
      pending.current = { target, within, fallback, renders: 0 };
    }
  };
}
