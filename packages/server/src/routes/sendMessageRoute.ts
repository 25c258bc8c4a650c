import { randomUUID } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, badRequest, Code, conflict, forbidden, notFound, ok, tooLarge } from '../api/apiError';
import { type AppContext, baseUrlOf, present } from '../context';
import type { ImageRecord, MessageRecord } from '../db/messageStore';
import { sniffImage } from '../images/sniffImage';
import { EXTENSIONS, VARIANTS, variantDimensions, variantFormat } from '../images/variantPlan';
import { c2cKey, groupKey } from '../messages/conversations';
import { parseSendRequest, type SendRequest, type SendTarget } from '../messages/parseSendRequest';
import { viewersOf } from '../messages/visibility';
import { digestFile, readHead } from '../storage/digestFile';
import {
  receiveUpload,
  UploadAbortedError,
  UploadStalledError,
  UploadTooLargeError,
} from '../storage/receiveUpload';

const VARIANT_MIME = { jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp' } as const;

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
 * `X-Upload-URL`: the `Location` of a finished resumable upload (`POST /api/uploads`), whose bytes
 * become the image instead of a request body. Only its last segment, the upload id, is used.
 */
function parseUploadUrl(
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

async function dropOwnUpload(context: AppContext, userID: string, uploadId: string) {
  const upload = await context.uploads.find(uploadId);
  if (upload?.metadata?.owner === userID) await context.uploads.remove(uploadId);
}

/** Sends a finished resumable upload: its file is renamed into `images/` like a streamed body. */
async function storeFromUpload(
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
  const sha256 = upload.metadata?.sha256;
  const received = sha256
    ? { path, size: upload.offset, sha256, head: await readHead(path) }
    : { path, ...(await digestFile(path)) };
  return storeReceived(context, userID, send, received, {
    onCommitted: () => context.uploads.forget(uploadId),
    // A refused file is gone for good; a server failure keeps the upload, so the send can be retried.
    onRefused: () => context.uploads.remove(uploadId),
  });
}

/** A second send of a stored id: the same message, if it is the same sender and conversation. */
function retryOf(existing: MessageRecord, send: SendRequest, userID: string): MessageRecord {
  if (existing.sender !== userID) {
    throw conflict(`Message id "${send.id}" is already used by another sender. Create a new message.`);
  }
  if (existing.receiver !== send.receiver || existing.groupID !== send.groupID) {
    throw conflict(
      `Message "${send.id}" was already sent to another conversation. Create a new message to send it again.`,
    );
  }
  return existing;
}

function checkAddressing(context: AppContext, userID: string, target: SendTarget) {
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
        Code.REQUEST_TIMEOUT,
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
    { path: upload.tempPath, size: upload.size, sha256: upload.sha256, head: upload.head },
    { onRefused: removeTemp, onFailed: removeTemp },
  );
}

interface ReceivedFile {
  path: string;
  size: number;
  sha256: string;
  head: Uint8Array;
}

/**
 * Sniffs a complete file, renames it into `images/` and inserts the message (unique on the id). On a
 * refusal (empty, not an image) `onRefused` runs; on any other failure `onFailed`; after the rename,
 * `onCommitted`.
 */
async function storeReceived(
  context: AppContext,
  userID: string,
  send: SendRequest,
  upload: ReceivedFile,
  hooks: {
    onCommitted?: () => Promise<unknown>;
    onRefused?: () => Promise<unknown>;
    onFailed?: () => Promise<unknown>;
  },
): Promise<MessageRecord & { replayed?: boolean }> {
  let committed: string | undefined;
  try {
    if (upload.size === 0) {
      throw badRequest('The image is empty (0 bytes). Choose another image.', Code.FILE_SIZE_EMPTY);
    }
    const sniff = await sniffImage(upload.path, upload.head);
    if (!sniff.ok) throw new ApiError(415, sniff.code, sniff.desc);
    const { facts } = sniff;

    const originFile = context.images.fileName(send.id, 'origin', EXTENSIONS[facts.format]);
    await context.images.commit(upload.path, originFile);
    committed = originFile;
    await hooks.onCommitted?.();

    const origin: ImageRecord = {
      type: 0,
      state: 'ready',
      file: originFile,
      mimeType: facts.mimeType,
      width: facts.width,
      height: facts.height,
      size: upload.size,
      sha256: upload.sha256,
    };
    const images = [
      origin,
      ...VARIANTS.map((variant) => planVariant(context, send.id, origin, facts.format, variant)),
    ];
    const record = context.messages.insert({
      id: send.id,
      msgID: `msg_${randomUUID().replaceAll('-', '')}`,
      sender: userID,
      ...(send.receiver !== undefined && { receiver: send.receiver }),
      ...(send.groupID !== undefined && { groupID: send.groupID }),
      conversationKey:
        send.groupID !== undefined ? groupKey(send.groupID) : c2cKey(userID, send.receiver as string),
      timestamp: Math.floor(Date.now() / 1000),
      fileName: send.fileName,
      ...(send.cloudCustomData !== undefined && { cloudCustomData: send.cloudCustomData }),
      ...(send.priority !== undefined && { priority: send.priority }),
      images,
    });
    if (record) return record;
    // Another request with this id won the insert while this one uploaded: answer like a retry.
    await context.images.remove(originFile);
    committed = undefined;
    return { ...retryOf(context.messages.findById(send.id) as MessageRecord, send, userID), replayed: true };
  } catch (error) {
    if (committed) await context.images.remove(committed);
    else if (error instanceof ApiError && error.status < 500) await hooks.onRefused?.();
    else await hooks.onFailed?.();
    throw error;
  }
}

function planVariant(
  context: AppContext,
  messageId: string,
  origin: ImageRecord,
  format: Parameters<typeof variantFormat>[0],
  variant: (typeof VARIANTS)[number],
): ImageRecord {
  const size = variantDimensions(origin.width, origin.height, variant.shortSide);
  if (size.width === origin.width && size.height === origin.height) {
    // Already small enough: the variant is the original (the SDK's rule), no second file.
    const { sha256: _originOnly, ...reused } = origin;
    return { ...reused, type: variant.type };
  }
  const output = variantFormat(format);
  return {
    type: variant.type,
    state: 'pending',
    file: context.images.fileName(messageId, variant.name, output === 'jpeg' ? 'jpg' : output),
    mimeType: VARIANT_MIME[output],
    ...size,
  };
}
