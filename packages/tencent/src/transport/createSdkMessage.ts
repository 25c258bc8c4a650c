import { ImageMessageError } from '@image-message/core';
import * as ErrorCode from '@image-message/core/codes';
import type { TencentChat, TencentMessage, TencentMessageOptions } from '../sdk/tencentSdk';

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * `chat.createImageMessage(options)`, with the three ways the real SDK answers besides a message:
 * - it throws `Error("Params validate failed.")` when its option validator refuses (→ 6017);
 * - while not ready its facade returns a rejected promise instead of a message (`wr`/`li` in
 *   index.es.js), carrying the reason as the code (2024, 3001–3006) — that rejection is passed on;
 * - on platforms without `File` support it returns undefined.
 *
 * @example const message = await createSdkMessage(chat, toMessageOptions(request, onFraction));
 */
export async function createSdkMessage(
  chat: TencentChat,
  options: TencentMessageOptions,
): Promise<TencentMessage> {
  let created: unknown;
  try {
    created = chat.createImageMessage(options);
  } catch (error) {
    const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
    throw new ImageMessageError(
      ErrorCode.INVALID_PARAMETERS,
      `Tencent Cloud Chat refused the image message options${detail}. Check the receiver or group ID; the SDK log names the field.`,
      { cause: error },
    );
  }
  if (isThenable(created)) {
    await created;
    // A facade that resolves instead of returning a message has nothing to send.
    created = undefined;
  }
  if (typeof created !== 'object' || created === null) {
    throw new ImageMessageError(
      ErrorCode.INVALID_PARAMETERS,
      'Tencent Cloud Chat did not create the image message. Use the Web SDK in a browser with File support.',
    );
  }
  return created as TencentMessage;
}
