import type { Message } from '@tencentcloud/chat';
import { toV2TimMessage } from '../../src';
import { fixture, setup } from './setup';

/**
 * Sends photo.jpg from alice to bob through the transport, made with `placeholder` and `description`
 * when given and sent with the app's `cloudCustomData`; the SDK double delivers it. Returns the manager's
 * answer, what `createImageMessage` was given and the SDK message that went out (when one did).
 */
export async function sendOne(options: {
  placeholder?: string;
  description?: string;
  cloudCustomData?: string;
}) {
  const s = setup();
  s.double.respond = (upload) => upload.succeed();
  const created = await s.manager.createImageMessage({
    imagePath: '/photos/photo.jpg',
    fileContent: fixture('photo.jpg'),
    fileName: 'photo.jpg',
    ...(options.placeholder !== undefined && { placeholder: options.placeholder }),
    ...(options.description !== undefined && { description: options.description }),
  });
  const result = await s.manager.sendMessage({
    id: created.data?.id as string,
    receiver: 'bob',
    ...(options.cloudCustomData !== undefined && { cloudCustomData: options.cloudCustomData }),
  });
  return {
    result,
    given: s.double.created[0],
    sdkMessage: s.double.created[0] && s.double.upload(0).message,
  };
}

/** The SDK message as the receiver's SDK hands it over (MESSAGE_RECEIVED). */
export const asReceived = (message: Message) =>
  toV2TimMessage({ ...message, flow: 'in', from: 'alice', to: 'bob' });
