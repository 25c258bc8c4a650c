import '../../packages/react/src/styles.css';
import {
  createHttpTransport,
  createMessageManager,
  fileToImageMessageParams,
  type V2TimMessage,
} from '@image-message/core';
import { ImageMessageView } from '@image-message/react';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { rgbaToThumbHash } from 'thumbhash';
import { afterEach, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import { engine } from './engine';
import { signIn } from './support';

// <ImageMessageView> in each engine against the real reference server, its images coming through a proxy
// that answers late and slowly (globalSetup.ts), so layout and requests can be watched while they load.

const serverUrl = inject('serverUrl');
const slowUrl = inject('slowDownloadUrl');

/** Mixed shapes: landscape, portrait, a panorama (cover-cropped at 4:1), a square and a small one. */
const SHAPES = [
  [1600, 1000],
  [900, 1600],
  [2400, 500],
  [800, 800],
  [300, 200],
] as const;

/** A JPEG with something on it, and its ThumbHash (what the prepare step attaches as the placeholder). */
async function paintedPhoto(width: number, height: number, hue: number) {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  const gradient = context.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, `hsl(${hue} 80% 60%)`);
  gradient.addColorStop(1, `hsl(${(hue + 90) % 360} 70% 35%)`);
  context.fillStyle = gradient;
  context.fillRect(0, 0, width, height);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  const small = new OffscreenCanvas(
    Math.round((100 * width) / Math.max(width, height)),
    Math.round((100 * height) / Math.max(width, height)),
  );
  const smallContext = small.getContext('2d') as OffscreenCanvasRenderingContext2D;
  smallContext.drawImage(canvas, 0, 0, small.width, small.height);
  const rgba = smallContext.getImageData(0, 0, small.width, small.height).data;
  const placeholder = btoa(String.fromCharCode(...rgbaToThumbHash(small.width, small.height, rgba)));
  return { file: new File([blob], `photo-${width}x${height}.jpg`, { type: 'image/jpeg' }), placeholder };
}

let messages: V2TimMessage[] = [];

beforeAll(async () => {
  // Carol sends the five photos to Bob through the real server.
  const manager = createMessageManager({
    transport: createHttpTransport({ baseUrl: serverUrl, token: await signIn(serverUrl, 'carol') }),
  });
  const placeholders = new Map<string, string>();
  for (const [index, [width, height]] of SHAPES.entries()) {
    const { file, placeholder } = await paintedPhoto(width, height, index * 70);
    const created = await manager.createImageMessage(await fileToImageMessageParams(file));
    if (!created.data) throw new Error(created.desc);
    const sent = await manager.sendMessage({ id: created.data.id, receiver: 'bob' });
    if (sent.code !== 0) throw new Error(sent.desc);
    placeholders.set(created.data.id, placeholder);
  }
  // Bob reads them through the slow proxy, so every image link points at it.
  const response = await fetch(`${slowUrl}/api/conversations/c2c_carol/messages?limit=100`, {
    headers: { authorization: `Bearer ${await signIn(serverUrl, 'bob')}` },
  });
  const page = (await response.json()) as { data: { messages: V2TimMessage[] } };
  messages = page.data.messages
    .filter((message) => placeholders.has(message.id ?? ''))
    .map((message) => ({
      ...message,
      imageElem: { ...message.imageElem, placeholder: placeholders.get(message.id ?? '') },
    }));
}, 60_000);

afterEach(async () => {
  cleanup();
  await setDeviceScale(undefined);
});

/**
 * A screen of `scale` device pixels per CSS pixel (`undefined`: the real one again). Chromium emulates
 * the screen itself (CDP); the other engines' drivers cannot, so there the page's `devicePixelRatio` —
 * what the view reads to pick a variant — is replaced.
 */
const realScale = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
async function setDeviceScale(scale: number | undefined) {
  if (engine === 'chromium') {
    if (scale === undefined) await cdp().send('Emulation.clearDeviceMetricsOverride');
    else
      await cdp().send('Emulation.setDeviceMetricsOverride', {
        width: 800,
        height: 600,
        deviceScaleFactor: scale,
        mobile: false,
      });
  } else if (scale === undefined) {
    // The window's own accessor where the engine defines it there (a [Global]'s attributes), else none.
    if (realScale) Object.defineProperty(window, 'devicePixelRatio', realScale);
    else Reflect.deleteProperty(window, 'devicePixelRatio');
  } else {
    Object.defineProperty(window, 'devicePixelRatio', { value: scale, configurable: true });
  }
}

