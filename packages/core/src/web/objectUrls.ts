// Object URLs made by this library, so the manager revokes only what it made and never an app's own URL.
const ownedUrls = new Set<string>();

/**
 * Makes an object URL for `blob`, or returns undefined where the platform cannot: jsdom has none, and
 * under Vitest's jsdom environment Node's `URL.createObjectURL` throws for jsdom's `Blob`s.
 */
export function createOwnedObjectUrl(blob: Blob): string | undefined {
  if (typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function') return undefined;
  try {
    const url = URL.createObjectURL(blob);
    ownedUrls.add(url);
    return url;
  } catch {
    return undefined;
  }
}

/** Revokes `url` if this library made it; returns whether it did. Safe to call twice. */
export function revokeOwnedObjectUrl(url: string | undefined): boolean {
  if (!url || !ownedUrls.delete(url)) return false;
  URL.revokeObjectURL(url);
  return true;
}

/** How many library-made object URLs are alive; for leak checks in tests. */
export function countOwnedObjectUrls(): number {
  return ownedUrls.size;
}
