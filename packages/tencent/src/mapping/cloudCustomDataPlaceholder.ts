import { isImagePlaceholder } from '@image-message/core';

/**
 * The key of `cloudCustomData` under which this library keeps what the SDK has no field for:
 * `{"@image-message":{"placeholder":"<ThumbHash, base64>"}}`. Scoped like the npm packages, so it does not
 * meet an app's own keys; other clients (native apps, TUIKit) read `imageElem.placeholder` from it.
 *
 * @example JSON.parse(message.cloudCustomData)[IMAGE_MESSAGE_CUSTOM_DATA_KEY]?.placeholder
 */
export const IMAGE_MESSAGE_CUSTOM_DATA_KEY = '@image-message';

const KEY_JSON = JSON.stringify(IMAGE_MESSAGE_CUSTOM_DATA_KEY);

/** Our entry exactly as `addPlaceholder` writes it, at the start of the object. */
const WRITTEN_ENTRY = new RegExp(`^(\\s*\\{)${KEY_JSON}:\\{"placeholder":"([A-Za-z0-9+/=]+)"\\}(,?)`);

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
 * The `cloudCustomData` to give the SDK for an app's own value and a placeholder:
 * - none (or `''`) → `{"@image-message":{"placeholder":"…"}}`;
 * - a JSON object → our entry written in front of the app's keys, whose text stays byte for byte as the
 *   app wrote it (no re-serializing: big integers, spacing and key order survive); an object that already
 *   has the key is left alone — the app's value wins;
 * - anything else (plain text, a JSON array or number, invalid JSON) → exactly the app's value, and the
 *   placeholder is not sent: there is nowhere to put it without changing what the app set.
 * A placeholder that is not ThumbHash-shaped (`isImagePlaceholder`) is never sent.
 *
 * @example addPlaceholder('{"orderId":7}', 'YJqG…') // '{"@image-message":{"placeholder":"YJqG…"},"orderId":7}'
 */
export function addPlaceholder(
  cloudCustomData: string | undefined,
  placeholder: string | undefined,
): string | undefined {
  if (!isImagePlaceholder(placeholder)) return cloudCustomData;
  const entry = `${KEY_JSON}:${JSON.stringify({ placeholder })}`;
  if (cloudCustomData === undefined || cloudCustomData === '') return `{${entry}}`;
  const appObject = parseObject(cloudCustomData);
  if (!appObject || Object.hasOwn(appObject, IMAGE_MESSAGE_CUSTOM_DATA_KEY)) return cloudCustomData;
  // JSON text that parses as an object starts with JSON whitespace, then its "{".
  const open = cloudCustomData.indexOf('{') + 1;
  const separator = Object.keys(appObject).length > 0 ? ',' : '';
  return `${cloudCustomData.slice(0, open)}${entry}${separator}${cloudCustomData.slice(open)}`;
}

/** `readPlaceholder`'s answer: the placeholder found, and the app's own `cloudCustomData`. */
export interface PlaceholderInCustomData {
  placeholder?: string;
  cloudCustomData?: string;
}

/**
 * Reads a message's `cloudCustomData` back: the placeholder under `IMAGE_MESSAGE_CUSTOM_DATA_KEY`, if it is
 * ThumbHash-shaped, and the app's value without our entry when the entry is exactly as `addPlaceholder`
 * wrote it (so `V2TimMessage.cloudCustomData` is what the app set; `{}` reads back as none). Any other
 * value — not a string, not JSON, not an object, our key holding junk, our entry written differently by
 * another client — is tolerated: no placeholder, or the text left as it is.
 *
 * @example readPlaceholder('{"@image-message":{"placeholder":"YJqG…"},"orderId":7}')
 * // { placeholder: 'YJqG…', cloudCustomData: '{"orderId":7}' }
 */
export function readPlaceholder(cloudCustomData: unknown): PlaceholderInCustomData {
  if (typeof cloudCustomData !== 'string' || cloudCustomData === '') return {};
  // Most messages carry no entry of ours: no parsing for them.
  if (!cloudCustomData.includes(KEY_JSON)) return { cloudCustomData };
  const ours = parseObject(cloudCustomData)?.[IMAGE_MESSAGE_CUSTOM_DATA_KEY];
  const placeholder =
    typeof ours === 'object' && ours !== null ? (ours as { placeholder?: unknown }).placeholder : undefined;
  if (!isImagePlaceholder(placeholder)) return { cloudCustomData };

  const written = WRITTEN_ENTRY.exec(cloudCustomData);
  if (!written || written[2] !== placeholder) return { placeholder, cloudCustomData };
  const [entry, open, , separator] = written;
  // No separator: the object held our entry alone, so the app had set nothing (or `{}`).
  if (separator === '') return { placeholder };
  return { placeholder, cloudCustomData: `${open}${cloudCustomData.slice(entry.length)}` };
}
