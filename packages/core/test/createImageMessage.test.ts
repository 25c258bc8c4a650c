import { describe, expect, it } from 'vitest';
import {
  type CreateImageMessageParams,
  countOwnedObjectUrls,
  createHttpTransport,
  createMemoryTransport,
  createMessageManager,
  ErrorCode,
  fileToImageMessageParams,
  IMAGE_MAX_BYTES,
  ImageType,
  MessageElemType,
} from '../src';
import { fixture, fixtureParams } from './fixtures';

function setup(options: { maxBytes?: number; transportMaxBytes?: number } = {}) {
  const transport = createMemoryTransport({ maxBytes: options.transportMaxBytes });
  const manager = createMessageManager({ transport, maxBytes: options.maxBytes });
  return { transport, manager };
}

/** A buffer of `size` bytes that starts like a real PNG of the given fixture, so only its size is wrong. */
function pngOfSize(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(fixture('image.png').subarray(0, Math.min(size, 64)));
  return bytes;
}

describe('createImageMessage', () => {
  it('creates an image message with a unique id and the ORIGIN entry read from the bytes', async () => {
    const { manager } = setup();
    const first = await manager.createImageMessage(fixtureParams('photo-exif6.jpg'));
    const second = await manager.createImageMessage(fixtureParams('photo-exif6.jpg'));
    expect(first.code).toBe(ErrorCode.SUCC);
    expect(first.data?.id).toMatch(/\S+/);
    expect(first.data?.id).not.toBe(second.data?.id);
    const message = first.data?.messageInfo;
    expect(message?.elemType).toBe(MessageElemType.IMAGE);
    expect(message?.imageElem?.path).toBe('/photos/photo-exif6.jpg');
    expect(message?.imageElem?.imageList?.[0]).toMatchObject({
      type: ImageType.ORIGIN,
      size: fixture('photo-exif6.jpg').byteLength,
      width: 30,
      height: 40,
    });
  });

  it.each([
    ['http://cdn.example.com/a.png'],
    ['https://cdn.example.com/a.png'],
    ['ftp://cdn.example.com/a.png'],
    ['//cdn.example.com/a.png'],
  ])('refuses the network path %s with INVALID_IMAGE_PATH (20001)', async (imagePath) => {
    const { manager } = setup();
    const result = await manager.createImageMessage({ ...fixtureParams('image.png'), imagePath });
    expect(result.code).toBe(ErrorCode.INVALID_IMAGE_PATH);
    expect(result.data).toBeUndefined();
  });

  it('refuses the web path without fileContent, or without fileName, with INVALID_PARAMETERS (6017)', async () => {
    const { manager } = setup();
    const withoutContent = await manager.createImageMessage({ imagePath: 'a.png', fileName: 'a.png' });
    const withoutName = await manager.createImageMessage({
      imagePath: 'a.png',
      fileContent: fixture('image.png'),
    });
    expect(withoutContent.code).toBe(ErrorCode.INVALID_PARAMETERS);
    expect(withoutName.code).toBe(ErrorCode.INVALID_PARAMETERS);
    expect(withoutContent.desc).toMatch(/fileToImageMessageParams/);
  });

  it('refuses zero bytes with FILE_SIZE_EMPTY (7006)', async () => {
    const { manager } = setup();
    const result = await manager.createImageMessage({
      imagePath: 'a.png',
      fileName: 'a.png',
      fileContent: new Uint8Array(),
    });
    expect(result.code).toBe(ErrorCode.FILE_SIZE_EMPTY);
  });

  it('accepts exactly 28 MiB and refuses one byte more with FILE_TOO_LARGE (7005), naming limit and size', async () => {
    const { manager } = setup();
    const atLimit = await manager.createImageMessage({
      imagePath: 'a.png',
      fileName: 'a.png',
      fileContent: pngOfSize(IMAGE_MAX_BYTES),
    });
    const over = await manager.createImageMessage({
      imagePath: 'a.png',
      fileName: 'a.png',
      fileContent: pngOfSize(IMAGE_MAX_BYTES + 1),
    });
    expect(atLimit.code).toBe(ErrorCode.SUCC);
    expect(over.code).toBe(ErrorCode.FILE_TOO_LARGE);
    expect(over.desc).toContain('28 MB');
    expect(over.desc).toContain('29,360,129 bytes');
  });

  it("uses the transport's lower maxBytes, and the option's, whichever is lowest", async () => {
    const twentyMiB = 20 * 1024 * 1024;
    const byTransport = setup({ transportMaxBytes: twentyMiB });
    const byOption = setup({ maxBytes: 1024, transportMaxBytes: twentyMiB });
    const higherThanSeed = setup({ maxBytes: IMAGE_MAX_BYTES * 2 });
    expect(byTransport.manager.maxBytes).toBe(twentyMiB);
    expect(byOption.manager.maxBytes).toBe(1024);
    expect(higherThanSeed.manager.maxBytes).toBe(IMAGE_MAX_BYTES);
    const result = await byTransport.manager.createImageMessage({
      imagePath: 'a.png',
      fileName: 'a.png',
      fileContent: pngOfSize(twentyMiB + 1),
    });
    expect(result.code).toBe(ErrorCode.FILE_TOO_LARGE);
    expect(result.desc).toContain('the limit is 20 MB');
  });

  it.each(['image.heic', 'image.avif', 'image.tiff', 'image.svg', 'image.ico'])(
    'refuses %s with IMAGE_TYPE_LIMIT (2252) even when it is named .jpg',
    async (name) => {
      const { manager } = setup();
      const result = await manager.createImageMessage({
        imagePath: 'x.jpg',
        fileName: 'x.jpg',
        fileContent: fixture(name),
      });
      expect(result.code).toBe(ErrorCode.IMAGE_TYPE_LIMIT);
    },
  );

  it.each(['document-pdf.png', 'truncated.jpg', 'truncated.png'])(
    'refuses %s with NOT_IMAGE (6031)',
    async (name) => {
      const { manager } = setup();
      const result = await manager.createImageMessage(fixtureParams(name));
      expect(result.code).toBe(ErrorCode.NOT_IMAGE);
    },
  );

  it('uploads nothing for an input that fails validation', async () => {
    const { manager, transport } = setup();
    await manager.createImageMessage(fixtureParams('document-pdf.png'));
    await manager.createImageMessage({ ...fixtureParams('image.png'), imagePath: 'https://x/y.png' });
    expect(transport.attempts).toHaveLength(0);
  });

  it('returns results and never throws, even for nonsense input', async () => {
    const { manager } = setup();
    // @ts-expect-error deliberately wrong
    await expect(manager.createImageMessage(undefined)).resolves.toMatchObject({
      code: ErrorCode.INVALID_PARAMETERS,
    });
    const stringContent = {
      imagePath: 'a.png',
      fileName: 'a.png',
      fileContent: 'bytes',
    } as unknown as CreateImageMessageParams;
    await expect(manager.createImageMessage(stringContent)).resolves.toMatchObject({
      code: ErrorCode.INVALID_PARAMETERS,
    });
  });

  it('revokes the blob URL fileToImageMessageParams made when the file is refused', async () => {
    const { manager } = setup();
    const before = countOwnedObjectUrls();
    const params = await fileToImageMessageParams(new File([fixture('document-pdf.png')], 'doc.png'));
    expect(params.imagePath).toMatch(/^blob:/);
    expect(countOwnedObjectUrls()).toBe(before + 1);
    const result = await manager.createImageMessage(params);
    expect(result.code).toBe(ErrorCode.NOT_IMAGE);
    expect(countOwnedObjectUrls()).toBe(before);
  });
});

