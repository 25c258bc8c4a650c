import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Capability URLs for images. `<img src>` cannot send an Authorization header, so each viewer gets links
 * signed for them: `/files/<messageId>/<variant>?u=<viewer>&exp=<unix seconds>&sig=<HMAC-SHA256>`.
 * The download route checks the signature and expiry, then checks again that the viewer may still see
 * the message. The key is kept in `<dataDir>/url-signing.key`, so links survive a restart.
 *
 * Expiry is rounded up to the next hour, so the same viewer gets the same URL for an hour and the
 * browser cache keeps working.
 */
export interface UrlSigner {
  /** The query string (without `?`) for a link valid for `ttlSeconds` from now. */
  sign(path: string, viewer: string, nowSeconds?: number): string;
  /** The viewer the link was made for, or why it is refused. */
  verify(
    path: string,
    query: { u?: unknown; exp?: unknown; sig?: unknown },
    nowSeconds?: number,
  ): { ok: true; viewer: string } | { ok: false; reason: 'missing' | 'expired' | 'invalid' };
}

const HOUR = 3600;

export async function loadUrlSigner(dataDir: string, ttlSeconds: number): Promise<UrlSigner> {
  const key = await loadOrCreateKey(join(dataDir, 'url-signing.key'));
  const mac = (path: string, viewer: string, exp: number) =>
    createHmac('sha256', key).update(`${path}\n${viewer}\n${exp}`).digest();
  const now = () => Math.floor(Date.now() / 1000);

  return {
    sign(path, viewer, nowSeconds = now()) {
      const exp = Math.ceil((nowSeconds + ttlSeconds) / HOUR) * HOUR;
      const sig = mac(path, viewer, exp).toString('base64url');
      return `u=${encodeURIComponent(viewer)}&exp=${exp}&sig=${sig}`;
    },
    verify(path, query, nowSeconds = now()) {
      const { u, exp, sig } = query;
      if (u === undefined && exp === undefined && sig === undefined) return { ok: false, reason: 'missing' };
      if (
        typeof u !== 'string' ||
        typeof exp !== 'string' ||
        typeof sig !== 'string' ||
        !/^\d{1,12}$/.test(exp)
      ) {
        return { ok: false, reason: 'invalid' };
      }
      const expected = mac(path, u, Number(exp));
      const given = Buffer.from(sig, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return { ok: false, reason: 'invalid' };
      }
      if (Number(exp) < nowSeconds) return { ok: false, reason: 'expired' };
      return { ok: true, viewer: u };
    },
  };
}

async function loadOrCreateKey(path: string): Promise<Buffer> {
  try {
    const key = await readFile(path);
    if (key.length >= 32) return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  // `wx`: if two servers start on one data directory at once, the second one reads the first one's key.
  try {
    await writeFile(path, key, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFile(path);
    throw error;
  }
}
