import { ErrorCode, formatBytes, type MessageManager } from '@image-message/core';
import { describe, expect, it } from 'vitest';
import { createTencentChatTransport, TENCENT_IMAGE_MAX_BYTES, TencentErrorCode } from '../src';
import { createChatDouble } from './support/chatDouble';
import { createdFile, flush, pngOfSize, setup } from './support/setup';

const MiB = 1024 * 1024;

/** A PNG of `size` bytes, created in the manager. */
const createPng = (manager: MessageManager, size: number) =>
  manager.createImageMessage({
    imagePath: '/photos/image.png',
    fileName: 'image.png',
    fileContent: pngOfSize(size),
  });

describe('maxBytes: the Web SDK limit, known before any upload', () => {
  it('defaults to the largest size the Web SDK sends, one byte under 20 MiB, which reads "20 MB"', () => {
    const { transport, manager } = setup();
    expect(TENCENT_IMAGE_MAX_BYTES).toBe(20 * MiB - 1);
    expect(transport.maxBytes).toBe(TENCENT_IMAGE_MAX_BYTES);
    expect(manager.maxBytes).toBe(TENCENT_IMAGE_MAX_BYTES);
    expect(formatBytes(transport.maxBytes)).toBe('20 MB');
  });

  it('a 21 MiB image is refused by the manager with 7005 naming "20 MB"; the SDK never sees it', async () => {
    const { manager, double } = setup();
    const result = await createPng(manager, 21 * MiB);

    expect(result.code).toBe(ErrorCode.FILE_TOO_LARGE);
    expect(result.desc).toContain('the limit is 20 MB');
    expect(result.desc).toContain('21 MB');
    expect(double.created).toHaveLength(0);
  });

  it('exactly 20 MiB, which the SDK refuses (2253), is refused when created: 7005 naming "20 MB"', async () => {
    const { manager, double } = setup();
    const result = await createPng(manager, 20 * MiB);

    expect(result.code).toBe(ErrorCode.FILE_TOO_LARGE);
    expect(result.desc).toContain('the limit is 20 MB');
    expect(result.desc).toContain('(20,971,520 bytes)');
    expect(double.created).toHaveLength(0);
  });

  it('one byte under 20 MiB is created and reaches the SDK', async () => {
    const { manager, double } = setup();
    double.respond = (upload) => upload.succeed();
    const created = await createPng(manager, 20 * MiB - 1);
    expect(created.code).toBe(ErrorCode.SUCC);
    const result = await manager.sendMessage({ id: created.data?.id ?? '', receiver: 'bob' });

    expect(result.code).toBe(ErrorCode.SUCC);
    expect(createdFile(double).size).toBe(20 * MiB - 1);
  });

  it("an SDK that still refuses with 2253 (a lower cloud setting) keeps the code, naming the transport's limit", async () => {
    const { manager, double } = setup({ maxBytes: 25 * MiB - 1 });
    const created = await createPng(manager, 21 * MiB);
    const sending = manager.sendMessage({ id: created.data?.id ?? '', receiver: 'bob' });
    await flush();
    double.upload().fail(TencentErrorCode.MSG_I_SIZE_LIMIT, '');
    const result = await sending;

    expect(result.code).toBe(TencentErrorCode.MSG_I_SIZE_LIMIT);
    expect(result.desc).toContain('smaller than 25 MB');
  });

  it('an app whose cloud setting allows more overrides it: 25 MiB − 1 lets a 21 MiB image through', async () => {
    const { manager, double, transport } = setup({ maxBytes: 25 * MiB - 1 });
    double.respond = (upload) => upload.succeed();
    const created = await createPng(manager, 21 * MiB);
    const result = await manager.sendMessage({ id: created.data?.id ?? '', receiver: 'bob' });

    expect(transport.maxBytes).toBe(25 * MiB - 1);
    expect(result.code).toBe(ErrorCode.SUCC);
    expect(createdFile(double).size).toBe(21 * MiB);
  });

  it('a lower override is what the composer names', async () => {
    const { manager } = setup({ maxBytes: 5 * MiB });
    const result = await createPng(manager, 6 * MiB);
    expect(result.code).toBe(ErrorCode.FILE_TOO_LARGE);
    expect(result.desc).toContain('the limit is 5 MB');
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses maxBytes %s at creation',
    (maxBytes) => {
      expect(() => createTencentChatTransport(createChatDouble().chat, { maxBytes })).toThrow(RangeError);
    },
  );
});
