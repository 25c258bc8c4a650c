import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  countOwnedObjectUrls,
  createMemoryTransport,
  createMessageManager,
  type MemoryTransportOptions,
} from '@image-message/core';
import { QueryClient } from '@tanstack/react-query';
import { act } from '@testing-library/react';

export { countOwnedObjectUrls };

/** A committed fixture as a File (see tests/fixtures/generate.mjs). */
export function fixtureFile(name: string, presentedName = name, type = 'image/png'): File {
  const bytes = readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/images', name));
  return new File([new Uint8Array(bytes)], presentedName, { type });
}

export function setupManager(options: MemoryTransportOptions = {}) {
  const transport = createMemoryTransport(options);
  const manager = createMessageManager({ transport });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return { transport, manager, queryClient };
}

/** Lets the frame-throttled snapshots reach React: waits for the next animation frame inside act. */
export async function nextFrame() {
  await act(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  });
}
