import { ErrorCode, MessagePriority, MessageStatus } from '@image-message/core';
import { describe, expect, it } from 'vitest';
import { createdFile, fixture, setup } from './support/setup';

function succeedAll(s: ReturnType<typeof setup>) {
  s.double.respond = (upload) => upload.succeed();
}

describe('addressing: request → createImageMessage options', () => {
  it('receiver only → C2C to the receiver, no receiverList', async () => {
    const s = setup();
    succeedAll(s);
    const result = await s.manager.sendMessage({ id: await s.create(), receiver: 'bob' });

    expect(result.code).toBe(ErrorCode.SUCC);
    expect(s.double.created[0]).toMatchObject({ to: 'bob', conversationType: 'C2C' });
    expect(s.double.created[0]).not.toHaveProperty('receiverList');
    expect(result.data).toMatchObject({ userID: 'bob', status: MessageStatus.SEND_SUCC });
    expect(result.data?.groupID).toBeUndefined();
  });

  it('groupID only → GROUP to the group, no receiverList', async () => {
    const s = setup();
    succeedAll(s);
    const result = await s.manager.sendMessage({ id: await s.create(), groupID: 'team' });

    expect(s.double.created[0]).toMatchObject({ to: 'team', conversationType: 'GROUP' });
    expect(s.double.created[0]).not.toHaveProperty('receiverList');
    expect(result.data).toMatchObject({ groupID: 'team' });
    expect(result.data?.userID).toBeUndefined();
  });

  it('receiver and groupID → GROUP to the group with receiverList: [receiver] (targeted)', async () => {
    const s = setup();
    succeedAll(s);
    const result = await s.manager.sendMessage({ id: await s.create(), receiver: 'bob', groupID: 'team' });

    expect(s.double.created[0]).toMatchObject({
      to: 'team',
      conversationType: 'GROUP',
      receiverList: ['bob'],
    });
    expect(result.data).toMatchObject({ groupID: 'team', userID: 'bob' });
  });
});

describe('payload.file', () => {
  it('is a File of the validated bytes with the MIME type read from them and the sanitized name', async () => {
    const s = setup();
    succeedAll(s);
    await s.manager.sendMessage({ id: await s.create('photo.jpg'), receiver: 'bob' });

    expect(s.double.created[0]?.payload.file).toBeInstanceOf(File);
    const file = createdFile(s.double);
    expect(file.type).toBe('image/jpeg');
    expect(file.name).toBe('photo.jpg');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(fixture('photo.jpg'));
  });

  it('a message made from a Blob alone (the composer’s way) hands the SDK a File of that Blob', async () => {
    const s = setup();
    succeedAll(s);
    const created = await s.manager.createImageMessage({
      imagePath: 'blob:photo',
      file: new Blob([fixture('photo.jpg')]),
      fileName: 'photo.jpg',
    });
    const sent = await s.manager.sendMessage({ id: created.data?.id as string, receiver: 'bob' });

    expect(sent.code).toBe(ErrorCode.SUCC);
    const file = createdFile(s.double);
    expect(file.type).toBe('image/jpeg');
    expect(file.name).toBe('photo.jpg');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(fixture('photo.jpg'));
  });

  it.each([
    ['image.png', 'image.png', 'image/png', 'image.png'],
    ['image.gif', 'image.gif', 'image/gif', 'image.gif'],
    ['image.bmp', 'image.bmp', 'image/bmp', 'image.bmp'],
    ['lossy.webp', 'lossy.webp', 'image/webp', 'lossy.webp'],
    // The manager sanitizes names first, which lower-cases the extension.
    ['photo.jpg', 'IMG_1.JPEG', 'image/jpeg', 'IMG_1.jpeg'],
    // The SDK judges by the name's extension (2252 otherwise); the bytes decide, the name follows.
    ['photo.jpg', 'scan.heic', 'image/jpeg', 'scan.heic.jpg'],
    ['image.png', 'pasted image', 'image/png', 'pasted image.png'],
  ])('%s named "%s" → type %s, name "%s"', async (fixtureName, fileName, type, expectedName) => {
    const s = setup();
    succeedAll(s);
    await s.manager.sendMessage({ id: await s.create(fixtureName, fileName), receiver: 'bob' });

    const file = createdFile(s.double);
    expect(file.type).toBe(type);
    expect(file.name).toBe(expectedName);
  });
});

describe('message and send options', () => {
  it('passes priority, cloudCustomData and needReadReceipt to createImageMessage', async () => {
    const s = setup();
    succeedAll(s);
    await s.manager.sendMessage({
      id: await s.create(),
      groupID: 'team',
      priority: MessagePriority.HIGH,
      cloudCustomData: '{"k":1}',
      needReadReceipt: true,
    });

    expect(s.double.created[0]).toMatchObject({
      priority: 'High',
      cloudCustomData: '{"k":1}',
      needReadReceipt: true,
    });
  });

  it('passes onlineUserOnly and the exclusions to sendMessage as the SDK names them', async () => {
    const s = setup();
    succeedAll(s);
    await s.manager.sendMessage({
      id: await s.create(),
      receiver: 'bob',
      onlineUserOnly: true,
      isExcludedFromUnreadCount: true,
      isExcludedFromLastMessage: false,
    });

    expect(s.double.upload(0).options).toEqual({
      onlineUserOnly: true,
      messageControlInfo: { excludedFromUnreadCount: true, excludedFromLastMessage: false },
    });
  });

  it('calls sendMessage with the message alone when the request sets no send options', async () => {
    const s = setup();
    succeedAll(s);
    await s.manager.sendMessage({ id: await s.create(), receiver: 'bob', priority: MessagePriority.DEFAULT });

    expect(s.double.upload(0).options).toBeUndefined();
    expect(s.double.created[0]).not.toHaveProperty('priority');
  });
});
