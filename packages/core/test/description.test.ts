import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  checkDescription,
  cleanDescription,
  createDraftList,
  createHttpTransport,
  createMemoryTransport,
  createMessageManager,
  DESCRIPTION_MAX_LENGTH,
  ErrorCode,
  type ImageTransport,
  type MessageStore,
} from '../src';
import { clearPersisted, createIndexedDbStore } from '../src/persist';
import { fixture, fixtureParams } from './fixtures';
import { settle, useFakeTimersWithTusLoaded } from './support/fakeTime';
import { createStubServer } from './support/stubServer';

// An image's description (alt text): the rule (checkDescription), the manager that owns it with the draft,
// the store that keeps it across a reload, and what the memory and HTTP transports carry. The server's
// side: packages/server/test/description.test.ts; through the real server: tests/integration/.

const TOO_LONG = 'a'.repeat(DESCRIPTION_MAX_LENGTH + 1);

describe('checkDescription', () => {
  it.each([
    ['trims', '  A dog on the beach \n', 'A dog on the beach'],
    ['line breaks and tabs become one space', 'A dog\r\n\ton the beach', 'A dog on the beach'],
    ['removes other control characters', 'A\u0000 dog\u0007\u001b[31m\u009b', 'A dog[31m'],
    ['removes bidi overrides and embeddings (U+202A–202E)', 'a\u202Agpj.exe\u202Eb\u202Cc', 'agpj.exebc'],
    ['removes bidi isolates (U+2066–2069)', '\u2066x\u2067y\u2068z\u2069', 'xyz'],
    ['keeps the bidi marks Arabic and Hebrew text needs', 'كلب\u200F (a dog)', 'كلب\u200F (a dog)'],
    ['keeps the joiner of an emoji sequence', '👨\u200D👩\u200D👧', '👨\u200D👩\u200D👧'],
    ['normalizes to NFC', 'Cafe\u0301', 'Café'],
    ['removes lone surrogates (they cannot be encoded)', 'a\uD800b\uDFFFc', 'abc'],
    ['leaves nothing of whitespace alone', ' \n\t ', ''],
  ])('%s', (_case, input, expected) => {
    const check = checkDescription(input);
    expect(check).toEqual({ ok: true, description: expected });
    // Idempotent: the server cleans what the client cleaned and gets the same text.
    expect(cleanDescription(expected)).toBe(expected);
  });

  it('accepts exactly 1,000 characters, counting an emoji or a CJK character as one', () => {
    expect(checkDescription('狗'.repeat(DESCRIPTION_MAX_LENGTH)).ok).toBe(true);
    expect(checkDescription('🐕'.repeat(DESCRIPTION_MAX_LENGTH)).ok).toBe(true);
    expect(checkDescription(`  ${'a'.repeat(DESCRIPTION_MAX_LENGTH)}\u202E  `).ok).toBe(true);
  });

  it('refuses 1,001 characters with a typed error that says the limit and the length', () => {
    const check = checkDescription('🐕'.repeat(DESCRIPTION_MAX_LENGTH + 1));
    expect(check).toMatchObject({ ok: false, code: ErrorCode.DESCRIPTION_TOO_LONG, length: 1001 });
    if (!check.ok) expect(check.desc).toMatch(/1,001 characters.*up to 1,000.*Shorten/);
  });
});

async function created<T extends ImageTransport>(transport: T, description?: string) {
  const manager = createMessageManager({ transport });
  const result = await manager.createImageMessage({
    ...fixtureParams('photo.jpg'),
    ...(description !== undefined && { description }),
  });
  if (!result.data) throw new Error(result.desc);
  return { manager, transport, id: result.data.id };
}

