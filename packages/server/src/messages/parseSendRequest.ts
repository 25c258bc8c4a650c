import type { IncomingHttpHeaders } from 'node:http';
import { checkDescription, isImagePlaceholder, sanitizeFileName } from '@image-message/core';
import { badRequest } from '../api/apiError';
import { isEntityId, isMessageId } from '../api/identifiers';

export interface SendTarget {
  receiver?: string;
  groupID?: string;
}

export interface SendRequest extends SendTarget {
  id: string;
  fileName: string;
  cloudCustomData?: string;
  /** `imageElem.placeholder`: a ThumbHash, base64 (see `parsePlaceholder`). */
  placeholder?: string;
  /** `imageElem.description`: the image's alt text, cleaned (see `parseDescription`). */
  description?: string;
  priority?: number;
  /** Declared Content-Length, when the request has one. */
  declaredLength?: number;
}

const MAX_CUSTOM_DATA = 8 * 1024;

/** Reads and checks everything about a send except the body. Throws 400/6017 with what to fix. */
export function parseSendRequest(
  params: { id?: unknown },
  query: Record<string, unknown>,
  headers: IncomingHttpHeaders,
): SendRequest {
  const { id } = params;
  if (!isMessageId(id)) {
    throw badRequest(
      'The message id must be 1–64 letters, digits, "_" or "-" (use the id createImageMessage returned).',
    );
  }
  const receiver = optionalId(query.receiver, 'receiver');
  const groupID = optionalId(query.groupID, 'groupID');
  if (receiver === undefined && groupID === undefined) {
    throw badRequest(
      'Say who gets the message: ?receiver=<userID> (one-to-one), ?groupID=<groupID>, or both.',
    );
  }
  const request: SendRequest = { id, fileName: parseFileName(headers['x-file-name']) };
  if (receiver !== undefined) request.receiver = receiver;
  if (groupID !== undefined) request.groupID = groupID;
  const customData = header(headers['x-cloud-custom-data']);
  if (customData !== undefined) {
    const decoded = decodeHeader(customData, 'X-Cloud-Custom-Data');
    if (Buffer.byteLength(decoded) > MAX_CUSTOM_DATA) {
      throw badRequest(`X-Cloud-Custom-Data is limited to ${MAX_CUSTOM_DATA} bytes.`);
    }
    request.cloudCustomData = decoded;
  }
  const placeholder = parsePlaceholder(headers['x-image-placeholder']);
  if (placeholder !== undefined) request.placeholder = placeholder;
  const description = parseDescription(headers['x-image-description']);
  if (description !== undefined) request.description = description;
  if (query.priority !== undefined) {
    const priority = Number(query.priority);
    if (!Number.isInteger(priority) || priority < 0 || priority > 3) {
      throw badRequest('priority must be 0 (default), 1 (high), 2 (normal) or 3 (low).');
    }
    request.priority = priority;
  }
  const length = headers['content-length'];
  if (length !== undefined) {
    if (!/^\d+$/.test(length)) throw badRequest('Content-Length must be a number of bytes.');
    request.declaredLength = Number(length);
  }
  return request;
}

function optionalId(value: unknown, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isEntityId(value)) throw badRequest(`${name} must be a user or group id (letters, digits, "_.@-").`);
  return value;
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function decodeHeader(value: string, name: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw badRequest(`${name} must be URI-encoded (encodeURIComponent).`);
  }
}

/**
 * The display name of the file. Only shown and offered as the download name (never used as a path),
 * sanitized exactly as core sanitizes it on the client (a client that skips core gets the same result):
 * the last path segment, without control or bidi/zero-width characters, reserved characters replaced,
 * at most 120 characters, "image" when nothing is left.
 */
export function parseFileName(value: string | string[] | undefined): string {
  const raw = header(value);
  if (raw === undefined) return 'image';
  return sanitizeFileName(decodeHeader(raw, 'X-File-Name'));
}

/**
 * `X-Image-Placeholder`: the ThumbHash a renderer paints while the image loads, as base64 (≤ 88
 * characters, core's `isImagePlaceholder`). Anything else is dropped, not refused: the placeholder is a
 * nicety, and a client with a broken encoder must not lose the photo over it — the message is sent
 * without one (its answer shows that), and no client can store more than 88 bytes of it per message.
 */
export function parsePlaceholder(value: string | string[] | undefined): string | undefined {
  const raw = header(value);
  return isImagePlaceholder(raw) ? raw : undefined;
}

/**
 * `X-Image-Description`: the image's description (alt text), URI-encoded, under core's one rule
 * (`checkDescription`, imported, never copied): cleaned silently (controls, bidi overrides and isolates
 * removed, NFC, trimmed; nothing left is none), refused when longer than 1,000 characters (400,
 * `DESCRIPTION_TOO_LONG`) — a cut would say what the sender did not write, and the library's clients never
 * send one that long (the manager holds the send until it is shortened).
 */
export function parseDescription(value: string | string[] | undefined): string | undefined {
  const raw = header(value);
  if (raw === undefined) return undefined;
  const check = checkDescription(decodeHeader(raw, 'X-Image-Description'));
  if (!check.ok) throw badRequest(check.desc, check.code);
  return check.description || undefined;
}
