import type { ImageSendRequest } from '../transport';
import type { HttpSender } from './types';

/** What `createHttpTransport` hands its upload strategies (the plain PUT and the lazy tus one). */
export interface HttpContext {
  /** Without a trailing slash. */
  baseUrl: string;
  sender: HttpSender;
  /** `Authorization` header value for one attempt (asks `token()` again each time). */
  authorization(): Promise<string>;
  stallTimeoutMs: number;
  retries: number;
  retryDelayMs: number;
  /** `PUT /api/messages/:id?receiver&groupID&priority` for this request. */
  messageUrl(request: ImageSendRequest): string;
  /** The send's own headers (file name, custom data, placeholder, description), without auth or body headers. */
  messageHeaders(request: ImageSendRequest): Record<string, string>;
}

/** Backoff before retry number `attempt` (1-based): doubling, ±20 % jitter. */
export function backoff(context: HttpContext, attempt: number): number {
  return context.retryDelayMs * 2 ** (attempt - 1) * (0.8 + Math.random() * 0.4);
}