describe('the manager owns the description with the draft', () => {
  it('setDescription keeps the text as typed and puts it cleaned in the message; the send carries it', async () => {
    const { manager, id, transport } = await created(createMemoryTransport());
    const changes: (string | undefined)[] = [];
    manager.subscribe((_, state) => changes.push(state?.description));
    const set = manager.setDescription(id, ' A dog\non the beach ');
    expect(set.code).toBe(ErrorCode.SUCC);
    expect(set.data?.imageElem?.description).toBe('A dog on the beach');
    expect(manager.getSendState(id)).toMatchObject({
      description: ' A dog\non the beach ',
      message: { imageElem: { description: 'A dog on the beach' } },
    });
    expect(changes).toEqual([' A dog\non the beach ']);
    // The same text again changes nothing.
    manager.setDescription(id, ' A dog\non the beach ');
    expect(changes).toHaveLength(1);

    const sent = await manager.sendMessage({ id, receiver: 'bob' });
    expect(sent.code).toBe(ErrorCode.SUCC);
    expect(sent.data?.imageElem?.description).toBe('A dog on the beach');
    expect(transport.messages[0]?.message.imageElem?.description).toBe('A dog on the beach');
  });

  it('createImageMessage takes a description; an empty one (or only spaces) sends none', async () => {
    const { manager, id } = await created(createMemoryTransport(), 'A cat');
    expect(manager.getSendState(id)?.message.imageElem?.description).toBe('A cat');
    manager.setDescription(id, '   ');
    expect(manager.getSendState(id)?.message.imageElem).not.toHaveProperty('description');
    manager.setDescription(id, '');
    expect(manager.getSendState(id)).not.toHaveProperty('description');
    const sent = await manager.sendMessage({ id, receiver: 'bob' });
    expect(sent.data?.imageElem).not.toHaveProperty('description');
  });

  it('too long: a typed error, the photo kept, the send held until it is shortened', async () => {
    const { manager, id, transport } = await created(createMemoryTransport());
    const set = manager.setDescription(id, TOO_LONG);
    expect(set.code).toBe(ErrorCode.DESCRIPTION_TOO_LONG);
    expect(set.desc).toMatch(/1,001 characters/);
    const state = manager.getSendState(id);
    expect(state).toMatchObject({
      status: 'created',
      description: TOO_LONG,
      descriptionError: { code: ErrorCode.DESCRIPTION_TOO_LONG },
    });
    expect(state?.message.imageElem).not.toHaveProperty('description');

    const held = await manager.sendMessage({ id, receiver: 'bob' });
    expect(held.code).toBe(ErrorCode.DESCRIPTION_TOO_LONG);
    expect(held.data?.id).toBe(id);
    expect(transport.attempts).toHaveLength(0);
    expect(manager.getSendState(id)?.status).toBe('created');

    expect(manager.setDescription(id, TOO_LONG.slice(1)).code).toBe(ErrorCode.SUCC);
    expect(manager.getSendState(id)).not.toHaveProperty('descriptionError');
    const sent = await manager.sendMessage({ id, receiver: 'bob' });
    expect(sent.code).toBe(ErrorCode.SUCC);
    expect(sent.data?.imageElem?.description).toHaveLength(DESCRIPTION_MAX_LENGTH);
  });

  it('a description too long given to createImageMessage still makes the message, held', async () => {
    const { manager, id } = await created(createMemoryTransport(), TOO_LONG);
    expect(manager.getSendState(id)?.descriptionError?.code).toBe(ErrorCode.DESCRIPTION_TOO_LONG);
    expect((await manager.sendMessage({ id, receiver: 'bob' })).code).toBe(ErrorCode.DESCRIPTION_TOO_LONG);
  });

  it('can change after a failure, not while sending nor once sent; unknown ids and non-text are refused', async () => {
    const { manager, id, transport } = await created(
      createMemoryTransport({ failures: [{ code: ErrorCode.UPLOAD_FAILED }], stalls: [{ times: 1 }] }),
    );
    expect((await manager.sendMessage({ id, receiver: 'bob' })).code).toBe(ErrorCode.UPLOAD_FAILED);
    expect(manager.setDescription(id, 'After the failure').code).toBe(ErrorCode.SUCC);

    const sending = manager.sendMessage({ id, receiver: 'bob' });
    await vi.waitFor(() => expect(transport.attempts[1]?.outcome).toBe('pending'));
    const during = manager.setDescription(id, 'During');
    expect(during.code).toBe(ErrorCode.INVALID_PARAMETERS);
    expect(manager.getSendState(id)?.description).toBe('After the failure');
    manager.cancel(id);
    await sending;
    expect((await manager.sendMessage({ id, receiver: 'bob' })).data?.imageElem?.description).toBe(
      'After the failure',
    );
    expect(manager.setDescription(id, 'Too late').code).toBe(ErrorCode.INVALID_PARAMETERS);
    expect(manager.setDescription('nope', 'x').code).toBe(ErrorCode.ID_NOT_EXIST);
    const other = await manager.createImageMessage(fixtureParams('photo.jpg'));
    expect(manager.setDescription(other.data?.id as string, 42 as unknown as string).code).toBe(
      ErrorCode.INVALID_PARAMETERS,
    );
  });
});

