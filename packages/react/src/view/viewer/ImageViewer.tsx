import { pickImageVariant, type V2TimMessage } from '@image-message/core';
import {
  type CSSProperties,
  type KeyboardEvent,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { cx } from '../../composer/parts/cx';
import type { ImageMessageViewStrings } from '../../i18n/types';
import { descriptionOf, fileNameOf, intrinsicSize, originOf } from '../imageOfMessage';
import { useOriginalImage } from './useOriginalImage';
import { useZoom } from './useZoom';

export interface ImageViewerProps {
  /** The image messages to page through. */
  messages: readonly V2TimMessage[];
  startIndex: number;
  strings: ImageMessageViewStrings;
  /** Names a message's image ("from Alice, 10:42"). */
  nameOf: (message: V2TimMessage) => string;
  onClose: () => void;
  className?: string;
}

/** The LARGE variant (shorter side 720) the viewer shows at once; the ORIGIN for a smaller image. */
const LARGE_SHORT_SIDE = 720;

type ViewerCommand = 'close' | 'previous' | 'next' | 'first' | 'last' | 'zoomIn' | 'zoomOut' | 'fit';

/** The viewer's keys: Esc, ←/→ (Home/End), + (or =), − and 0. */
const KEY_COMMANDS: Readonly<Record<string, ViewerCommand>> = {
  Escape: 'close',
  ArrowLeft: 'previous',
  ArrowRight: 'next',
  Home: 'first',
  End: 'last',
  '+': 'zoomIn',
  '=': 'zoomIn',
  '-': 'zoomOut',
  '0': 'fit',
};

const largeOf = (message: V2TimMessage | undefined) =>
  pickImageVariant(message?.imageElem?.imageList, LARGE_SHORT_SIDE);

/**
 * The full-screen image viewer: a modal `<dialog>` (the browser keeps focus inside and the page inert),
 * the LARGE variant at once with the ORIGIN loading over it behind a progress bar, zoom (+ − 0, wheel,
 * pinch, drag to pan), ←/→ through `messages`, a counter, a Download link, Esc or Close to leave.
 */
export function ImageViewer({ messages, startIndex, strings, nameOf, onClose, className }: ImageViewerProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [index, setIndex] = useState(startIndex);
  const message = messages[index];
  const count = messages.length;
  const { zoom, zoomIn, zoomOut, reset, handlers } = useZoom();

  const large = largeOf(message);
  const origin = message ? originOf(message) : undefined;
  const originUrl = origin?.url ?? origin?.localUrl;
  const original = useOriginalImage(originUrl);
  const [originShown, setOriginShown] = useState<string>();
  const [failed, setFailed] = useState<string>();
  const largeUrl = large?.url ?? large?.localUrl;
  const showsOriginal = originShown !== undefined && originShown === original.src;
  const state =
    failed && failed === (original.src ?? largeUrl) ? 'error' : showsOriginal ? 'loaded' : 'loading';
  const size = message ? intrinsicSize(message) : { width: 1, height: 1 };
  const name = message ? nameOf(message) : '';

  // Before paint, so the dialog never shows as a plain in-page box first.
  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (typeof element.showModal === 'function' && !element.open) element.showModal();
    else element.setAttribute('open', '');
    closeButton.current?.focus();
    return () => {
      if (typeof element.close === 'function' && element.open) element.close();
    };
  }, []);

  // The neighbours' LARGE variants load while this one is looked at, so paging shows them at once.
  useEffect(() => {
    for (const neighbour of [messages[index - 1], messages[index + 1]]) {
      const url = largeOf(neighbour)?.url;
      if (url) new Image().src = url;
    }
  }, [messages, index]);

  const go = (next: number) => {
    if (next < 0 || next >= count || next === index) return;
    setIndex(next);
    reset();
  };

  const run: Record<ViewerCommand, () => void> = {
    close: onClose,
    previous: () => go(index - 1),
    next: () => go(index + 1),
    first: () => go(0),
    last: () => go(count - 1),
    zoomIn,
    zoomOut,
    fit: reset,
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    const command = KEY_COMMANDS[event.key];
    if (!command || event.altKey || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    run[command]();
  };

  return (
    <dialog
      ref={dialog}
      className={cx('im-viewer', className)}
      aria-modal="true"
      aria-labelledby={titleId}
      data-state={state}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        // Esc: React owns whether the viewer is open.
        event.preventDefault();
        onClose();
      }}
    >
      <div className="im-viewer__bar">
        <p className="im-viewer__title" id={titleId}>
          {strings.viewerLabel({ name })}
        </p>
        <p className="im-viewer__counter" aria-live="polite">
          <span aria-hidden="true">{strings.counter({ index: index + 1, count })}</span>
          <span className="im-visually-hidden">{strings.counterLabel({ index: index + 1, count })}</span>
        </p>
        <div className="im-viewer__tools">
          <button type="button" className="im-viewer__button" onClick={zoomOut} disabled={zoom.scale <= 1}>
            <span aria-hidden="true">−</span>
            <span className="im-visually-hidden">{strings.zoomOut}</span>
          </button>
          <button type="button" className="im-viewer__button" onClick={reset} disabled={zoom.scale === 1}>
            {strings.zoomFit}
          </button>
          <button type="button" className="im-viewer__button" onClick={zoomIn} disabled={zoom.scale >= 8}>
            <span aria-hidden="true">+</span>
            <span className="im-visually-hidden">{strings.zoomIn}</span>
          </button>
          {origin?.url && (
            <a
              className="im-viewer__button"
              href={origin.url}
              download={fileNameOf(message as V2TimMessage) ?? ''}
            >
              {strings.download}
            </a>
          )}
          <button ref={closeButton} type="button" className="im-viewer__button" onClick={onClose}>
            {strings.close}
          </button>
        </div>
      </div>
      <div className="im-viewer__stage" {...handlers} data-zoomed={zoom.scale > 1 || undefined}>
        <div
          className="im-viewer__canvas"
          style={
            {
              '--im-viewer-ratio': size.width / size.height,
              '--im-viewer-width': `${size.width}px`,
              aspectRatio: `${size.width} / ${size.height}`,
              transform: `translate(${zoom.x}px, ${zoom.y}px) scale(${zoom.scale})`,
            } as CSSProperties
          }
        >
          {largeUrl && largeUrl !== original.src && (
            <img
              key={`large-${largeUrl}`}
              className="im-viewer__image im-viewer__image--large"
              src={largeUrl}
              alt=""
              decoding="async"
              draggable={false}
              onError={() => !original.src && setFailed(largeUrl)}
            />
          )}
          {original.src && (
            <img
              key={`origin-${original.src}`}
              className="im-viewer__image im-viewer__image--origin"
              src={original.src}
              alt={(message && descriptionOf(message)) ?? name}
              decoding="async"
              draggable={false}
              data-shown={showsOriginal || undefined}
              onLoad={() => setOriginShown(original.src)}
              onError={() => setFailed(original.src)}
            />
          )}
        </div>
        {state === 'loading' && (
          <div
            role="progressbar"
            aria-label={strings.loadingOriginal}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={original.progress}
            aria-valuetext={original.progress === undefined ? undefined : `${original.progress}%`}
            className="im-viewer__progress"
            data-indeterminate={original.progress === undefined || undefined}
            style={{ '--im-progress': `${original.progress ?? 30}%` } as CSSProperties}
          />
        )}
        {state === 'error' && <p className="im-viewer__error">{strings.loadFailed}</p>}
      </div>
      <button
        type="button"
        className="im-viewer__page im-viewer__page--previous"
        onClick={() => go(index - 1)}
        disabled={index === 0}
      >
        <span aria-hidden="true">‹</span>
        <span className="im-visually-hidden">{strings.previous}</span>
      </button>
      <button
        type="button"
        className="im-viewer__page im-viewer__page--next"
        onClick={() => go(index + 1)}
        disabled={index >= count - 1}
      >
        <span aria-hidden="true">›</span>
        <span className="im-visually-hidden">{strings.next}</span>
      </button>
    </dialog>
  );
}
