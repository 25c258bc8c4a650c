/**
 * A unique local message id, safe in URLs and file names (it is also the server's idempotency key): "img_"
 * and 128 random bits in hex. `getRandomValues`, unlike `randomUUID`, exists outside secure contexts too;
 * Math.random covers very old runtimes.
 */
export function createMessageId(): string {
  const bytes = new Uint8Array(16);
  if (typeof globalThis.crypto?.getRandomValues === 'function') globalThis.crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.random() * 256; // stored truncated to a byte
  return `img_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