describe('kept across a reload', () => {
  afterEach(() => clearPersisted());

  const page = (store: MessageStore = createIndexedDbStore()) =>
    createMessageManager({ transport: createMemoryTransport(), store });

  it('the description as typed comes back with the draft, the last change included', async () => {
    const first = page();
    const made = await first.createImageMessage({ ...fixtureParams('photo.jpg'), description: 'First' });
    const id = made.data?.id as string;
    first.setDescription(id, ' A dog\u202E ');
    await vi.waitFor(async () => {
      const [kept] = await createIndexedDbStore().load();
      expect(kept?.description).toBe(' A dog\u202E ');
    });
    const second = page();
    expect(await second.restored).toEqual([id]);
    expect(second.getSendState(id)).toMatchObject({
      description: ' A dog\u202E ',
      message: { imageElem: { description: 'A dog' } },
    });
  });

  it('a description too long comes back too long, its photo with it, and still holds the send', async () => {
    const first = page();
    const made = await first.createImageMessage(fixtureParams('photo.jpg'));
    const id = made.data?.id as string;
    first.setDescription(id, TOO_LONG);
    await vi.waitFor(async () => {
      const [kept] = await createIndexedDbStore().load();
      expect(kept?.description).toBe(TOO_LONG);
    });
    const second = page();
    await second.restored;
    expect(second.getSendState(id)?.descriptionError?.code).toBe(ErrorCode.DESCRIPTION_TOO_LONG);
    expect(second.getSendState(id)?.message.imageElem?.imageList?.[0]?.size).toBe(
      fixture('photo.jpg').byteLength,
    );
    expect((await second.sendMessage({ id, receiver: 'bob' })).code).toBe(ErrorCode.DESCRIPTION_TOO_LONG);
  });
});

describe('createDraftList', () => {
  it('switching Original prepares the photo again and keeps what was typed about it', async () => {
    const manager = createMessageManager({ transport: createMemoryTransport() });
    const list = createDraftList(manager, { prepare: {} });
    list.subscribe(() => {});
    const { added } = await list.addFiles([new File([fixture('image.png')], 'a.png', { type: 'image/png' })]);
    const id = added[0]?.id as string;
    manager.setDescription(id, 'A red square');
    expect(list.getSnapshot().drafts[0]?.description).toBe('A red square');
    list.setOptions({ prepare: { original: true } });
    expect(list.getSnapshot().drafts[0]).toMatchObject({ status: 'preparing', description: 'A red square' });
    await vi.waitFor(() => expect(list.getSnapshot().drafts[0]?.status).toBe('created'));
    expect(list.getSnapshot().drafts[0]?.description).toBe('A red square');
    expect(manager.getSendState(id)?.message.imageElem?.description).toBe('A red square');
  });
});

describe('createHttpTransport', () => {
  useFakeTimersWithTusLoaded();

  it.each([
    [false, 'plain PUT'],
    [true, 'tus, on the PUT that names the upload'],
  ])('sends it URI-encoded as X-Image-Description (resumable: %s, %s)', async (resumable) => {
    const server = createStubServer();
    const transport = createHttpTransport({
      baseUrl: 'http://stub.test',
      token: 'tok',
      sender: server.sender,
      resumable,
    });
    const { manager, id } = await created(transport, '一只狗 on the beach, 100% 🐕\n');
    const result = await settle(manager.sendMessage({ id, receiver: 'bob' }));
    expect(result.code).toBe(ErrorCode.SUCC);
    const puts = server.made('PUT');
    expect(puts).toHaveLength(1);
    const header = puts[0]?.headers['x-image-description'] as string;
    expect(header).toMatch(/^[\x21-\x7e]+$/);
    expect(decodeURIComponent(header)).toBe('一只狗 on the beach, 100% 🐕');
    expect(result.data?.imageElem?.description).toBe('一只狗 on the beach, 100% 🐕');
  });

  it('sends no header for a message without one', async () => {
    const server = createStubServer();
    const transport = createHttpTransport({
      baseUrl: 'http://stub.test',
      token: 'tok',
      sender: server.sender,
    });
    const { manager, id } = await created(transport);
    await settle(manager.sendMessage({ id, receiver: 'bob' }));
    expect(server.made('PUT')[0]?.headers).not.toHaveProperty('x-image-description');
  });
});
