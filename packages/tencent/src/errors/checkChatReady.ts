import { ImageMessageError } from '@image-message/core';
import type { TencentChat } from '../sdk/tencentSdk';
import { describeTencentError, TencentErrorCode } from './tencentErrorCodes';

/**
 * Refuses a send before anything is created or uploaded when the SDK cannot send: no user logged in (2024)
 * or a user logged in whose SDK is not ready yet (3000, still logging in).
 *
 * Why not let the SDK answer: while not ready, its facade rejects every call but a few with the *reason*
 * it is not ready as the code (2024 until `login` is called, 3000 from then until SDK_READY, 3001–3006
 * after a failed login, a logout or a kick-out) and a message `"<reason> | <api> | <not ready>"` whose
 * texts come from an error table it downloads, so offline it reads " | createImageMessage | ". Checking
 * `isReady()` first gives one clear answer per state; SDK rejections that still happen (the state can
 * change between this check and the call) keep their own codes. The codes are the SDK's own for the same
 * state: `getLoginUser()` is '' until a login has succeeded, and a logged-in SDK that is not ready is still
 * logging in (3.6.6: `login()` sets the reason to 3000; a failed login, a logout and a kick-out change it,
 * and each leaves no user). While a login is under way the user is still '', so that state reads 2024,
 * whose text also says to wait for SDK_READY.
 *
 * @example const error = checkChatReady(chat); if (error) throw error;
 */
export function checkChatReady(
  chat: TencentChat,
  context: { maxBytes: number },
): ImageMessageError | undefined {
  if (chat.isReady()) return undefined;
  const user = String(chat.getLoginUser() ?? '');
  const code = user === '' ? TencentErrorCode.USER_NOT_LOGGED_IN : TencentErrorCode.LOGGING_IN;
  return new ImageMessageError(
    code,
    `${describeTencentError(code, context)} (Tencent Cloud Chat error ${code})`,
  );
}
