import { randomUUID } from 'node:crypto';
import { ErrorCode, IMAGE_MIME_TYPES, variantDimensions } from '@image-message/core';
import { ApiError, badRequest, conflict } from '../api/apiError';
import type { AppContext } from '../context';
import type { ImageRecord, MessageRecord } from '../db/messageStore';
import { sniffImage } from '../images/sniffImage';
import { EXTENSIONS, VARIANTS, variantFormat } from '../images/variantPlan';
import { c2cKey, groupKey } from './conversations';
import type { SendRequest } from './parseSendRequest';

/** A second send of a stored id: the same message, if it is the same sender and conversation. */
export function retryOf(existing: MessageRecord, send: SendRequest, userID: string): MessageRecord {
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

export interface ReceivedFile {
  path: string;
  size: number;
  head: Uint8Array;
}

/**
 * Sniffs a complete file, renames it into `images/` and inserts the message (unique on the id). On a
 * refusal (empty, not an image) `onRefused` runs; on any other failure `onFailed`; after the rename,
 * `onCommitted`, which is not waited for.
 */
export async function storeReceived(
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
      throw badRequest('The image is empty (0 bytes). Choose another image.', ErrorCode.FILE_SIZE_EMPTY);
    }
    const sniff = await sniffImage(upload.path, upload.head, upload.size);
    if (!sniff.ok) throw new ApiError(415, sniff.code, sniff.desc);
    const { facts } = sniff;

    const originFile = context.images.fileName(send.id, 'origin', EXTENSIONS[facts.format]);
    await context.images.commit(upload.path, originFile);
    committed = originFile;
    // Not awaited: tidying up after the rename stays off the answer's clock (a file-system round trip took
    // ~5 ms here on a busy machine; a crash before it is swept at the next start), and the insert below
    // follows the rename with no other request in between.
    void hooks.onCommitted?.().catch(() => undefined);

    const origin: ImageRecord = {
      type: 0,
      state: 'ready',
      file: originFile,
      mimeType: facts.mimeType,
      width: facts.width,
      height: facts.height,
      size: upload.size,
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
      ...(send.placeholder !== undefined && { placeholder: send.placeholder }),
      ...(send.description !== undefined && { description: send.description }),
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
    return { ...origin, type: variant.type };
  }
  const output = variantFormat(format);
  return {
    type: variant.type,
    state: 'pending',
    file: context.images.fileName(messageId, variant.name, output === 'jpeg' ? 'jpg' : output),
    mimeType: IMAGE_MIME_TYPES[output],
    ...size,
  };
}
