import { ErrorCode } from '@image-message/core';
import { Server as TusServer } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NodeRequest } from 'srvx/node';
import { ApiError, tooLarge } from '../api/apiError';
import type { AppContext } from '../context';
import { sniffImage } from '../images/sniffImage';
import { newUploadId } from '../storage/uploadStore';
import { RawBody, withRawBody } from '../uploads/rawBody';
import { tusEnvelope, tusRefusal } from '../uploads/tusEnvelope';
import { checkAddressing } from './sendMessageRoute';

/** Where the tus endpoints live under `/api`. */
export const UPLOADS_PATH = '/api/uploads';

/** The metadata keys the server sets itself; a client's values for them are dropped. */
const SERVER_KEYS = ['owner'];

/**
 * Resumable uploads, tus 1.0 (`@tus/server` over `@tus/file-store` in `DATA_DIR/uploads/`):
 * `OPTIONS /api/uploads` (discovery, public), `POST /api/uploads` (creation), `HEAD` / `PATCH` /
 * `DELETE /api/uploads/:id` (offset, append, termination). Same bearer auth as the rest of `/api`; an
 * upload belongs to whoever created it and is "not found" for anyone else. The 28 MiB limit holds up
 * front (`Upload-Length`) and while streaming (a body past the upload's length is cut); when the last
 * byte arrives the file is sniffed like a PUT body, and a refused one is deleted at once. A finished
 * upload is sent with `PUT /api/messages/:id` and `X-Upload-URL` (see sendMessageRoute.ts).
 */
