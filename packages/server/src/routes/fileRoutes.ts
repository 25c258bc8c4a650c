import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { forbidden, notFound, unauthorized } from '../api/apiError';
import { isMessageId } from '../api/identifiers';
import { bearerToken } from '../auth/authenticate';
import { type AppContext, filePath } from '../context';
import type { ImageRecord } from '../db/messageStore';
import { VARIANT_TYPES, type VariantName } from '../images/variantPlan';
import { canSee } from '../messages/visibility';

/** How long a variant download waits for the background job before serving the original instead. */
const VARIANT_WAIT_MS = 30_000;

/**
 * `GET /files/:messageId/:variant` (`origin`, `thumb` or `large`) — the image bytes, for a signed link
 * (`?u&exp&sig`, see `files/urlSigner.ts`) or a Bearer token. Visibility is checked again on every
 * download, so a link stops working for someone who may no longer see the message.
 *
 * The response type is fixed from the sniffed format and `nosniff` forbids guessing, so a file can never
 * be run as HTML or script; the CSP and `sandbox` cover a direct visit too.
 */
export async function fileRoutes(app: FastifyInstance, context: AppContext) {
  app.get('/files/:messageId/:variant', { config: { public: true } }, async (request, reply) => {
    const { messageId, variant } = request.params as { messageId: string; variant: string };
    // `Object.hasOwn`, not `in`: "toString" or "constructor" must be unknown variants, not a 500.
    if (!isMessageId(messageId) || !Object.hasOwn(VARIANT_TYPES, variant)) {
      throw notFound('There is no such image. Image links look like /files/<messageId>/origin|thumb|large.');
    }
    const viewer = identify(context, filePath(messageId, variant as VariantName), request);
    let record = context.messages.findById(messageId);
    if (!record) throw notFound(`There is no message "${messageId}".`);
    if (!canSee(record, viewer, context.directory)) throw forbidden('You cannot see this message.');

    const type = VARIANT_TYPES[variant as VariantName];
    let image = record.images.find((entry) => entry.type === type) as ImageRecord;
    if (image.state === 'pending') {
      await waitAtMost(context.variants.whenReady(messageId), VARIANT_WAIT_MS);
      record = context.messages.findById(messageId) ?? record;
      image = record.images.find((entry) => entry.type === type) as ImageRecord;
    }
    // Still not made (a very slow job): the original is always a correct, if larger, answer.
    if (image.state === 'pending') image = record.images[0] as ImageRecord;
    return sendImage(reply, context.images.pathOf(image.file), image, record.fileName, variant);
  });
}

function identify(
  context: AppContext,
  path: string,
  request: { query: unknown; headers: { authorization?: string } },
): string {
  const token = bearerToken(request.headers.authorization);
  if (token) {
    const userID = context.sessions.userOf(token);
    if (!userID) throw unauthorized('This session token is not valid. Sign in again with POST /api/session.');
    return userID;
  }
  const verdict = context.signer.verify(path, request.query as Record<string, unknown>);
  if (verdict.ok) return verdict.viewer;
  if (verdict.reason === 'missing') {
    throw unauthorized('Image links need their signature (?u&exp&sig) or an Authorization: Bearer token.');
  }
  if (verdict.reason === 'expired') {
    throw forbidden('This image link has expired. Load the messages again for fresh links.');
  }
  throw forbidden('This image link is not valid (its signature does not match).');
}

function sendImage(reply: FastifyReply, path: string, image: ImageRecord, fileName: string, variant: string) {
  // Strong: a stored file is never rewritten, so its name and size stand for its bytes (no hash of 28 MiB
  // on the upload's clock).
  const etag = `"${image.file}-${image.size ?? 0}"`;
  reply.headers({
    'content-type': image.mimeType,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, max-age=3600',
    'cross-origin-resource-policy': 'cross-origin',
    etag,
  });
  // "Save image as…" offers the sender's file name for the original (variants may be another format).
  if (variant === 'origin') {
    reply.header('content-disposition', `inline; filename*=UTF-8''${encodeRfc8187(fileName)}`);
  }
  if (image.size !== undefined) reply.header('content-length', image.size);
  if (reply.request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.send(createReadStream(path));
}

/** RFC 8187 `value-chars`: encodeURIComponent leaves `'()*` as they are, which the grammar does not allow. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

async function waitAtMost(work: Promise<void>, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
