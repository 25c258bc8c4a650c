import type { FastifyInstance } from 'fastify';
import { badRequest, forbidden, notFound, ok } from '../api/apiError';
import { isMessageId } from '../api/identifiers';
import { type AppContext, baseUrlOf, present } from '../context';
import { c2cKey, groupKey, parseConversationId } from '../messages/conversations';
import { canSee } from '../messages/visibility';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

/** Reading messages: only ever what the caller may see (see `messages/visibility.ts`). */
export async function readRoutes(app: FastifyInstance, context: AppContext) {
  app.get('/messages/:id', async (request) => {
    const { id } = request.params as { id: string };
    const record = isMessageId(id) ? context.messages.findById(id) : undefined;
    if (!record || !canSee(record, request.userID, context.directory)) {
      throw notFound(`There is no message "${id}" that you can see.`);
    }
    return ok(present(context, record, request.userID, baseUrlOf(context, request)));
  });

  /**
   * Without a cursor: the newest `limit` messages. `?after=<seq>`: the ones after it (catching up; pass
   * the previous answer's `cursor`). `?before=<seq>`: the newest ones before it (scrolling back; pass the
   * `seq` of the oldest message shown). Messages are always oldest first; `hasMore` says whether more
   * exist in the direction asked (older for `before`/no cursor, newer for `after`).
   */
  app.get('/conversations/:conversationID/messages', async (request) => {
    const { conversationID } = request.params as { conversationID: string };
    const query = request.query as { after?: string; before?: string; limit?: string };
    const ref = parseConversationId(conversationID);
    if (!ref) throw badRequest('A conversation id is "c2c_<peerUserID>" or "group_<groupID>".');
    const viewer = request.userID;
    if (ref.type === 'group' && !context.directory.isMember(ref.groupID, viewer)) {
      throw forbidden(`You are not a member of group "${ref.groupID}".`);
    }
    const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw badRequest(`limit must be a whole number from 1 to ${MAX_LIMIT}.`);
    }
    const afterSeq = cursor(query.after, 'after');
    const beforeSeq = cursor(query.before, 'before');
    if (afterSeq !== undefined && beforeSeq !== undefined)
      throw badRequest('Pass after or before, not both.');
    const records = context.messages.listConversation({
      conversationKey: ref.type === 'group' ? groupKey(ref.groupID) : c2cKey(viewer, ref.peer),
      viewer,
      limit: limit + 1,
      ...(afterSeq !== undefined && { afterSeq }),
      ...(beforeSeq !== undefined && { beforeSeq }),
    });
    // One extra row tells whether there is more; which end it sits at depends on the direction.
    const hasMore = records.length > limit;
    const page = hasMore ? (afterSeq === undefined ? records.slice(1) : records.slice(0, limit)) : records;
    const baseUrl = baseUrlOf(context, request);
    const last = page[page.length - 1];
    return ok({
      conversationID,
      messages: page.map((record) => present(context, record, viewer, baseUrl)),
      cursor: String(last?.seq ?? afterSeq ?? 0),
      hasMore,
    });
  });
}

function cursor(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const seq = Number(value);
  if (!/^\d{1,15}$/.test(value) || !Number.isSafeInteger(seq)) {
    throw badRequest(`${name} must be a cursor (a message's seq) from a previous answer.`);
  }
  return seq;
}
