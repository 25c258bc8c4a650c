import { rgbaToThumbHash } from 'thumbhash';
import { describe, expect, it } from 'vitest';
import {
  createHttpTransport,
  createMemoryTransport,
  createMessageManager,
  ErrorCode,
  IMAGE_PLACEHOLDER_MAX_LENGTH,
  type ImageTransport,
  isImagePlaceholder,
} from '../src';
import { fixture } from './fixtures';
import { settle, useFakeTimersWithTusLoaded } from './support/fakeTime';
import { createStubServer } from './support/stubServer';

// `imageElem.placeholder` from createImageMessage to what each core transport delivers or sends. The
// real server's side: packages/server/test/placeholder.test.ts and tests/integration/.

/** A real ThumbHash of noise, as `btoa` writes it (core's encoder) or unpadded (ThumbHash's demo). */
function thumbHash(width: number, height: number, alpha: boolean, padded = true): string {
  const pixels = new Uint8Array(width * height * 4).map((_, i) =>
    i % 4 === 3 && !alpha ? 255 : (i * 7919) % 256,
  );
  const base64 = btoa(String.fromCharCode(...rgbaToThumbHash(width, height, pixels)));
  return padded ? base64 : base64.replace(/=+$/, '');
}

const HASH = thumbHash(100, 75, false);

async function created(transport: ImageTransport, placeholder: string | undefined) {
  const manager = createMessageManager({ transport });
  const result = await manager.createImageMessage({
    imagePath: '/photos/photo.jpg',
    fileContent: fixture('photo.jpg'),
    fileName: 'photo.jpg',
    ...(placeholder !== undefined && { placeholder }),
  });
  if (!result.data) throw new Error(result.desc);
  return { manager, id: result.data.id };
}

describe('isImagePlaceholder', () => {
  it.each([
    ['opaque, padded', thumbHash(100, 75, false)],
    ['with alpha, padded', thumbHash(75, 100, true)],
    ['unpadded', thumbHash(100, 100, true, false)],
    ['a thin strip', thumbHash(100, 1, false)],
  ])('accepts a real ThumbHash (%s)', (_case, hash) => {
    expect(isImagePlaceholder(hash)).toBe(true);
  });

  it.each([
    ['not a string', 42],
    ['empty', ''],
    ['4 bytes (shorter than the header)', btoa('abcd')],
    ['65 bytes', btoa('a'.repeat(65))],
    ['longer than the limit', 'A'.repeat(IMAGE_PLACEHOLDER_MAX_LENGTH + 4)],
    ['base64url', 'YJqGPQw7sFlslqhFafSE-Q6oJ1h2iHB2Rw'],
    ['URI-encoded', encodeURIComponent('YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw==')],
    ['padding inside', 'YJqG=Qw7sFlslqhF'],
    ['a length no base64 has', 'YJqGPQw7s'],
    ['whitespace', ` ${HASH}`],
    ['markup', '<svg onload=alert(1)>'],
  ])('refuses %s', (_case, value) => {
    expect(isImagePlaceholder(value)).toBe(false);
  });

  it('allows exactly 64 bytes, padded: the longest it accepts is IMAGE_PLACEHOLDER_MAX_LENGTH', () => {
    const longest = btoa('a'.repeat(64));
    expect(longest).toHaveLength(IMAGE_PLACEHOLDER_MAX_LENGTH);
    expect(isImagePlaceholder(longest)).toBe(true);
  });
});

describe('createMemoryTransport', () => {
  it('delivers the placeholder with the message; the sent message keeps it', async () => {
    const transport = createMemoryTransport();
    const { manager, id } = await created(transport, HASH);
    const result = await manager.sendMessage({ id, receiver: 'bob' });
    expect(result.code).toBe(ErrorCode.SUCC);
    expect(result.data?.imageElem?.placeholder).toBe(HASH);
    expect(transport.messages[0]?.message.imageElem?.placeholder).toBe(HASH);
  });

  it('delivers no placeholder for a message made without one', async () => {
    const transport = createMemoryTransport();
    const { manager, id } = await created(transport, undefined);
    await manager.sendMessage({ id, receiver: 'bob' });
    expect(transport.messages[0]?.message.imageElem).not.toHaveProperty('placeholder');
  });

  it('drops what is not a ThumbHash, as the reference server does', async () => {
    const transport = createMemoryTransport();
    const { manager, id } = await created(transport, 'x'.repeat(5000));
    expect((await manager.sendMessage({ id, receiver: 'bob' })).code).toBe(ErrorCode.SUCC);
    expect(transport.messages[0]?.message.imageElem).not.toHaveProperty('placeholder');
  });

  it('keeps the first delivery’s placeholder when an id is delivered again', async () => {
    const transport = createMemoryTransport();
    const bytes = fixture('photo.jpg');
    const request = { id: 'img_1', bytes, fileName: 'a.jpg', mimeType: 'image/jpeg', width: 1, height: 1 };
    const options = { signal: new AbortController().signal, onProgress: () => {} };
    await transport.send({ ...request, receiver: 'bob', placeholder: HASH }, options);
    await transport.send({ ...request, receiver: 'bob', placeholder: thumbHash(10, 10, true) }, options);
    expect(transport.messages).toHaveLength(1);
    expect(transport.messages[0]?.message.imageElem?.placeholder).toBe(HASH);
  });
});

describe('createHttpTransport', () => {
  const BASE = 'http://stub.test';

  useFakeTimersWithTusLoaded();

  async function send(resumable: boolean, placeholder: string | undefined) {
    const server = createStubServer();
    const transport = createHttpTransport({ baseUrl: BASE, token: 'tok', sender: server.sender, resumable });
    const { manager, id } = await created(transport, placeholder);
    const result = await settle(manager.sendMessage({ id, receiver: 'bob' }));
    expect(result.code).toBe(ErrorCode.SUCC);
    return { server, result };
  }

  it.each([
    [false, 'plain PUT'],
    [true, 'tus, on the PUT that names the upload'],
  ])('sends it as X-Image-Placeholder (resumable: %s, %s)', async (resumable) => {
    const { server, result } = await send(resumable, HASH);
    const puts = server.made('PUT');
    expect(puts).toHaveLength(1);
    expect(puts[0]?.headers['x-image-placeholder']).toBe(HASH);
    if (resumable) expect(puts[0]?.headers['x-upload-url']).toBeDefined();
    // Nothing else carries it (the tus POST's metadata stays the file's).
    const others = server.requests.filter((request) => request.method !== 'PUT');
    expect(others.every((request) => !JSON.stringify(request.headers).includes(HASH))).toBe(true);
    expect(result.data?.imageElem?.placeholder).toBe(HASH);
  });

  it.each([
    [false, 'plain PUT'],
    [true, 'tus'],
  ])(
    'leaves out a placeholder that is not a ThumbHash, and still sends (resumable: %s, %s)',
    async (resumable) => {
      const { server } = await send(resumable, 'x'.repeat(20_000));
      expect(server.made('PUT')[0]?.headers).not.toHaveProperty('x-image-placeholder');
    },
  );

  it('sends no header for a message without one', async () => {
    const { server } = await send(false, undefined);
    expect(server.made('PUT')[0]?.headers).not.toHaveProperty('x-image-placeholder');
  });
});
