import '../../packages/react/src/styles.css';
import type { V2TimMessage } from '@image-message/core';
import { ImageMessageComposer, ImageMessageView } from '@image-message/react';
import { renderWithImageMessage } from '@image-message/react/testing';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';

// Each engine here started on a system that prefers a dark scheme and reduced motion (projects
// preferences@…, scripts/systemPreferences.ts): Firefox by its own preferences, WebKitGTK from GTK's
// settings, Chromium from Playwright's context. tests/browser/composer.test.tsx switches the same media
// features mid-test, which only Chromium's driver can do; this shows each engine meeting them from the system.

afterEach(cleanup);

const message: V2TimMessage = {
  id: 'a',
  msgID: 'msg-a',
  elemType: 3,
  status: 2,
  sender: 'bob',
  imageElem: { imageList: [{ type: 0, width: 600, height: 400, size: 20_000, url: 'data:,' }] },
};

it('the engine reports what the system prefers', () => {
  expect(matchMedia('(prefers-color-scheme: dark)').matches).toBe(true);
  expect(matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(true);
});

/** The composer and an image message, with `className` on each (a theme class, or none). */
function renderComposerAndView(className?: string) {
  const rendered = renderWithImageMessage(
    <>
      <ImageMessageComposer receiver="bob" className={className} />
      <ImageMessageView message={message} className={className} />
    </>,
  );
  return {
    ...rendered,
    composer: screen.getByRole('group', { name: 'Send images' }),
    view: rendered.container.querySelector('.im-view') as Element,
  };
}

it('the composer and the view are dark, as the system is; the light class overrides each', () => {
  const dark = renderComposerAndView();
  const composer = getComputedStyle(dark.composer).backgroundColor;
  const view = getComputedStyle(dark.view).backgroundColor;
  dark.unmount();
  const light = renderComposerAndView('im-theme-light');
  expect(composer).toBe('rgb(22, 25, 29)');
  expect(getComputedStyle(light.composer).backgroundColor).toBe('rgb(255, 255, 255)');
  expect(view).toBe('rgb(42, 47, 54)');
  expect(getComputedStyle(light.view).backgroundColor).toBe('rgb(230, 233, 238)');
});

it('nothing in the composer nor the view moves: every transition is off', () => {
  const { view } = renderComposerAndView();
  const zone = screen.getByRole('button', { name: 'Add images' }).parentElement as HTMLElement;
  expect(getComputedStyle(zone).transitionDuration).toBe('0s');
  expect(getComputedStyle(view, '::before').transitionDuration).toBe('0s');
});
