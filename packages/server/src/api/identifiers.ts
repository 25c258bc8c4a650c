/**
 * Message ids become file names and user/group ids become parts of conversation ids, so all of them are
 * held to a small alphabet: no dots, slashes or percent signs, hence no path traversal and nothing to
 * escape. Core's `createMessageId` (`img_` + 32 hex digits) fits.
 */
export const MESSAGE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** User and group ids: letters, digits, `_`, `-`, `.` and `@`, up to 64 characters. */
export const ENTITY_ID_PATTERN = /^[A-Za-z0-9_.@-]{1,64}$/;

export function isMessageId(value: unknown): value is string {
  return typeof value === 'string' && MESSAGE_ID_PATTERN.test(value);
}

export function isEntityId(value: unknown): value is string {
  return typeof value === 'string' && ENTITY_ID_PATTERN.test(value);
}
