import {
  createMemoryTransport,
  type ImageTransport,
  type PrepareImageOptions,
  type V2TimImage,
} from '@image-message/core';
import { ImageMessageComposer, ImageMessageProvider } from '@image-message/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Profiler, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { frame, onRender } from './instrumentation';

export const RECEIVER = 'bob';
export const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;

let root: Root | undefined;

/** Renders `node` as the only thing in #stage, once the previous one is gone. */
export async function render(node: ReactNode) {
  await unmount();
  root = createRoot($('#stage'));
  root.render(node);
  await frame();
}

export async function unmount() {
  root?.unmount();
  root = undefined;
  $('#stage').replaceChildren();
  await frame();
}

/**
 * The composer as an app mounts it, inside `<Profiler>`: a fresh QueryClient, a fresh manager (the
 * provider makes one for the transport), `onSent` handing the stored message's images back.
 */
export function composer(
  transport: ImageTransport | 'memory',
  onSent?: (images?: V2TimImage[]) => void,
  prepare?: PrepareImageOptions | false,
) {
  return (
    <QueryClientProvider client={new QueryClient()}>
      <ImageMessageProvider transport={transport === 'memory' ? createMemoryTransport() : transport}>
        <Profiler id="composer" onRender={onRender}>
          <ImageMessageComposer
            receiver={RECEIVER}
            {...(prepare !== undefined && { prepare })}
            onSent={(message) => onSent?.(message.imageElem?.imageList)}
            onError={(error) => console.error('bench: send failed', error.code, error.desc)}
            onReject={(rejections) => console.error('bench: rejected', rejections)}
          />
        </Profiler>
      </ImageMessageProvider>
    </QueryClientProvider>
  );
}

/** Resolves with the time the composer's preview `<img>` (the image, not the empty frame) has loaded and decoded. */
export function watchComposerPreview(): Promise<number> {
  return new Promise((resolve, reject) => {
    const stage = $('#stage');
    const ready = (img: HTMLImageElement) => {
      observer.disconnect();
      const decoded = () => img.decode().then(() => resolve(performance.now()), reject);
      if (img.complete && img.naturalWidth > 0) void decoded();
      else img.addEventListener('load', () => void decoded(), { once: true });
    };
    const observer = new MutationObserver(() => {
      // The image's own preview is a blob: URL; while the photo is prepared (or its small copy made) the
      // frame shows an empty data: image, which is not the preview.
      const img = stage.querySelector<HTMLImageElement>('img.im-preview__image');
      if (img?.src.startsWith('blob:')) ready(img);
    });
    observer.observe(stage, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] });
  });
}

/** Resolves with the time of the `change` event of the input Playwright is about to fill. */
export function arrivalAt(input: HTMLInputElement): Promise<number> {
  return new Promise((resolve) =>
    input.addEventListener('change', () => resolve(performance.now()), { capture: true, once: true }),
  );
}