describe('file names passed directly', () => {
  it('are sanitized before any transport sees them', async () => {
    const transport = createMemoryTransport();
    const manager = createMessageManager({ transport });
    const created = await manager.createImageMessage({
      imagePath: '/tmp/x.png',
      fileName: '../../etc/\u202Epasswd.png',
      fileContent: fixture('image.png'),
    });
    await manager.sendMessage({ id: created.data?.id ?? '', receiver: 'bob' });
    expect(transport.attempts[0]?.fileName).toBe('passwd.png');
  });
});

describe('createImageMessage: who sends', () => {
  it('fills the optimistic message’s sender from the transport when it knows the user', async () => {
    const known = createMessageManager({ transport: createMemoryTransport({ sender: 'alice' }) });
    expect((await known.createImageMessage(fixtureParams('image.png'))).data?.messageInfo.sender).toBe(
      'alice',
    );
    const unknown = createMessageManager({ transport: { send: async () => Promise.reject(new Error('x')) } });
    expect(
      (await unknown.createImageMessage(fixtureParams('image.png'))).data?.messageInfo,
    ).not.toHaveProperty('sender');
  });

  it('the HTTP transport’s userID (a value, or read when the message is made) is the sender', async () => {
    const fixed = createMessageManager({
      transport: createHttpTransport({ baseUrl: 'http://im.test', token: 't', userID: 'alice' }),
    });
    expect((await fixed.createImageMessage(fixtureParams('image.png'))).data?.messageInfo.sender).toBe(
      'alice',
    );
    let signedIn: string | undefined;
    const current = createMessageManager({
      transport: createHttpTransport({ baseUrl: 'http://im.test', token: 't', userID: () => signedIn }),
    });
    expect(
      (await current.createImageMessage(fixtureParams('image.png'))).data?.messageInfo,
    ).not.toHaveProperty('sender');
    signedIn = 'bob';
    expect((await current.createImageMessage(fixtureParams('image.png'))).data?.messageInfo.sender).toBe(
      'bob',
    );
  });
});
