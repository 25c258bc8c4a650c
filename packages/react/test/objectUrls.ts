/**
 * jsdom has no URL.createObjectURL. Tests install this stand-in, which records every URL made and revoked
 * so leaks and early revocations can be asserted.
 */
export const liveObjectUrls = new Set<string>();
export const revokedObjectUrls = new Set<string>();
let counter = 0;
const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };

export function installObjectUrls() {
  URL.createObjectURL = () => {
    const url = `blob:http://localhost/test-${++counter}`;
    liveObjectUrls.add(url);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    if (liveObjectUrls.delete(url)) revokedObjectUrls.add(url);
  };
}

/** Puts back what the environment had: under Vitest's jsdom, Node's functions, which refuse jsdom Blobs. */
export function uninstallObjectUrls() {
  URL.createObjectURL = original.create;
  URL.revokeObjectURL = original.revoke;
}
