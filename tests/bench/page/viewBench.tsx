import type { V2TimImage, V2TimMessage } from '@image-message/core';
import { ImageMessageView } from '@image-message/react';
import type { ViewBenchApi } from './benchApi';
import { frame, longTasksBetween } from './instrumentation';
import { $, render, unmount } from './stage';

// Figure 7: <ImageMessageView> showing a conversation of 100 image messages from the reference server.

let messages: V2TimMessage[] = [];
let run = 0;

/**
 * The messages with every image link made new (`&bench-run=N`, which the server ignores): the page keeps
 * decoded images of a document in memory whatever the HTTP cache says, and each run must load them anew.
 */
function freshLinks(list: readonly V2TimMessage[]): V2TimMessage[] {
  run += 1;
  return list.map((message) => ({
    ...message,
    imageElem: {
      ...message.imageElem,
      imageList: message.imageElem?.imageList?.map((image) => ({
        ...image,
        url: `${image.url}&bench-run=${run}`,
      })),
    },
  }));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const views = () => [...document.querySelectorAll<HTMLElement>('#stage .im-view')];
const thumbOf = (message: V2TimMessage) =>
  message.imageElem?.imageList?.find((image) => image.type === 1) as V2TimImage;

/** Resolves once `done()` holds, checking every frame; rejects after `ms`. */
async function until(done: () => boolean, ms = 120_000) {
  const deadline = performance.now() + ms;
  while (!done()) {
    if (performance.now() > deadline) throw new Error('timed out');
    await frame();
  }
}

/** Sums layout-shift scores (without recent input, as CLS) until the returned function is called. */
function watchLayoutShifts() {
  let score = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
    })[])
      if (!entry.hadRecentInput) score += entry.value;
  });
  observer.observe({ type: 'layout-shift' });
  return async () => {
    await frame();
    await sleep(50);
    observer.disconnect();
    return score;
  };
}

/** Four columns of chat bubbles, every one in the (tall) viewport so every image loads. */
function Grid({ children }: { children: React.ReactNode }) {
  return <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 270px)', gap: 8 }}>{children}</div>;
}

export const viewBench: ViewBenchApi = {
  async loadConversation({ serverUrl, token, conversationID }) {
    const response = await fetch(`${serverUrl}/api/conversations/${conversationID}/messages?limit=100`, {
      headers: { authorization: `Bearer ${token}` },
    });
    messages = ((await response.json()) as { data: { messages: V2TimMessage[] } }).data.messages;
    return {
      count: messages.length,
      originBytes: messages.reduce((sum, message) => sum + (message.imageElem?.imageList?.[0]?.size ?? 0), 0),
    };
  },

  async showList(kind) {
    await unmount();
    const list = freshLinks(messages);
    const stop = watchLayoutShifts();
    const started = performance.now();
    if (kind === 'view') {
      await render(
        <Grid>
          {list.map((message) => (
            <ImageMessageView
              key={message.id}
              message={message}
              conversation={list}
              style={
                { '--im-view-max-width': '260px', '--im-view-max-height': '260px' } as React.CSSProperties
              }
            />
          ))}
        </Grid>,
      );
      await until(
        () => views().length === messages.length && views().every((view) => view.dataset.state === 'loaded'),
      );
    } else {
      // The baseline: the same THUMBs as plain <img>s with no size reserved, as a naive list renders them.
      await render(
        <Grid>
          {list.map((message) => (
            <img
              key={message.id}
              src={thumbOf(message).url}
              alt=""
              style={{ maxWidth: 260, display: 'block' }}
            />
          ))}
        </Grid>,
      );
      const images = () => [...document.querySelectorAll<HTMLImageElement>('#stage img')];
      await until(() => images().every((image) => image.complete));
    }
    return { cls: await stop(), ms: performance.now() - started };
  },

  async openViewer(index) {
    const opener = views()[index]?.querySelector<HTMLButtonElement>('.im-view__open');
    if (!opener) throw new Error(`no view ${index}`);
    const started = performance.now();
    opener.click();
    let large: HTMLImageElement | null = null;
    await until(() => {
      large = document.querySelector<HTMLImageElement>('.im-viewer__image--large');
      return Boolean(large?.complete && large.naturalWidth > 0);
    });
    await (large as HTMLImageElement | null)?.decode();
    await frame();
    return performance.now() - started;
  },

  async closeViewer() {
    document
      .querySelector('.im-viewer')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await until(() => !document.querySelector('.im-viewer'));
  },

  async loadLargeDirectly(index) {
    const message = messages[index] as V2TimMessage;
    const large = message.imageElem?.imageList?.find((image) => image.type === 2) as V2TimImage;
    const started = performance.now();
    const image = new Image();
    image.src = large.url as string;
    $('#stage').append(image);
    await image.decode();
    await frame();
    image.remove();
    return performance.now() - started;
  },

  async pageThroughViewer({ pages, gapMs, idle }) {
    const dialog = document.querySelector('.im-viewer');
    const started = performance.now();
    for (let page = 0; page < pages; page++) {
      if (!idle) dialog?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      await sleep(gapMs);
    }
    return longTasksBetween(started, performance.now());
  },
};
