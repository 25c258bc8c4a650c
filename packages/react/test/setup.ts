import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { installObjectUrls, liveObjectUrls, revokedObjectUrls } from './objectUrls';

// A hang guard, not a timing goal: every test project shares two cores in CI, and a draft shows only
// after its file is read and prepared, which can take longer than Testing Library's default 1 s there.
configure({ asyncUtilTimeout: 5_000 });

beforeEach(() => {
  installObjectUrls();
  liveObjectUrls.clear();
  revokedObjectUrls.clear();
});

afterEach(() => {
  cleanup();
});
