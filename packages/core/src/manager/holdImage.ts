// Loaded with the first image a manager holds (created, or restored from a store): an app's first load
// carries only the manager's frame (its state, subscriptions and sends).
import type { ImageType } from '../constants';
import * as ErrorCode from '../errorCodes';
import type { ImageInfo } from '../image/readImageInfo';
import { sanitizeFileName } from '../image/sanitizeFileName';
import type { StoredImageMessage } from '../persist/types';
import type { V2TimMessage, V2TimMsgCreateInfoResult, V2TimValueCallback } from '../types';
import { checkImageBytes, checkImageFile, type ImageBytesCheck } from '../validation/checkImageBytes';
import { checkImageSize } from '../validation/checkImageSize';
import { validateImagePath } from '../validation/validateImagePath';
import { createOwnedObjectUrl, revokeOwnedObjectUrl } from '../web/objectUrls';
import {
  DISPOSED_DESC,
  type Entry,
  IMAGE_ELEM,
  type ImageData,
  type ManagerInternals,
  result,
} from './entry';
import { initialSendState, type SendState, sendReducer } from './sendState';
import type { ConversationTarget, CreateImageMessageParams } from './types';

const ORIGIN = 0 satisfies typeof ImageType.ORIGIN;

/** A Blob that could not be read (gone from disk, revoked): judged like bytes that are no image. */
function unreadable(error: unknown): ImageBytesCheck {
  return {
    ok: false,
    code: ErrorCode.NOT_IMAGE,
    desc: `This file could not be read (${error instanceof Error ? error.message : String(error)}). Choose it again.`,
  };
}

const ownBuffer = (bytes: Uint8Array) =>
  bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();

/** A Blob (a File), judged by its shape: jsdom's and Node's Blobs are different classes. */
function isBlob(value: unknown): value is Blob {
  return (
    typeof value === 'object' &&
    value !== null &&
    !ArrayBuffer.isView(value) &&
    typeof (value as Blob).size === 'number' &&
    typeof (value as Blob).slice === 'function'
  );
}

/** A validated image becomes a message the manager holds (created on this page, or restored). */
function addEntry(
  { transport, entries }: ManagerInternals,
  id: string,
  image: ImageData,
  info: ImageInfo,
  source: {
    imagePath: string;
    fileName: string;
    conversation?: ConversationTarget;
    placeholder?: string;
  },
): Entry {
  const { imagePath, conversation, placeholder } = source;
  const sender = transport.sender?.();
  const messageInfo: V2TimMessage = {
    id,
    elemType: IMAGE_ELEM,
    isSelf: true,
    ...(sender && { sender }),
    progress: 0,
    imageElem: {
      path: imagePath,
      imageList: [
        {
          type: ORIGIN,
          size: image.size,
          width: info.width,
          height: info.height,
          localUrl: imagePath,
        },
      ],
      ...(placeholder && { placeholder }),
    },
  };
  // Names from the web path are sanitized already; names passed directly are not, and a transport or
  // server must never see "../" or a bidi override.
  const state = { ...initialSendState(messageInfo, sanitizeFileName(source.fileName)), conversation };
  const { bytes, size } = image;
  // A file beside the bytes counts only when it can be them.
  const file = image.file?.size === size ? image.file : undefined;
  const entry: Entry = { state, imagePath, info, size, ...(bytes && { bytes }), ...(file && { file }) };
  entries.set(id, entry);
  return entry;
}

