import {
  countOwnedObjectUrls,
  createHttpTransport,
  createMessageManager,
  type MessageManager,
  type V2TimMessage,
} from '@image-message/core';
import { ImageMessageComposer } from '@image-message/react';
import { dropFiles, renderWithImageMessage } from '@image-message/react/testing';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { digest, noisePng, signIn } from './support';

/** A hang guard, not a timing goal: a draft's image shows once its photo is prepared in the worker. */
const PREPARED = { timeout: 30_000 };

// The composer unmounting while a send is in flight (the user leaves the conversation or closes the
// panel), in each real engine over XMLHttpRequest, through the slow proxy in front of the real server
// (globalSetup.ts). The design (createDraftList's `dispose`): a send in flight finishes, because the
// user pressed Send and expects the image to arrive; drafts not being sent are discarded. Either way
// nothing is left behind: no object URL, no message state, no React warning.

const serverUrl = inject('serverUrl');
let token: string;

beforeAll(async () => {
  token = await signIn(serverUrl, 'alice');
});

let consoleProblems: unknown[][];
beforeEach(() => {
  consoleProblems = [];
  for (const method of ['error', 'warn'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleProblems.push([method, ...args]);
    });
  }
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const api = async <T,>(path: string) => {
  const response = await fetch(`${serverUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as { data?: T } };
};

/** A composer over the HTTP transport, through the slow proxy; records the ids the manager creates. */
function renderComposer() {
  const manager: MessageManager = createMessageManager({
    transport: createHttpTransport({ baseUrl: inject('slowUrl'), token }),
  });
  const ids = new Set<string>();
  manager.subscribe((id) => ids.add(id));
  const view = renderWithImageMessage(<ImageMessageComposer receiver="bob" />, { manager });
  return { ...view, manager, ids };
}

describe('the composer unmounts', () => {
  it('mid-upload: the upload still completes to exactly one stored message, and nothing is left behind', async () => {
    const urlsBefore = countOwnedObjectUrls();
    // About 9 MB: more than a second through the proxy's 8 MB/s.
    const file = await noisePng(2000, 1500, 'leaving.png');
    const { manager, ids, unmount } = renderComposer();
    await dropFiles(screen.getByRole('button', { name: 'Add images' }), [file]);
    await screen.findByRole('img', { name: 'leaving.png' }, PREPARED);
    // The message's own URL, and its draft's thumbnail (made when the photo was prepared).
    expect(countOwnedObjectUrls()).toBe(urlsBefore + 2);
    screen.getByRole('button', { name: 'Send' }).click();
    const bar = await screen.findByRole('progressbar', { name: 'Uploading leaving.png' });
    await waitFor(() => expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0), {
      timeout: 10_000,
    });
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
    const [id] = [...ids];
    expect(manager.getSendState(id as string)?.status).toBe('sending');

    unmount();

    // The send goes on without the component, and the server stores it once.
    await waitFor(async () => expect((await api(`/api/messages/${id}`)).status).toBe(200), {
      timeout: 20_000,
      interval: 100,
    });
    const page = await api<{ messages: V2TimMessage[] }>('/api/conversations/c2c_bob/messages?limit=200');
    const stored = page.body.data?.messages.filter((message) => message.id === id) ?? [];
    expect(stored).toHaveLength(1);
    const origin = stored[0]?.imageElem?.imageList?.find((image) => image.type === 0);
    const served = await (await fetch(origin?.url as string)).arrayBuffer();
    expect(await digest(served)).toBe(await digest(await file.arrayBuffer()));
    // Once settled, the orphaned draft is discarded: no state, no bytes, no object URL.
    await waitFor(() => expect(manager.getSendState(id as string)).toBeUndefined());
    expect(countOwnedObjectUrls()).toBe(urlsBefore);
    expect(consoleProblems).toEqual([]);
  });

  it('with a draft not being sent: the draft is discarded, its object URL revoked, nothing uploaded', async () => {
    const urlsBefore = countOwnedObjectUrls();
    const { manager, ids, unmount } = renderComposer();
    await dropFiles(screen.getByRole('button', { name: 'Add images' }), [await noisePng(64, 48, 'kept.png')]);
    await screen.findByRole('img', { name: 'kept.png' }, PREPARED);
    const [id] = [...ids];
    expect(countOwnedObjectUrls()).toBe(urlsBefore + 1);

    unmount();

    // Disposed a microtask after the unmount (StrictMode's remount must be able to keep the list).
    await waitFor(() => expect(manager.getSendState(id as string)).toBeUndefined());
    expect(countOwnedObjectUrls()).toBe(urlsBefore);
    // Sending the discarded id is refused by the manager (-1), so nothing can reach the server.
    expect((await manager.sendMessage({ id: id as string, receiver: 'bob' })).code).toBe(-1);
    expect((await api(`/api/messages/${id}`)).status).toBe(404);
    expect(consoleProblems).toEqual([]);
  });
});