export async function uploadRoutes(app: FastifyInstance, context: AppContext) {
  // tus reads the raw body itself.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));

  const { uploads, options } = context;
  // tus hands its hooks a web Request; the caller authenticated by fastify is found by the Node request.
  const owners = new WeakMap<object, string>();
  const ownerOf = (req: { runtime?: { node?: { req: object } } }) => {
    const raw = req.runtime?.node?.req;
    return raw ? owners.get(raw) : undefined;
  };

  const tus = new TusServer({
    path: UPLOADS_PATH,
    datastore: uploads.tus,
    maxSize: options.maxUploadBytes,
    // The id the client proposes (`key`): it knows the upload's URL before its POST is answered, so a
    // POST whose connection dropped resumes from what arrived (creation-with-upload) instead of starting
    // again. One already taken (by anyone) gets a fresh id, and the client's HEAD finds nothing.
    namingFunction: async (_req, metadata) => {
      const proposed = metadata?.key;
      return uploads.isUploadId(proposed) && !(await uploads.find(proposed)) ? proposed : newUploadId();
    },
    // Links point where the client reached the server, or at PUBLIC_URL behind a proxy.
    generateUrl: (_req, { proto, host, path, id }) =>
      `${options.publicUrl ?? `${proto}://${host}`}${path}/${id}`,
    getFileIdFromRequest: (_req, lastPath) => (uploads.isUploadId(lastPath) ? lastPath : undefined),
    // A client that comes back (HEAD) while its dropped PATCH still holds the lock gets it within 1 s.
    lockDrainTimeout: 1000,
    async onUploadCreate(req, upload) {
      if (upload.size === undefined) {
        throw tusRefusal(
          400,
          ErrorCode.INVALID_PARAMETERS,
          'Send Upload-Length: this server needs the size up front.',
        );
      }
      if (upload.size === 0) {
        throw tusRefusal(
          400,
          ErrorCode.FILE_SIZE_EMPTY,
          'The image is empty (0 bytes). Choose another image.',
        );
      }
      const metadata = Object.fromEntries(
        Object.entries(upload.metadata ?? {}).filter(([key]) => !SERVER_KEYS.includes(key)),
      );
      const owner = ownerOf(req) ?? '';
      // The conversation, when the client names it: a send that would be refused is refused now, before
      // its image is uploaded, not by the PUT after it.
      const { receiver, groupID } = upload.metadata ?? {};
      if (receiver || groupID) {
        try {
          checkAddressing(context, owner, {
            ...(receiver && { receiver }),
            ...(groupID && { groupID }),
          });
        } catch (error) {
          if (error instanceof ApiError) throw tusRefusal(error.status, error.code, error.desc);
          throw error;
        }
      }
      return { metadata: { ...metadata, owner } };
    },
    async onIncomingRequest(req, id) {
      if (req.method === 'POST') return;
      const upload = await uploads.find(id);
      // Someone else's upload looks exactly like none at all.
      if (!upload || upload.metadata?.owner !== ownerOf(req)) {
        throw tusRefusal(
          404,
          ErrorCode.FILE_NOT_FOUND,
          'There is no such upload (it finished, expired or was canceled). Start a new one.',
        );
      }
    },
    async onUploadFinish(_req, upload) {
      const path = uploads.pathOf(upload.id);
      const sniff = await sniffImage(path, await uploads.headOf(upload.id), upload.offset);
      if (!sniff.ok) {
        await uploads.remove(upload.id);
        throw tusRefusal(415, sniff.code, sniff.desc);
      }
      return {};
    },
  });

  async function handle(request: FastifyRequest, reply: FastifyReply) {
    if (request.userID) owners.set(request.raw, request.userID);
    const socket = request.raw.socket;
    // A body that stops arriving (a vanished client, a proxy that stopped forwarding) must not hold the
    // socket and the upload's lock forever; what arrived stays, so the client can resume from it.
    const idle = () => socket.destroy();
    if (request.method === 'PATCH' || request.method === 'POST') {
      socket.setTimeout(options.uploadIdleTimeoutMs);
      socket.once('timeout', idle);
    }
    try {
      const tusRequest = new NodeRequest({ req: request.raw, res: reply.raw });
      const hasBody = request.method === 'PATCH' || request.method === 'POST';
      // The body goes from the Node request to the file by the store (see rawBody.ts), not through tus.
      const raw = hasBody ? new RawBody(request.raw) : undefined;
      if (raw) Object.defineProperty(tusRequest, 'body', { value: raw.placeholder });
      const answer = () => tus.handleWeb(tusRequest);
      const response = await (raw ? withRawBody(raw, answer) : answer());
      const text = await response.text();
      reply.code(response.status);
      response.headers.forEach((value, name) => {
        // CORS is @fastify/cors' job (CORS_ORIGINS); tus would allow every origin.
        if (name.startsWith('access-control-') || name === 'content-length' || name === 'content-type')
          return;
        // The size is needed up front here (onUploadCreate), so deferred length is not offered.
        reply.header(name, name === 'tus-extension' ? value.replace(/,?creation-defer-length/, '') : value);
      });
      if (response.status >= 400) {
        // A POST refused at creation while its body (creation-with-upload) is still coming: answered at
        // once, and the connection closes (lingering, see bodyGuard.ts) so the client stops uploading.
        if (request.method === 'POST' && Number(request.headers['content-length']) > 0) {
          reply.header('connection', 'close');
        }
        const declared = Number(request.headers['upload-length']);
        return reply.send(
          response.status === 413 && request.method === 'POST' && Number.isFinite(declared)
            ? (({ code, desc }) => ({ code, desc }))(tooLarge(declared, options.maxUploadBytes))
            : tusEnvelope(response.status, text, options.maxUploadBytes),
        );
      }
      return reply.send(text === '' ? undefined : text);
    } finally {
      socket.off('timeout', idle);
      socket.setTimeout(0);
    }
  }

  const route = '/uploads';
  // A tus discovery `OPTIONS` from a page on another origin is itself preflighted, and then has an Origin
  // but no Access-Control-Request-Method: @fastify/cors adds its headers to both and lets tus answer.
  const discovery = { config: { public: true, cors: { preflightContinue: true, strictPreflight: false } } };
  app.options(route, discovery, handle);
  app.options(`${route}/:id`, discovery, handle);
  app.post(route, handle);
  app.head(`${route}/:id`, handle);
  app.patch(`${route}/:id`, handle);
  app.delete(`${route}/:id`, handle);
}
