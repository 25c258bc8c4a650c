import { ImageMessageError } from '@image-message/core';
import type { TencentChat } from '../sdk/tencentSdk';
import { describeTencentError, TencentErrorCode } from './tencentErrorCodes';

/**
 * Refuses a send before anything is created or uploaded when the SDK cannot send: not logged in (2024) or
 * logged in but not ready yet (2999).
 *
 * Why not let the SDK answer: while not ready, its facade rejects every call but a few with the *reason*
 * it is not ready as the code (2024 until a login succeeds, 3001–3006 after a failed login, a logout or a
 * kick-out) and a message built from the downloaded error table, which can be empty offline. Checking
 * `isReady()` first gives one clear answer per state; SDK rejections that still happen (the state can
 * change mid-send) keep their own codes.
 *
 * @example const error = checkChatReady(chat); if (error) throw error;
 */
export function checkChatReady(
  chat: TencentChat,
  context: { maxBytes: number },
): ImageMessageError | undefined {
  if (chat.isReady()) return undefined;
  const user = String(chat.getLoginUser() ?? '');
  const code = user === '' ? TencentErrorCode.USER_NOT_LOGGED_IN : TencentErrorCode.SDK_IS_NOT_READY;
  return new ImageMessageError(
    code,
    `${describeTencentError(code, context)} (Tencent Cloud Chat error ${code})`,
  );
}
