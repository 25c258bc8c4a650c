import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { IMAGE_MESSAGE_LOCALES, loadImageMessageLocale } from '../src';
import { installObjectUrls, liveObjectUrls, revokedObjectUrls } from './objectUrls';

// A hang guard, not a timing goal: every test project shares two cores in CI, and a draft shows only
// after its file is read and prepared, which can take longer than Testing Library's default 1 s there.
configure({ asyncUtilTimeout: 5_000 });

// Every locale at hand, so a test renders in it at once; loading on first use (suspending meanwhile) is
// tested on its own, with a fresh module graph (locales.test.tsx).
beforeAll(() => Promise.all(IMAGE_MESSAGE_LOCALES.map(loadImageMessageLocale)));

beforeEach(() => {
  installObjectUrls();
  liveObjectUrls.clear();
  revokedObjectUrls.clear();
});

afterEach(() => {
  cleanup();
});
