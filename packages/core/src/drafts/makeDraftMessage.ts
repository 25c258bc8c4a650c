import * as ErrorCode from '../errorCodes';
import { isRejectionCode, type RejectionCode } from '../errors';
import { sanitizeFileName } from '../image/sanitizeFileName';
import type { MessageManager } from '../manager/createMessageManager';
import type { ConversationTarget } from '../manager/types';
import type { PrepareImageOptions } from '../prepare/types';
import { createOwnedObjectUrl } from '../web/objectUrls';

export type DraftMessageOutcome =
  /** The message exists; `preview` is a thumbnail's URL, made for the draft (revoke it with the draft). */
  | { kind: 'created'; imagePath: string; preview?: string }
  /** The file cannot be sent; `original`: it was judged at full size. */
  | { kind: 'refused'; code: RejectionCode; desc: string; original?: boolean }
  /** Nobody wants it any more (the draft was removed, prepared again or its list closed): nothing is left. */
  | { kind: 'stale' };

export interface DraftMessageOptions {
  id: string;
  conversation?: ConversationTarget;
  /** `false`: the file is sent as it is. */
  prepare: PrepareImageOptions | false;
  maxBytes: number;
  /** The description (alt text) typed for the draft before, when it is prepared again. */
  description?: string;
}

/** Creating and preparing refuse with rejection codes; anything else is a parameter they could not take. */
const asRejectionCode = (code: number): RejectionCode =>
  isRejectionCode(code) ? code : ErrorCode.INVALID_PARAMETERS;

/**
 * One picked file becomes the message `id`: prepared (unless preparing is off: HEIC → JPEG, downscaled,
 * stripped, a placeholder and a thumbnail), then created from the prepared `File` itself. `stale()` is
 * asked after every wait; once it says so, what was made is undone and the outcome is `stale`.
 */
export async function makeDraftMessage(
  manager: MessageManager,
  file: File,
  { id, conversation, prepare, maxBytes, description }: DraftMessageOptions,
  stale: () => boolean,
): Promise<DraftMessageOutcome> {
  let toSend = file;
  let placeholder: string | undefined;
  let preview: Blob | undefined;
  if (prepare !== false) {
    // Preparing loads with the first photo (the worker, and a HEIC decoder, later still, when needed).
    const { prepareImageFile } = await import('../prepare/prepareImageFile');
    const prepared = await prepareImageFile(file, { ...prepare, maxBytes });
    if (stale()) return { kind: 'stale' };
    if (prepared.code !== ErrorCode.SUCC || !prepared.data) {
      const refused = { kind: 'refused', code: asRejectionCode(prepared.code), desc: prepared.desc } as const;
      return prepare.original ? { ...refused, original: true } : refused;
    }
    ({ file: toSend, placeholder, preview } = prepared.data);
  }
  // The file goes to the manager as it is (only its header is read): its bytes are never copied here.
  const fileName = sanitizeFileName(toSend.name);
  const params = { imagePath: createOwnedObjectUrl(toSend) ?? fileName, file: toSend, fileName };
  const created = await manager.createImageMessage({
    ...params,
    id,
    conversation,
    placeholder,
    ...(description !== undefined && { description }),
  });
  if (stale()) {
    manager.discardMessage(id);
    return { kind: 'stale' };
  }
  if (created.code !== ErrorCode.SUCC) {
    return { kind: 'refused', code: asRejectionCode(created.code), desc: created.desc };
  }
  return { kind: 'created', imagePath: params.imagePath, preview: preview && createOwnedObjectUrl(preview) };
}
