import { ImageMessageError } from '@image-message/core';
import * as ErrorCode from '@image-message/core/codes';
import { describeTencentError } from './tencentErrorCodes';

/** What the SDK rejects with: an `Error` subclass carrying `code`, `message` and `data: { message }`. */
interface SdkErrorShape {
  code?: unknown;
  message?: unknown;
  name?: unknown;
}

function readShape(error: unknown): SdkErrorShape {
  return typeof error === 'object' && error !== null ? (error as SdkErrorShape) : {};
}

function sdkMessage(shape: SdkErrorShape): string {
  return typeof shape.message === 'string' ? shape.message.trim() : '';
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/**
 * Turns whatever the SDK rejected with into an `ImageMessageError` that keeps the SDK's numeric code and
 * says what to do. Rejections without a code (a thrown `TypeError`, a plugin's XHR failure) get core's
 * transport codes: 9508 when the browser is offline, 6012 for timeouts, 6008 otherwise.
 *
 * @example toImageMessageError(sdkError, { maxBytes }).code // 20007, kept from the SDK
 */
export function toImageMessageError(error: unknown, context: { maxBytes: number }): ImageMessageError {
  if (error instanceof ImageMessageError) return error;
  const shape = readShape(error);
  const detail = sdkMessage(shape);

  // A DOMException carries a legacy numeric `code` too (23 for TimeoutError); that is not an SDK code.
  const isDomException = typeof DOMException === 'function' && error instanceof DOMException;
  if (!isDomException && typeof shape.code === 'number' && Number.isInteger(shape.code) && shape.code !== 0) {
    const known = describeTencentError(shape.code, context);
    const desc = known
      ? `${known} (Tencent Cloud Chat error ${shape.code})`
      : `Tencent Cloud Chat refused the message (error ${shape.code}${detail ? `: ${detail}` : ''}). Try again; if it keeps failing, look the code up in the Tencent Cloud Chat error code list.`;
    return new ImageMessageError(shape.code, desc, { cause: error });
  }

  const suffix = detail ? ` (${detail})` : '';
  if (isOffline()) {
    return new ImageMessageError(
      ErrorCode.NETWORK_DISCONNECT,
      `The network is disconnected${suffix}. Reconnect and try again.`,
      { cause: error },
    );
  }
  if (shape.name === 'TimeoutError' || /time(d)?\s?out/i.test(detail)) {
    return new ImageMessageError(
      ErrorCode.REQUEST_TIMEOUT,
      `The upload timed out${suffix}. Check the connection and try again.`,
      { cause: error },
    );
  }
  return new ImageMessageError(ErrorCode.UPLOAD_FAILED, `The upload failed${suffix}. Try again.`, {
    cause: error,
  });
}
