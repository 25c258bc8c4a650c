/** Releases of the locks this page holds, by lock name. */
const held = new Map<string, () => void>();

const lockName = (database: string, id: string) => `image-message:${database}:${id}`;

/**
 * Claims a kept message for this page with a Web Lock held until `releaseMessage` or until the page
 * closes, so another tab that loads the same store skips it and two tabs never send it twice. Resolves
 * true when this page holds it (also where Web Locks do not exist: one tab is then assumed).
 */
export function claimMessage(database: string, id: string): Promise<boolean> {
  const name = lockName(database, id);
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (held.has(name)) return Promise.resolve(true);
  if (!locks) {
    held.set(name, () => {});
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    locks
      .request(name, { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(false);
          return undefined;
        }
        resolve(true);
        // Held until released: the lock ends when this promise settles.
        return new Promise<void>((release) => held.set(name, release));
      })
      .catch(() => resolve(false));
  });
}

/** Lets another tab have the message (it was sent, removed or cleared here). */
export function releaseMessage(database: string, id: string): void {
  const name = lockName(database, id);
  held.get(name)?.();
  held.delete(name);
}
