import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createMessageManager, type MessageManager } from '@image-message/core';
import {
  createTencentChatTransport,
  type TencentChatTransport,
  type TencentChatTransportOptions,
} from '../../src';
import { type ChatDouble, createChatDouble } from './chatDouble';

const imagesDir = fileURLToPath(new URL('../../../../tests/fixtures/images/', import.meta.url));

/** Bytes of a committed fixture from tests/fixtures/images. photo.jpg is a 480-byte JPEG. */
export function fixture(name: string): Uint8Array<ArrayBuffer> {
  const bytes = readFileSync(imagesDir + name);
  return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** `size` bytes that start like the PNG fixture, so only the size is unusual. */
export function pngOfSize(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(fixture('image.png').subarray(0, Math.min(size, 64)));
  return bytes;
}

/** Lets the SDK double's promise reactions and the manager's continuations run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface Setup {
  double: ChatDouble;
  transport: TencentChatTransport;
  manager: MessageManager;
  /** Creates a message in the manager and returns its id. */
  create(name?: string, fileName?: string): Promise<string>;
}

/** The chat double, the transport over it and core's manager over that: the whole send path. */
export function setup(options: TencentChatTransportOptions = {}): Setup {
  const double = createChatDouble();
  const transport = createTencentChatTransport(double.chat, options);
  const manager = createMessageManager({ transport });
  return {
    double,
    transport,
    manager,
    async create(name = 'photo.jpg', fileName = name) {
      const created = await manager.createImageMessage({
        imagePath: `/photos/${name}`,
        fileContent: fixture(name),
        fileName,
      });
      if (created.code !== 0 || !created.data) throw new Error(created.desc);
      return created.data.id;
    },
  };
}

/** The `payload.file` the transport gave `createImageMessage` in call `index`. */
export function createdFile(double: ChatDouble, index = 0): File {
  const file: unknown = double.created[index]?.payload.file;
  if (!(file instanceof File)) throw new Error(`createImageMessage call ${index} had no File payload.`);
  return file;
}
