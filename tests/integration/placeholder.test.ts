import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpTransport, createMessageManager, ErrorCode } from '@image-message/core';
import { type RunningServer, startServer } from '@image-message/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../packages/core/test/fixtures';
import { conversationMessages } from './conversationMessages';
import { signIn } from './signIn';

// imageElem.placeholder from createImageMessage, through createHttpTransport (fetch in Node) and the real
// reference server, to the conversation page the receiver reads.

const HASH = '1QcSHQRnh493V4dIh4eXh1h4kJUI';

let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'im-placeholder-'));
  server = await startServer({ port: 0, dataDir });
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

const login = (userID: string) => signIn(server.url, userID);

const conversation = (token: string, conversationID: string) =>
  conversationMessages(server.url, token, conversationID);

describe('a placeholder sent with createHttpTransport', () => {
  it.each([
    ['plain PUT', false],
    ['resumable (tus)', true],
  ])('comes back from the server on the receiver’s conversation page (%s)', async (_name, resumable) => {
    const transport = createHttpTransport({ baseUrl: server.url, token: await login('alice'), resumable });
    const manager = createMessageManager({ transport });
    const created = await manager.createImageMessage({
      imagePath: '/photos/photo.jpg',
      fileContent: fixture('photo.jpg'),
      fileName: 'photo.jpg',
      placeholder: HASH,
    });
    const id = created.data?.id as string;
    const sent = await manager.sendMessage({ id, receiver: 'bob' });
    expect(sent.code).toBe(ErrorCode.SUCC);

    const page = await conversation(await login('bob'), 'c2c_alice');
    const received = page.find((message) => message.id === id);
    expect(received?.msgID).toBe(sent.data?.msgID);
    expect(received?.imageElem?.placeholder).toBe(HASH);
  });
});
