import * as ErrorCode from '../../errorCodes';
import { ImageMessageError } from '../../errors';
import type { V2TimImage, V2TimMessage } from '../../types';
import type { ImageSendResult } from '../transport';
import type { HttpReply } from './types';

/** What one response means: a delivered message, a failure worth retrying (5xx), or a final one. */
export type ReplyOutcome =
  | { kind: 'sent'; result: ImageSendResult }
  | { kind: 'retry'; error: ImageMessageError }
  | { kind: 'fail'; error: ImageMessageError };

interface Envelope {
  code?: unknown;
  desc?: unknown;
  data?: unknown;
}

function parse(text: string): Envelope | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Envelope) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the reference server's `{ code, desc, data }` answer. A 4xx keeps the server's own code and
 * description (they name what to change); a 5xx becomes 6008 once retries are spent; a 2xx that is not
 * a delivered message is 6008 too.
 */
export function interpretReply(reply: HttpReply): ReplyOutcome {
  const body = parse(reply.text);
  const serverCode = typeof body?.code === 'number' ? body.code : undefined;
  const serverDesc = typeof body?.desc === 'string' && body.desc !== '' ? body.desc : undefined;

  if (reply.status >= 500) {
    const detail = serverDesc ? `: ${serverDesc}` : '';
    return {
      kind: 'retry',
      error: new ImageMessageError(
        ErrorCode.UPLOAD_FAILED,
        `The server could not store the image (HTTP ${reply.status}${detail}). Try again in a moment.`,
      ),
    };
  }
  if (reply.status < 200 || reply.status >= 300) {
    if (serverCode !== undefined && serverCode !== 0 && serverDesc) {
      return { kind: 'fail', error: new ImageMessageError(serverCode, serverDesc) };
    }
    const code = reply.status === 413 ? ErrorCode.FILE_TOO_LARGE : ErrorCode.UPLOAD_FAILED;
    return {
      kind: 'fail',
      error: new ImageMessageError(code, `The server refused the image (HTTP ${reply.status}).`),
    };
  }
  const message = body?.data as V2TimMessage | undefined;
  const imageList = message?.imageElem?.imageList;
  if (
    serverCode !== 0 ||
    typeof message?.msgID !== 'string' ||
    typeof message.timestamp !== 'number' ||
    typeof message.sender !== 'string' ||
    !Array.isArray(imageList)
  ) {
    return {
      kind: 'fail',
      error: new ImageMessageError(
        serverCode && serverCode !== 0 ? serverCode : ErrorCode.UPLOAD_FAILED,
        serverDesc ??
          'The server answered, but not with a sent message. Check that baseUrl points at the image-message server.',
      ),
    };
  }
  return { kind: 'sent', result: toResult(message, imageList) };
}

function toResult(message: V2TimMessage, imageList: V2TimImage[]): ImageSendResult {
  const extra: Partial<V2TimMessage> = {};
  if (typeof message.nickName === 'string') extra.nickName = message.nickName;
  if (typeof message.seq === 'string') extra.seq = message.seq;
  if (typeof message.isSelf === 'boolean') extra.isSelf = message.isSelf;
  if (typeof message.cloudCustomData === 'string') extra.cloudCustomData = message.cloudCustomData;
  if (typeof message.priority === 'number') extra.priority = message.priority;
  return {
    msgID: message.msgID as string,
    timestamp: message.timestamp as number,
    sender: message.sender as string,
    imageList,
    extra,
  };
}
