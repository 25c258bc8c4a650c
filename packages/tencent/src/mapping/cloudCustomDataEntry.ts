import { checkDescription, isImagePlaceholder } from '@image-message/core';

/**
 * The key of `cloudCustomData` under which this library keeps what the SDK has no field for:
 * `{"@image-message":{"placeholder":"<ThumbHash, base64>","description":"<alt text>"}}` (either may be
 * missing). Scoped like the npm packages, so it does not meet an app's own keys; other clients (native
 * apps, TUIKit) read `imageElem.placeholder` and `imageElem.description` from it.
 *
 * @example JSON.parse(message.cloudCustomData)[IMAGE_MESSAGE_CUSTOM_DATA_KEY]?.description
 */
export const IMAGE_MESSAGE_CUSTOM_DATA_KEY = '@image-message';

const KEY_JSON = JSON.stringify(IMAGE_MESSAGE_CUSTOM_DATA_KEY);

/** What this library adds to an image message: `imageElem.placeholder` and `imageElem.description`. */
export interface ImageMessageData {
  placeholder?: string;
  description?: string;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Our entry, in the order it is written: a ThumbHash-shaped placeholder (`isImagePlaceholder`) and a
 * description under core's rule (`checkDescription`: cleaned; one too long is left out). Undefined when
 * neither is there.
 */
function entryOf(data: Readonly<Record<string, unknown>>): ImageMessageData | undefined {
  const entry: ImageMessageData = {};
  if (isImagePlaceholder(data.placeholder)) entry.placeholder = data.placeholder;
  const described = typeof data.description === 'string' ? checkDescription(data.description) : undefined;
  if (described?.ok && described.description) entry.description = described.description;
  return entry.placeholder === undefined && entry.description === undefined ? undefined : entry;
}

/** Our entry as `addImageMessageData` writes it: `"@image-message":{…}`. */
const entryText = (entry: ImageMessageData) => `${KEY_JSON}:${JSON.stringify(entry)}`;

/**
 * The `cloudCustomData` to give the SDK for an app's own value and this library's data (placeholder,
 * description):
 * - none (or `''`) → `{"@image-message":{"placeholder":"…","description":"…"}}`;
 * - a JSON object → our entry written in front of the app's keys, whose text stays byte for byte as the
 *   app wrote it (no re-serializing: big integers, spacing and key order survive); an object that already
 *   has the key is left alone — the app's value wins;
 * - anything else (plain text, a JSON array or number, invalid JSON) → exactly the app's value, and our
 *   data is not sent: there is nowhere to put it without changing what the app set.
 * A placeholder that is not ThumbHash-shaped (`isImagePlaceholder`) or a description too long
 * (`checkDescription`) is never sent; a description is sent cleaned.
 *
 * @example addImageMessageData('{"orderId":7}', { placeholder: 'YJqG…' }) // '{"@image-message":{"placeholder":"YJqG…"},"orderId":7}'
 */
export function addImageMessageData(
  cloudCustomData: string | undefined,
  data: ImageMessageData,
): string | undefined {
  const ours = entryOf(data as Record<string, unknown>);
  if (!ours) return cloudCustomData;
  const entry = entryText(ours);
  if (cloudCustomData === undefined || cloudCustomData === '') return `{${entry}}`;
  const appObject = parseObject(cloudCustomData);
  if (!appObject || Object.hasOwn(appObject, IMAGE_MESSAGE_CUSTOM_DATA_KEY)) return cloudCustomData;
  // JSON text that parses as an object starts with JSON whitespace, then its "{".
  const open = cloudCustomData.indexOf('{') + 1;
  const separator = Object.keys(appObject).length > 0 ? ',' : '';
  return `${cloudCustomData.slice(0, open)}${entry}${separator}${cloudCustomData.slice(open)}`;
}

/** `readImageMessageData`'s answer: our data found, and the app's own `cloudCustomData`. */
export interface ImageMessageDataInCustomData extends ImageMessageData {
  cloudCustomData?: string;
}

/**
 * Reads a message's `cloudCustomData` back: the placeholder (if ThumbHash-shaped) and the description
 * (under core's rule, cleaned) under `IMAGE_MESSAGE_CUSTOM_DATA_KEY`, and the app's value without our entry
 * when the entry is exactly as `addImageMessageData` wrote it (so `V2TimMessage.cloudCustomData` is what
 * the app set; `{}` reads back as none). Any other value — not a string, not JSON, not an object, our key
 * holding junk, our entry written differently by another client — is tolerated: no data, or the text left
 * as it is.
 *
 * @example readImageMessageData('{"@image-message":{"placeholder":"YJqG…"},"orderId":7}')
 * // { placeholder: 'YJqG…', cloudCustomData: '{"orderId":7}' }
 */
export function readImageMessageData(cloudCustomData: unknown): ImageMessageDataInCustomData {
  if (typeof cloudCustomData !== 'string' || cloudCustomData === '') return {};
  // Most messages carry no entry of ours: no parsing for them.
  if (!cloudCustomData.includes(KEY_JSON)) return { cloudCustomData };
  const ours = parseObject(cloudCustomData)?.[IMAGE_MESSAGE_CUSTOM_DATA_KEY];
  const data =
    typeof ours === 'object' && ours !== null ? entryOf(ours as Record<string, unknown>) : undefined;
  if (!data) return { cloudCustomData };

  // Our entry exactly as written, first in the object, is taken out; anything else stays as it is.
  const open = cloudCustomData.indexOf('{') + 1;
  const entry = entryText(data);
  if (!cloudCustomData.startsWith(entry, open)) return { ...data, cloudCustomData };
  const after = cloudCustomData.slice(open + entry.length);
  if (after.startsWith(','))
    return { ...data, cloudCustomData: `${cloudCustomData.slice(0, open)}${after.slice(1)}` };
  // No separator: the object held our entry alone, so the app had set nothing (or `{}`).
  return /^\s*\}\s*$/.test(after) ? data : { ...data, cloudCustomData };
}
