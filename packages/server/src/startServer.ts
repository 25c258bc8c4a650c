import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import cors from '@fastify/cors';
import { ErrorCode } from '@image-message/core';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { ApiError, badRequest, ok } from './api/apiError';
import { authenticate } from './auth/authenticate';
import { createSessions } from './auth/sessions';
import { type ResolvedOptions, resolveOptions, type ServerOptions } from './config';
import type { AppContext } from './context';
import { createDirectory } from './db/directory';
import { createMessageStore } from './db/messageStore';
import { openDatabase } from './db/openDatabase';
import { createEventHub } from './events/eventHub';
import { loadUrlSigner } from './files/urlSigner';
import { answerClientError } from './http/answerClientError';
import { capUnreadBody, refuseOversizeBeforeContinue } from './http/bodyGuard';
import { createVariantWorker } from './images/variantWorker';
import { eventRoutes } from './routes/eventRoutes';
import { fileRoutes } from './routes/fileRoutes';
import { readRoutes } from './routes/readRoutes';
import { sendMessageRoute } from './routes/sendMessageRoute';
import { sessionRoutes } from './routes/sessionRoutes';
import { staticRoutes, wantsAppShell } from './routes/staticRoutes';
import { uploadRoutes } from './routes/uploadRoutes';
import { createImageStore } from './storage/imageStore';
import { createUploadStore } from './storage/uploadStore';

/** A started server. */
export interface RunningServer {
  /** Where it listens, e.g. `http://127.0.0.1:8787`. */
  url: string;
  /** The resolved data directory. */
  dataDir: string;
  /**
   * Stops at once: open event streams end, uploads still in flight are cut (and leave nothing behind;
   * they were never acknowledged), the variant being made is finished, the database is closed.
   */
  close(): Promise<void>;
}

