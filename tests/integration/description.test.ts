import {
  createHttpTransport,
  createMessageManager,
  DESCRIPTION_MAX_LENGTH,
  ErrorCode,
  type V2TimMessage,
} from '@image-message/core';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../packages/core/test/fixtures';
import { conversationMessages } from './conversationMessages';
import { referenceServerForThisFile } from './referenceServer';

// imageElem.description from the manager (setDescription), through createHttpTransport (fetch in Node)
// and the real reference server, to the message the receiver reads.

const server = referenceServerForThisFile('im-description-');
const login = server.login;

const conversation = (token: string, conversationID: string) =>
  conversationMessages(server.url, token, conversationID);

async function draft(resumable: boolean) {
  const transport = createHttpTransport({ baseUrl: server.url, token: await login('alice'), resumable });
  const manager = createMessageManager({ transport });
  const created = await manager.createImageMessage({
    imagePath: '/photos/photo.jpg',
    fileContent: fixture('photo.jpg'),
    fileName: 'photo.jpg',
  });
  return { manager, id: created.data?.id as string };
}

describe('a description set in the manager and sent with createHttpTransport', () => {
  it.each([
    ['plain PUT', false],
    ['resumable (tus)', true],
  ])(
    'comes back from the server, cleaned, on the receiver’s page and the single read (%s)',
    async (_name, resumable) => {
      const { manager, id } = await draft(resumable);
      // Typed with a line break, a bidi override and spaces around: sent and stored clean.
      expect(manager.setDescription(id, ' 海边的狗\n\u202Ea dog, 100% 🐕 ').code).toBe(ErrorCode.SUCC);
      const sent = await manager.sendMessage({ id, receiver: 'bob' });
      expect(sent.code).toBe(ErrorCode.SUCC);
      expect(sent.data?.imageElem?.description).toBe('海边的狗 a dog, 100% 🐕');

      const bob = await login('bob');
      const received = (await conversation(bob, 'c2c_alice')).find((message) => message.id === id);
      expect(received?.msgID).toBe(sent.data?.msgID);
      expect(received?.imageElem?.description).toBe('海边的狗 a dog, 100% 🐕');
      const single = await fetch(`${server.url}/api/messages/${id}`, {
        headers: { authorization: `Bearer ${bob}` },
      });
      expect(((await single.json()) as { data: V2TimMessage }).data.imageElem?.description).toBe(
        '海边的狗 a dog, 100% 🐕',
      );
    },
  );

  it('the longest allowed (1,000 CJK characters, 9 KB URI-encoded) fits in the header and is stored whole', async () => {
    const { manager, id } = await draft(false);
    manager.setDescription(id, '狗'.repeat(DESCRIPTION_MAX_LENGTH));
    const sent = await manager.sendMessage({ id, receiver: 'bob' });
    expect(sent.code).toBe(ErrorCode.SUCC);
    const received = (await conversation(await login('bob'), 'c2c_alice')).find(
      (message) => message.id === id,
    );
    expect(received?.imageElem?.description).toBe('狗'.repeat(DESCRIPTION_MAX_LENGTH));
  });

  it('one too long never reaches the server: the send is held, and goes once shortened', async () => {
    const { manager, id } = await draft(false);
    manager.setDescription(id, 'a'.repeat(DESCRIPTION_MAX_LENGTH + 1));
    const held = await manager.sendMessage({ id, receiver: 'bob' });
    expect(held.code).toBe(ErrorCode.DESCRIPTION_TOO_LONG);
    const bob = await login('bob');
    expect((await conversation(bob, 'c2c_alice')).some((message) => message.id === id)).toBe(false);
    manager.setDescription(id, 'Shorter');
    expect((await manager.sendMessage({ id, receiver: 'bob' })).code).toBe(ErrorCode.SUCC);
    const received = (await conversation(bob, 'c2c_alice')).find((message) => message.id === id);
    expect(received?.imageElem?.description).toBe('Shorter');
  });
});
