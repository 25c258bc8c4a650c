/**
 * jsdom has no URL.createObjectURL. Tests install this stand-in, which records every URL made and revoked
 * so leaks and early revocations can be asserted.
 */
export const liveObjectUrls = new Set<string>();
export const revokedObjectUrls = new Set<string>();
let counter = 0;

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
