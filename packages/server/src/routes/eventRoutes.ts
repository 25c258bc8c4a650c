import type { FastifyInstance } from 'fastify';
import { type AppContext, baseUrlOf, present } from '../context';
import type { MessageRecord } from '../db/messageStore';
import { writeEvent } from '../events/eventHub';

const REPLAY_LIMIT = 500;

/**
 * `GET /api/events?token=<token>` — Server-Sent Events. `EventSource` cannot send headers, hence the
 * token in the query (a Bearer header works too). Events:
 * - `ready` once connected: `{ userID }`;
 * - `message` for each new message the user may see (the same JSON as the read routes), `id` = its seq.
 * On reconnect the browser sends `Last-Event-ID`, and the messages missed in between are replayed first.
 */
export async function eventRoutes(app: FastifyInstance, context: AppContext) {
  app.get('/events', { config: { queryToken: true } }, async (request, reply) => {
    const viewer = request.userID;
    const baseUrl = baseUrlOf(context, request);
    const render = (record: unknown) => present(context, record as MessageRecord, viewer, baseUrl);
    const response = reply.raw;
    reply.hijack();
    // Headers fastify plugins set on the reply (CORS) are not sent for a hijacked reply unless copied.
    response.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    response.write('retry: 2000\n\n');
    writeEvent(response, 'ready', { userID: viewer });

    const lastEventId = Number(request.headers['last-event-id']);
    if (Number.isSafeInteger(lastEventId) && lastEventId >= 0) {
      for (const record of context.messages.listVisibleAfter(viewer, lastEventId, REPLAY_LIMIT)) {
        writeEvent(response, 'message', render(record), String(record.seq));
      }
    }
    const unsubscribe = context.events.subscribe({ userID: viewer, response, render });
    request.raw.on('close', unsubscribe);
  });
}