/**
 * Starts the reference IM server. Everything acknowledged is on disk (`dataDir`) before the response, so
 * starting again on the same `dataDir` continues where it stopped.
 *
 * @example
 * const server = await startServer({ port: 0, dataDir: '/tmp/im', corsOrigins: ['http://localhost:5173'] });
 * console.log(server.url);
 * await server.close();
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const resolved = resolveOptions(options);
  await mkdir(resolved.dataDir, { recursive: true });
  const db = openDatabase(resolved.dataDir, { syncWrites: resolved.syncWrites });
  let app: FastifyInstance | undefined;
  let stopCleanup = () => {};
  try {
    const directory = createDirectory(db);
    directory.seed(resolved.seed);
    const messages = createMessageStore(db);
    const images = await createImageStore(resolved.dataDir);
    await images.sweep(messages.listFiles());
    // Unfinished resumable uploads survive a restart (the client resumes them); expired ones do not.
    const uploads = await createUploadStore(resolved.dataDir, resolved.uploadExpiryMs);
    await uploads.sweep();
    await uploads.removeExpired();
    const inFlight = new Set<Promise<unknown>>();
    app = Fastify({
      logger: resolved.logLevel === 'silent' ? false : { level: resolved.logLevel },
      // Stopping must not wait for event streams or stalled uploads; unacknowledged uploads clean up.
      forceCloseConnections: true,
      bodyLimit: 64 * 1024,
      // Every error answer is the `{ code, desc }` envelope, also those fastify and Node make themselves:
      // malformed requests that Node's parser refuses, undecodable URLs, and a missing Host (checked in
      // `configure`, not by Node, whose own 400 has no body).
      clientErrorHandler: answerClientError,
      frameworkErrors: (error, _request, reply: FastifyReply) =>
        reply.code(400).send({
          code: ErrorCode.INVALID_PARAMETERS,
          desc:
            error.code === 'FST_ERR_BAD_URL'
              ? 'The path is not a valid URL: its percent-escapes must be valid UTF-8.'
              : 'The path is not valid for this server (a part of it is too long).',
        }),
      http: { requireHostHeader: false },
    });
    const log = app.log;
    const context: AppContext = {
      options: resolved,
      directory,
      sessions: createSessions(db),
      messages,
      images,
      uploads,
      signer: await loadUrlSigner(resolved.dataDir, resolved.imageUrlTtlSeconds),
      events: createEventHub(),
      variants: createVariantWorker({
        store: messages,
        images,
        memoryBytes: resolved.variantMemoryBytes,
        onError: (messageId, error) =>
          log.warn({ err: error, messageId }, 'variant failed; serving the original'),
      }),
      track(work) {
        inFlight.add(work);
        work.then(
          () => inFlight.delete(work),
          () => inFlight.delete(work),
        );
        return work;
      },
    };
    await configure(app, context);
    // Variants left pending by the previous run.
    for (const messageId of messages.listPendingVariantMessages()) context.variants.enqueue(messageId);

    const cleanup = setInterval(() => {
      uploads
        .removeExpired()
        .catch((error: unknown) => log.warn({ err: error }, 'expired upload cleanup failed'));
    }, resolved.uploadCleanupIntervalMs);
    cleanup.unref();
    stopCleanup = () => clearInterval(cleanup);

    await app.listen({ host: resolved.host, port: resolved.port });
    const url = listeningUrl(app, resolved);
    const server = app;
    let closing: Promise<void> | undefined;
    return {
      url,
      dataDir: resolved.dataDir,
      close() {
        closing ??= (async () => {
          context.events.close();
          stopCleanup();
          await server.close();
          await Promise.allSettled([...inFlight]);
          await context.variants.close();
          db.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    stopCleanup();
    await app?.close().catch(() => undefined);
    db.close();
    throw error;
  }
}

async function configure(app: FastifyInstance, context: AppContext) {
  const { options } = context;
  refuseOversizeBeforeContinue(app.server, options.maxUploadBytes);
  app.addHook('onRequest', async (request, reply) => {
    capUnreadBody(request.raw, reply.raw, options.maxUploadBytes);
    if (!request.headers.host && request.raw.httpVersionMajor === 1 && request.raw.httpVersionMinor >= 1) {
      reply.header('connection', 'close');
      throw badRequest('An HTTP/1.1 request needs a Host header.');
    }
  });
  if (options.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: options.corsOrigins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowedHeaders: [
        'Authorization',
        'Content-Type',
        'X-File-Name',
        'X-Cloud-Custom-Data',
        'X-Image-Placeholder',
        'X-Image-Description',
        'X-Upload-URL',
        'Last-Event-ID',
        // tus 1.0
        'Tus-Resumable',
        'Upload-Length',
        'Upload-Offset',
        'Upload-Metadata',
      ],
      // Readable by page scripts too (the download name, cache validator, and the nosniff promise; tus's
      // upload URL, offsets and capabilities).
      exposedHeaders: [
        'Content-Disposition',
        'ETag',
        'X-Content-Type-Options',
        'Location',
        'Tus-Resumable',
        'Tus-Version',
        'Tus-Extension',
        'Tus-Max-Size',
        'Upload-Offset',
        'Upload-Length',
        'Upload-Expires',
      ],
      maxAge: 600,
    });
  }
  app.setErrorHandler(toErrorResponse);
  app.setNotFoundHandler((request, reply) => {
    if (options.staticDir && wantsAppShell(request)) return reply.sendFile('index.html');
    return reply.code(404).send({
      code: ErrorCode.FILE_NOT_FOUND,
      desc: `There is no ${request.method} ${request.url.split('?')[0]}. The API is described in the server's README.`,
    });
  });

  await app.register(
    async (api) => {
      api.addHook('onRequest', authenticate(context.sessions));
      await api.register(async (scope) => sessionRoutes(scope, context));
      await api.register(async (scope) => sendMessageRoute(scope, context));
      await api.register(async (scope) => uploadRoutes(scope, context));
      await api.register(async (scope) => readRoutes(scope, context));
      await api.register(async (scope) => eventRoutes(scope, context));
    },
    { prefix: '/api' },
  );
  await app.register(async (scope) => fileRoutes(scope, context));
  if (options.staticDir)
    await app.register(async (scope) => staticRoutes(scope, options.staticDir as string));
  else app.get('/', async () => ok({ name: '@image-message/server', api: '/api', health: '/api/health' }));
}

function toErrorResponse(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof ApiError) return reply.code(error.status).send({ code: error.code, desc: error.desc });
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return reply.code(415).send({
      code: ErrorCode.INVALID_PARAMETERS,
      desc: `This route takes a JSON body (Content-Type: application/json), not "${request.headers['content-type'] ?? 'none'}".`,
    });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return reply.code(413).send({
      code: ErrorCode.FILE_TOO_LARGE,
      desc: 'This request body is too large for this route (64 KB at most).',
    });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return reply
      .code(status)
      .send({ code: ErrorCode.INVALID_PARAMETERS, desc: `${error.message}.`.replace(/\.\.$/, '.') });
  }
  request.log.error(error);
  return reply.code(500).send({
    code: ErrorCode.UPLOAD_FAILED,
    desc: 'The server failed while handling this request. Try again; if it keeps failing, check the server log.',
  });
}

function listeningUrl(app: FastifyInstance, options: ResolvedOptions): string {
  const address = app.server.address() as AddressInfo;
  const wildcard = options.host === '0.0.0.0' || options.host === '::';
  const host = wildcard ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
