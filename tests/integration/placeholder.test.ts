import { createHttpTransport, createMessageManager, ErrorCode } from '@image-message/core';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../packages/core/test/fixtures';
import { conversationMessages } from './conversationMessages';
import { referenceServerForThisFile } from './referenceServer';

// imageElem.placeholder from createImageMessage, through createHttpTransport (fetch in Node) and the real
// reference server, to the conversation page the receiver reads.

const HASH = '1QcSHQRnh493V4dIh4eXh1h4kJUI';

const server = referenceServerForThisFile('im-placeholder-');
const login = server.login;

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
