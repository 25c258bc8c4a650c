import type { FastifyRequest } from 'fastify';
import { unauthorized } from '../api/apiError';
import type { Sessions } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller, set by `authenticate` on every route that is not `public`. */
    userID: string;
  }
  interface FastifyContextConfig {
    /** Reachable without a token (`POST /api/session`, `GET /api/health`). */
    public?: boolean;
    /** Also accepts `?token=` (EventSource cannot send headers). */
    queryToken?: boolean;
  }
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * An `onRequest` hook: runs before any body is read, so an upload without a valid token is refused
 * before a byte of it is stored. See `sessions.ts`: the tokens are a development stand-in.
 */
export function authenticate(sessions: Sessions) {
  return async (request: FastifyRequest) => {
    const config = request.routeOptions.config;
    if (config.public) return;
    const fromQuery = (request.query as { token?: unknown } | undefined)?.token;
    const token =
      bearerToken(request.headers.authorization) ??
      (config.queryToken && typeof fromQuery === 'string' ? fromQuery : undefined);
    if (!token) {
      throw unauthorized(
        'Sign in first: POST /api/session with {"userID"} and send the token as "Authorization: Bearer <token>".',
      );
    }
    const userID = sessions.userOf(token);
    if (!userID) throw unauthorized('This session token is not valid. Sign in again with POST /api/session.');
    request.userID = userID;
  };
}