/** `createImageMessage`: a validated image becomes a message the manager holds. */
export async function createImage(
  internals: ManagerInternals,
  params: CreateImageMessageParams,
): Promise<V2TimValueCallback<V2TimMsgCreateInfoResult>> {
  const { entries, maxBytes, createId, keep, notify } = internals;
  const { imagePath, fileContent, fileName, id: reservedId } = params ?? ({} as CreateImageMessageParams);
  if (internals.isDisposed()) return result<V2TimMsgCreateInfoResult>(ErrorCode.NOT_LOGGED_IN, DISPOSED_DESC);
  const blob = isBlob(params?.file) ? params.file : undefined;
  const refuse = (code: number, desc: string) => {
    // The URL was made for this message, which will never exist.
    revokeOwnedObjectUrl(imagePath);
    return result<V2TimMsgCreateInfoResult>(code, desc);
  };
  const pathCheck = validateImagePath(imagePath);
  if (!pathCheck.ok) return refuse(pathCheck.code, pathCheck.desc);
  const hasBytes = ArrayBuffer.isView(fileContent);
  if ((!hasBytes && !blob) || typeof fileName !== 'string' || fileName.trim() === '') {
    return refuse(
      ErrorCode.INVALID_PARAMETERS,
      'On the web, createImageMessage needs fileContent (the bytes) or file (a Blob), and fileName. Use fileToImageMessageParams(file) to get them.',
    );
  }
  if (
    reservedId !== undefined &&
    (typeof reservedId !== 'string' || !reservedId || entries.has(reservedId))
  ) {
    return refuse(ErrorCode.INVALID_PARAMETERS, `The id "${reservedId}" is empty or already in use.`);
  }
  // Any typed array or DataView, read as bytes; else the Blob's header alone.
  const bytes = hasBytes
    ? new Uint8Array(fileContent.buffer, fileContent.byteOffset, fileContent.byteLength)
    : undefined;
  const check = bytes
    ? await checkImageBytes(bytes, maxBytes)
    : await checkImageFile(blob as Blob, maxBytes).catch(unreadable);
  if (!check.ok) return refuse(check.code, check.desc);
  if (internals.isDisposed()) return refuse(ErrorCode.NOT_LOGGED_IN, DISPOSED_DESC);
  // The reserved id may have been taken while the bytes were read.
  if (reservedId !== undefined && entries.has(reservedId)) {
    return refuse(ErrorCode.INVALID_PARAMETERS, `The id "${reservedId}" is already in use.`);
  }
  const id = reservedId ?? createId();
  const size = bytes ? bytes.byteLength : (blob as Blob).size;
  const entry = addEntry(internals, id, { bytes, file: blob, size }, check.info, { ...params, fileName });
  if (typeof params.description === 'string') {
    entry.state = sendReducer(entry.state, { type: 'describe', description: params.description });
  }
  const { message, conversation, description } = entry.state;
  const record: StoredImageMessage = {
    id,
    // The Blob where there is one: the store keeps it without reading it (or reads it where its engine
    // cannot keep Blobs). Else the bytes, in their own buffer: cloning a view copies the buffer behind it.
    ...(entry.file ? { file: entry.file } : { bytes: ownBuffer(bytes as Uint8Array) }),
    mimeType: check.info.mimeType,
    fileName: entry.state.fileName,
    width: check.info.width,
    height: check.info.height,
    placeholder: params.placeholder,
    ...(description !== undefined && { description }),
    conversation,
    status: 'created',
    savedAt: Date.now(),
  };
  keep((kept) => kept.save(record));
  notify(id);
  return result(ErrorCode.SUCC, '', { id, messageInfo: message });
}

/** Holds a message a store kept, under its id, with the state it is restored to. */
export function adoptKept(
  internals: ManagerInternals,
  record: StoredImageMessage,
  info: ImageInfo,
  restoredState: (created: SendState) => SendState,
): boolean {
  const { entries, maxBytes } = internals;
  const { bytes } = record;
  const size = record.file?.size ?? bytes?.byteLength ?? 0;
  if (internals.isDisposed() || entries.has(record.id) || !checkImageSize(size, maxBytes).ok) return false;
  // A kept Blob is shown and sent as it is; kept bytes (an engine that refuses Blobs) are copied once.
  const file = record.file ?? new Blob([bytes as Uint8Array<ArrayBuffer>], { type: info.mimeType });
  const imagePath = createOwnedObjectUrl(file) ?? record.fileName;
  const entry = addEntry(internals, record.id, { bytes, file, size }, info, { ...record, imagePath });
  entry.uploadUrl = record.resume;
  entry.state = restoredState(entry.state);
  // After the restored status: a description too long to send holds new sends, not the one restored.
  if (typeof record.description === 'string') {
    entry.state = sendReducer(entry.state, { type: 'describe', description: record.description });
  }
  internals.notify(record.id);
  return true;
}
