import { sendGuarded } from '../http/sendGuarded';
import type { HttpSender } from '../http/types';

/** What a server's tus endpoint offers, as far as this client needs it. */
export interface TusSupport {
  /** The creation URL (`POST`), e.g. `http://127.0.0.1:8787/api/uploads`. */
  endpoint: string;
  /** `Tus-Max-Size`, when the server names one. */
  maxSize?: number;
  /** `creation-with-upload`: the `POST` may carry the body, so a send needs no `PATCH` when nothing drops. */
  withUpload?: boolean;
}

/**
 * tus's own discovery: `OPTIONS <endpoint>` answers `Tus-Version` and `Tus-Extension`. The server speaks
 * our tus when it lists version 1.0.0 with the `creation` and `termination` extensions; anything else (a
 * 404 from a server without tus, another version) means the plain upload. Rejects only when no answer
 * came (so the caller can ask again later) or on abort.
 */
export async function discoverTus(
  sender: HttpSender,
  endpoint: string,
  guard: { signal: AbortSignal; stallTimeoutMs: number },
): Promise<TusSupport | undefined> {
  const reply = await sendGuarded(
    sender,
    { method: 'OPTIONS', url: endpoint, headers: {}, body: new Uint8Array(0) },
    guard,
  );
  const header = (name: string) => reply.header?.(name) ?? null;
  const list = (name: string) => (header(name) ?? '').split(',').map((value) => value.trim());
  if (reply.status < 200 || reply.status >= 300) return undefined;
  if (!list('tus-version').includes('1.0.0')) return undefined;
  const extensions = list('tus-extension');
  if (!extensions.includes('creation') || !extensions.includes('termination')) return undefined;
  const maxSize = Number(header('tus-max-size'));
  return {
    endpoint,
    ...(maxSize > 0 && { maxSize }),
    ...(extensions.includes('creation-with-upload') && { withUpload: true }),
  };
}
