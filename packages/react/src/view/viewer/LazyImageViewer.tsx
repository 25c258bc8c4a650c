import { lazy } from 'react';

let loading: Promise<typeof import('./ImageViewer')> | undefined;
const load = () => {
  loading ??= import('./ImageViewer');
  return loading;
};

/** Starts loading the viewer's code (its own chunk) ahead of a click; safe to call often. */
export function preloadImageViewer() {
  void load();
}

/** The viewer, loaded on first use so the bubbles of a conversation do not carry its code. */
export const LazyImageViewer = /* @__PURE__ */ lazy(() =>
  load().then((module) => ({ default: module.ImageViewer })),
);
