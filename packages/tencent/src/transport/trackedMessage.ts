import type { TencentMessage } from '../sdk/tencentSdk';

/**
 * What the transport remembers about one library message id: the SDK message made for it and where the
 * SDK is with it. The id is the library's idempotency key; this record is how it holds for Tencent:
 * - `sending`: the SDK is uploading or sending. A new attempt for the id (a retry after a cancel) joins
 *   this send instead of starting a second upload.
 * - `failed`: the SDK marked the message "fail" and kept it in its message list. A retry calls
 *   `chat.resendMessage` on the same SDK message (same `ID`), which also replaces the failed copy in the
 *   SDK's list, instead of creating a duplicate.
 * - `sent`: the SDK delivered it after the attempt was canceled. A retry returns it without sending again.
 * The record is dropped once an attempt returns the delivered message.
 */
export interface TrackedMessage {
  readonly id: string;
  message: TencentMessage;
  /** `addressKey` of the request the SDK message was created for. */
  readonly address: string;
  status: 'sending' | 'sent' | 'failed';
  /** The SDK's current send; it runs on after the attempt that started it is canceled. */
  pending: Promise<TencentMessage>;
  /** Progress receiver of the attempt waiting now; unset while no attempt waits (it was canceled). */
  forward?: (fraction: unknown) => void;
}
