import { unlink } from 'node:fs/promises';
import { ErrorCode } from '@image-message/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, badRequest, forbidden, ok, tooLarge } from '../api/apiError';
import { type AppContext, baseUrlOf, present } from '../context';
import type { MessageRecord } from '../db/messageStore';
import { parseSendRequest, type SendRequest, type SendTarget } from '../messages/parseSendRequest';
import { retryOf, storeReceived } from '../messages/storeMessage';
import { viewersOf } from '../messages/visibility';
import {
  receiveUpload,
  UploadAbortedError,
  UploadStalledError,
  UploadTooLargeError,
} from '../storage/receiveUpload';
import { dropOwnUpload, parseUploadUrl, storeFromUpload } from '../uploads/sendFinishedUpload';

/**
 * `PUT /api/messages/:id` — upload an image and send it as a message, in one idempotent request.
 *
 * Order of work: check the caller and the addressing (before reading the body) → stream the body to a
 * temp file while counting (413 the moment it passes the limit) → sniff the bytes → rename into
 * `images/` → insert the message in a transaction (unique on the id) → respond → push events and make
 * THUMB/LARGE in the background. A retry of a stored id returns the stored message and keeps nothing.
 */
export async function sendMessageRoute(app: FastifyInstance, context: AppContext) {
  // The body is the raw image, whatever its Content-Type says: leave the stream to the handler.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));

  app.put('/messages/:id', async (request, reply) => {
    const send = parseSendRequest(
      request.params as { id?: unknown },
      request.query as Record<string, unknown>,
      request.headers,
    );
    const baseUrl = baseUrlOf(context, request);
    const uploadId = parseUploadUrl(request.headers['x-upload-url'], context.uploads.isUploadId);
    const existing = context.messages.findById(send.id);
    if (existing) {
      // A retry: answer with what is stored; the body is read and dropped (see http/bodyGuard.ts), and a
      // resumable upload sent for it again is not kept either.
      const stored = retryOf(existing, send, request.userID);
      if (uploadId !== undefined) await dropOwnUpload(context, request.userID, uploadId);
      return ok(present(context, stored, request.userID, baseUrl));
    }
    checkAddressing(context, request.userID, send);

    if (uploadId !== undefined) {
      const record = await context.track(storeFromUpload(context, request.userID, send, uploadId));
      if (!record.replayed) publish(context, record);
      return ok(present(context, record, request.userID, baseUrl));
    }

    const limit = context.options.maxUploadBytes;
    if (send.declaredLength !== undefined && send.declaredLength > limit) {
      // Refused before a byte is read; closing the connection spares the client sending the rest.
      reply.header('connection', 'close');
      throw tooLarge(send.declaredLength, limit);
    }
    const record = await context.track(store(context, request, reply, send));
    if (!record) return reply;
    if (!record.replayed) publish(context, record);
    return ok(present(context, record, request.userID, baseUrl));
  });
}

/** A new message: to the event streams of those who may see it, and THUMB/LARGE into the queue. */
function publish(context: AppContext, record: MessageRecord) {
  context.events.publish(viewersOf(record, context.directory), 'message', record, String(record.seq));
  context.variants.enqueue(record.id);
}

/**
 * Refuses a send the caller may not make (a group they are not in, a receiver outside the group, an
 * unknown user); also asked when a resumable upload is created, so such a send is refused before its
 * image is uploaded.
 */
export function checkAddressing(context: Pick<AppContext, 'directory'>, userID: string, target: SendTarget) {
  const { directory } = context;
  if (target.groupID !== undefined) {
    // An unknown group and one the caller is not in look the same, so group ids cannot be probed.
    if (!directory.isMember(target.groupID, userID)) {
      throw forbidden(`You are not a member of group "${target.groupID}", so you cannot send to it.`);
    }
    if (target.receiver !== undefined && !directory.isMember(target.groupID, target.receiver)) {
      throw badRequest(`"${target.receiver}" is not a member of group "${target.groupID}".`);
    }
  } else if (target.receiver !== undefined && !directory.getUser(target.receiver)) {
    throw badRequest(`There is no user "${target.receiver}".`);
  }
}

/** Streams, sniffs and stores the upload; `undefined` when the client went away (nothing to answer). */
async function store(
  context: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  send: SendRequest,
): Promise<(MessageRecord & { replayed?: boolean }) | undefined> {
  const limit = context.options.maxUploadBytes;
  let upload: Awaited<ReturnType<typeof receiveUpload>>;
  try {
    upload = await receiveUpload(request.raw, context.images.tempPath(), limit, {
      sync: context.options.syncWrites,
      idleTimeoutMs: context.options.uploadIdleTimeoutMs,
    });
  } catch (error) {
    if (error instanceof UploadTooLargeError) {
      reply.header('connection', 'close');
      throw tooLarge(undefined, limit);
    }
    if (error instanceof UploadStalledError) {
      // Answered for the record (a client that is merely slow may still read it); the connection closes.
      reply.header('connection', 'close');
      const idle = context.options.uploadIdleTimeoutMs;
      const wait = idle < 1000 ? `${idle} ms` : `${Math.round(idle / 1000)} s`;
      throw new ApiError(
        408,
        ErrorCode.REQUEST_TIMEOUT,
        `The upload sent nothing for ${wait}, so it was stopped and nothing was kept. Send it again.`,
      );
    }
    if (error instanceof UploadAbortedError) {
      // Nobody is listening any more, and the temp file is already gone.
      reply.hijack();
      request.raw.destroy();
      return undefined;
    }
    throw error;
  }

  const removeTemp = () => unlink(upload.tempPath).catch(() => undefined);
  return storeReceived(
    context,
    request.userID,
    send,
    { path: upload.tempPath, size: upload.size, head: upload.head },
    { onRefused: removeTemp, onFailed: removeTemp },
  );
}
