import '../../packages/react/src/styles.css';
import type { V2TimMessage } from '@image-message/core';
import {
  IMAGE_MESSAGE_LOCALES,
  ImageMessageComposer,
  ImageMessageView,
  loadImageMessageLocale,
  resolveStrings,
  resolveViewStrings,
} from '@image-message/react';
import { renderWithImageMessage } from '@image-message/react/testing';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';

// Every locale in each engine: the strings arrive (each locale's own chunk), the layout follows the reading
// direction with the engine's own CSS (logical properties, `dir`), ←/→ in the viewer follow it, the viewer's
// toolbar stays on one line on a phone's width, and axe finds nothing serious. jsdom checks the texts
// (packages/react/test/locales.test.tsx); this checks what only a layout engine can show.

let photoUrl = '';

beforeAll(async () => {
  const canvas = new OffscreenCanvas(600, 400);
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  context.fillStyle = '#3a7bd5';
  context.fillRect(0, 0, 600, 400);
  photoUrl = URL.createObjectURL(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 }));
  // A phone's width, where a toolbar that does not fit would wrap.
  await page.viewport(390, 760);
  // WebKitGTK's MiniBrowser window stops at 447 px under Xvfb: still narrower than any tablet.
  expect(window.innerWidth).toBeLessThanOrEqual(450);
});

afterAll(() => URL.revokeObjectURL(photoUrl));
afterEach(cleanup);

const sent = (id: string, sender: string): V2TimMessage => ({
  id,
  msgID: `msg-${id}`,
  elemType: 3,
  status: 2,
  sender,
  nickName: sender,
  imageElem: {
    imageList: [
      { type: 0, width: 600, height: 400, size: 20_000, url: photoUrl },
      { type: 1, width: 297, height: 198, url: photoUrl },
      { type: 2, width: 1080, height: 720, url: photoUrl },
    ],
  },
});

describe.each(IMAGE_MESSAGE_LOCALES)('%s in this engine', (locale) => {
  const rtl = locale === 'ar';

  it('lays the composer and the view out in the reading direction, and the viewer pages with ←/→ as it reads', async () => {
    await loadImageMessageLocale(locale);
    const strings = resolveStrings(locale);
    const view = resolveViewStrings(locale);
    const conversation = [sent('a', 'carol'), sent('b', 'bob'), sent('c', 'dave')];
    renderWithImageMessage(
      <div>
        {conversation.map((message) => (
          <ImageMessageView key={message.id} message={message} conversation={conversation} locale={locale} />
        ))}
        <ImageMessageComposer receiver="bob" locale={locale} />
      </div>,
    );

    const composer = await screen.findByRole('group', { name: strings.composerLabel });
    expect(getComputedStyle(composer).direction).toBe(rtl ? 'rtl' : 'ltr');
    expect(screen.getByLabelText(strings.addImages, { selector: 'input' })).toBeInTheDocument();
    // The Send button sits at the end of the footer: the right in a left-to-right locale, the left in Arabic.
    const send = screen.getByRole('button', { name: strings.send });
    const footer = send.parentElement as HTMLElement;
    const [sendBox, footerBox] = [send.getBoundingClientRect(), footer.getBoundingClientRect()];
    if (rtl) expect(sendBox.left - footerBox.left).toBeLessThan(footerBox.right - sendBox.right);
    else expect(footerBox.right - sendBox.right).toBeLessThan(sendBox.left - footerBox.left);

    const opener = screen.getByRole('button', {
      name: view.open({ name: view.imageName({ sender: 'bob', self: false }) }),
    });
    await userEvent.click(opener);
    const dialog = await screen.findByRole('dialog');
    expect(getComputedStyle(dialog).direction).toBe(rtl ? 'rtl' : 'ltr');
    await waitFor(() =>
      expect(within(dialog).getByText(view.counterLabel({ index: 2, count: 3 }))).toBeTruthy(),
    );

    // One line of tools at 390 px, in every language.
    const tools = [view.zoomIn, view.zoomOut, view.zoomFit, view.close].map((name) =>
      within(dialog).getByRole('button', { name }),
    );
    const tops = new Set(tools.map((tool) => Math.round(tool.getBoundingClientRect().top)));
    expect(tops.size).toBe(1);
    expect(dialog.scrollWidth).toBeLessThanOrEqual(dialog.clientWidth + 1);

    const results = await axe.run(dialog, { resultTypes: ['violations'] });
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // → goes forward where text reads left to right, and back where it reads right to left.
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() =>
      expect(within(dialog).getByText(view.counterLabel({ index: rtl ? 1 : 3, count: 3 }))).toBeTruthy(),
    );
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
