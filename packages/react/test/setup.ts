import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { installObjectUrls, liveObjectUrls, revokedObjectUrls } from './objectUrls';

beforeEach(() => {
  installObjectUrls();
  liveObjectUrls.clear();
  revokedObjectUrls.clear();
});

afterEach(() => {
  cleanup();
});