function List({ items = messages }: { items?: V2TimMessage[] }) {
  return (
    <main style={{ width: 600 }}>
      <h1>Messages</h1>
      <ul style={{ listStyle: 'none', padding: 0, display: 'grid', gap: 12 }}>
        {items.map((message) => (
          <li key={message.id}>
            <ImageMessageView message={message} conversation={items} />
          </li>
        ))}
      </ul>
    </main>
  );
}

const boxes = () => [...document.querySelectorAll<HTMLElement>('.im-view')];
const imageRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(`${slowUrl}/files/`));

async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  });
  return result.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
  );
}

describe('ImageMessageView over a slow link', { timeout: 60_000 }, () => {
  it('paints placeholders first, loads only covering variants, and nothing shifts as the images arrive', async () => {
    performance.clearResourceTimings();
    // Layout shifts are reported in Chromium only; in every engine the boxes are measured before and after.
    const reportsShifts = PerformanceObserver.supportedEntryTypes.includes('layout-shift');
    expect(reportsShifts).toBe(engine === 'chromium');
    const shifts: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[])
        if (!entry.hadRecentInput) shifts.push(entry.value);
    });
    if (reportsShifts) observer.observe({ type: 'layout-shift' });
    render(<List />);
    expect(boxes()).toHaveLength(SHAPES.length);
    const before = boxes().map((box) => box.getBoundingClientRect().toJSON());

    // The proxy holds every answer 300 ms: the placeholders are on screen while nothing has loaded.
    await waitFor(() => expect(document.querySelectorAll('.im-view img')).toHaveLength(SHAPES.length));
    for (const box of boxes()) {
      expect(box).toHaveAttribute('data-state', 'loading');
      const placeholder = getComputedStyle(box, '::before');
      expect(placeholder.backgroundImage).toMatch(/^url\("data:image\/png;base64,/);
      expect(placeholder.opacity).toBe('1');
    }

    await waitFor(
      () => {
        for (const box of boxes()) expect(box).toHaveAttribute('data-state', 'loaded');
      },
      { timeout: 30_000 },
    );
    observer.disconnect();
    expect(boxes().map((box) => box.getBoundingClientRect().toJSON())).toEqual(before);
    expect(shifts).toEqual([]);

    // One request per bubble, each a variant (at 1× every box is covered by THUMB or LARGE), never ORIGIN.
    const requested = imageRequests();
    expect(requested).toHaveLength(SHAPES.length);
    expect(requested.filter((url) => url.includes('/origin?'))).toEqual([]);
  });

  it('on a 2× screen picks the variant that covers twice the pixels', async () => {
    await setDeviceScale(2);
    expect(window.devicePixelRatio).toBe(2);
    onTestFinished(() => expect(window.devicePixelRatio).toBe(1));
    const landscape = messages.find(
      (message) => message.imageElem?.imageList?.[0]?.width === 1600,
    ) as V2TimMessage;
    render(<List items={[landscape]} />);
    // A 280 × 175 box needs a 350 px shorter side at 2×: the LARGE (1152 × 720), not THUMB nor ORIGIN.
    await waitFor(
      () => expect(document.querySelector('.im-view img')?.getAttribute('src')).toMatch(/\/large\?/),
      { timeout: 10_000 },
    );
  });

  it('has no axe violations in the list nor in the open viewer', async () => {
    render(<List />);
    await waitFor(
      () => {
        for (const box of boxes()) expect(box).toHaveAttribute('data-state', 'loaded');
      },
      { timeout: 30_000 },
    );
    expect(await axeViolations()).toEqual([]);

    await userEvent.click(
      screen.getAllByRole('button', { name: /^Open image from Carol/ })[1] as HTMLElement,
    );
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(dialog).toHaveAttribute('data-state', 'loaded'), { timeout: 30_000 });
    expect(await axeViolations()).toEqual([]);
    // The portrait (900 × 1600) fits the stage: the whole image on screen, in its own shape.
    const stage = (dialog.querySelector('.im-viewer__stage') as HTMLElement).getBoundingClientRect();
    const canvas = (dialog.querySelector('.im-viewer__canvas') as HTMLElement).getBoundingClientRect();
    expect(canvas.height).toBeLessThanOrEqual(stage.height);
    expect(canvas.top).toBeGreaterThanOrEqual(stage.top);
    expect(canvas.width / canvas.height).toBeCloseTo(900 / 1600, 2);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
