// Figure 10 in the page: a 12 MP JPEG dropped → its preview painted, in the composer (prepared in the
// worker, shown from a small copy) and as the naive `<img src=blob:>` of the whole file.
import { frame, type HeartbeatStalls, longTasksBetween } from './instrumentation';
import { $, composer, render, unmount } from './stage';

export interface PaintedPreview extends HeartbeatStalls {
  /** From the drop event to the preview's first paint (Element Timing's renderTime). */
  ms: number;
  longTasks: number;
  longestTaskMs: number;
  longFrames: number;
  longestFrameMs: number;
  /** Scripts of the long animation frames meanwhile, longest first. */
  culprits: string[];
  /** Pixels of the image painted as the preview. */
  naturalPixels: number;
}

/** Element Timing's entry (not in lib.dom yet): when an `elementtiming` image was first painted. */
interface ElementTiming extends PerformanceEntry {
  identifier: string;
  url: string;
  renderTime: number;
  loadTime: number;
  element: Element | null;
}

const IDENTIFIER = 'bench-preview';
/** Element Timing exists in Chromium only; elsewhere the paint is taken as decode() and two frames. */
const ELEMENT_TIMING = PerformanceObserver.supportedEntryTypes?.includes('element') ?? false;
let painted: ((entry: ElementTiming) => void) | undefined;
if (ELEMENT_TIMING)
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as ElementTiming[]) {
      // The composer's empty frame while preparing is a data: URL; the preview is a blob: one.
      if (entry.identifier === IDENTIFIER && entry.url.startsWith('blob:')) painted?.(entry);
    }
  }).observe({ type: 'element', buffered: false });

/** Drops `file` on `target` the way a browser does: dragenter, dragover, drop with one DataTransfer. */
function drop(target: Element, file: File) {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }
}

/** The naive preview many apps start with: the whole file as an `<img>` in an 88 px box. */
function naiveDropTarget(): { zone: HTMLElement; release: () => void } {
  const zone = document.createElement('div');
  zone.style.cssText = 'width: 320px; height: 120px; border: 1px dashed';
  const urls: string[] = [];
  zone.addEventListener('dragover', (event) => event.preventDefault());
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    for (const file of Array.from(event.dataTransfer?.files ?? [])) {
      const img = document.createElement('img');
      img.setAttribute('elementtiming', IDENTIFIER);
      img.alt = file.name;
      img.style.cssText = 'width: 88px; height: 88px; object-fit: cover';
      const url = URL.createObjectURL(file);
      urls.push(url);
      img.src = url;
      zone.append(img);
    }
  });
  $('#stage').append(zone);
  const release = () => {
    for (const url of urls) URL.revokeObjectURL(url);
  };
  return { zone, release };
}

/** Marks the composer's preview images for Element Timing as soon as they are in the DOM (before paint). */
function markComposerPreviews(): () => void {
  const observer = new MutationObserver(() => {
    for (const img of document.querySelectorAll('#stage img.im-preview__image:not([elementtiming])')) {
      img.setAttribute('elementtiming', IDENTIFIER);
    }
  });
  observer.observe($('#stage'), { subtree: true, childList: true });
  return () => observer.disconnect();
}

/**
 * Without Element Timing (Firefox, WebKit): the marked blob: image once it is in the page, decoded, and two
 * animation frames later — it has been painted by then. Later than the real paint by up to a frame.
 */
async function decodedAndFramed(): Promise<Pick<ElementTiming, 'renderTime' | 'element'>> {
  for (;;) {
    const img = document.querySelector<HTMLImageElement>(
      `#stage img[elementtiming="${IDENTIFIER}"][src^="blob:"]`,
    );
    if (img) {
      await img.decode().catch(() => undefined);
      await frame();
      await frame();
      return { renderTime: performance.now(), element: img };
    }
    await frame();
  }
}

/**
 * One run: mounts a fresh composer (memory transport, preparing on as by default) or the naive drop
 * target, drops the 12 MP JPEG on it, and waits for the preview's first paint.
 */
export async function dropPreview(file: File, kind: 'composer' | 'naive'): Promise<PaintedPreview> {
  let cleanup: () => void;
  let zone: Element;
  if (kind === 'composer') {
    await render(composer('memory'));
    cleanup = markComposerPreviews();
    zone = $('#stage .im-dropzone');
  } else {
    await unmount();
    const naive = naiveDropTarget();
    cleanup = naive.release;
    zone = naive.zone;
  }
  const entry = new Promise<ElementTiming>((resolve) => {
    painted = resolve;
  });
  const start = performance.now();
  drop(zone, file);
  const shown = ELEMENT_TIMING ? await entry : await decodedAndFramed();
  painted = undefined;
  const end = shown.renderTime;
  const img = shown.element as HTMLImageElement | null;
  const result = {
    ms: end - start,
    ...(await longTasksBetween(start, end)),
    naturalPixels: (img?.naturalWidth ?? 0) * (img?.naturalHeight ?? 0),
  };
  cleanup();
  await unmount();
  return result;
}
