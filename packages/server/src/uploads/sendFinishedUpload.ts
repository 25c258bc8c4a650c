import { badRequest, notFound } from '../api/apiError';
import type { AppContext } from '../context';
import type { MessageRecord } from '../db/messageStore';
import type { SendRequest } from '../messages/parseSendRequest';
import { retryOf, storeReceived } from '../messages/storeMessage';

/**
 * `X-Upload-URL`: the `Location` of a finished resumable upload (`POST /api/uploads`), whose bytes
 * become the image instead of a request body. Only its last segment, the upload id, is used.
 */
export function parseUploadUrl(
  value: string | string[] | undefined,
  isUploadId: (id: unknown) => id is string,
): string | undefined {
  const header = Array.isArray(value) ? value[0] : value;
  if (header === undefined) return undefined;
  const id = /\/api\/uploads\/([^/?#]+)\/?$/.exec(header.split('?')[0] ?? '')?.[1];
  if (!isUploadId(id)) {
    throw badRequest('X-Upload-URL must be the Location of an upload made with POST /api/uploads.');
  }
  return id;
}

export async function dropOwnUpload(context: AppContext, userID: string, uploadId: string) {
  const upload = await context.uploads.find(uploadId);
  if (upload?.metadata?.owner === userID) await context.uploads.remove(uploadId);
}

/** Sends a finished resumable upload: its file is renamed into `images/` like a streamed body. */
export async function storeFromUpload(
  context: AppContext,
  userID: string,
  send: SendRequest,
  uploadId: string,
): Promise<MessageRecord & { replayed?: boolean }> {
  const upload = await context.uploads.find(uploadId);
  if (!upload || upload.metadata?.owner !== userID) {
    // Taken meanwhile by a concurrent send of this very message: answer like a retry.
    const winner = context.messages.findById(send.id);
    if (winner) return { ...retryOf(winner, send, userID), replayed: true };
    throw notFound('There is no such upload (it expired or was canceled). Upload the image again.');
  }
  if (upload.offset !== upload.size) {
    throw badRequest(
      `This upload is not finished (${upload.offset} of ${upload.size ?? '?'} bytes). Continue it with PATCH, then send.`,
    );
  }
  const path = context.uploads.pathOf(uploadId);
  const received = { path, size: upload.offset, head: await context.uploads.headOf(uploadId) };
  return storeReceived(context, userID, send, received, {
    onCommitted: () => context.uploads.forget(uploadId),
    // A refused file is gone for good; a server failure keeps the upload, so the send can be retried.
    onRefused: () => context.uploads.remove(uploadId),
  });
}
