/**
 * A unique local message id, safe in URLs and file names (it is also the server's idempotency key).
 * `crypto.randomUUID` exists only in secure contexts, so fall back to `getRandomValues`, then to Math.random
 * for very old runtimes.
 */
export function createMessageId(): string {
  const cryptoApi = globalThis.crypto;
  if (typeof cryptoApi?.randomUUID === 'function') return `img_${cryptoApi.randomUUID().replaceAll('-', '')}`;
  const bytes = new Uint8Array(16);
  if (typeof cryptoApi?.getRandomValues === 'function') cryptoApi.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return `img_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
