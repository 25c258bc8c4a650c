import type { FastifyRequest } from 'fastify';
import type { Sessions } from './auth/sessions';
import type { ResolvedOptions } from './config';
import type { Directory } from './db/directory';
import type { MessageRecord, MessageStore } from './db/messageStore';
import type { EventHub } from './events/eventHub';
import type { UrlSigner } from './files/urlSigner';
import type { VariantName } from './images/variantPlan';
import type { VariantWorker } from './images/variantWorker';
import { toV2TimMessage, type ViewerMessage } from './messages/toV2TimMessage';
import type { ImageStore } from './storage/imageStore';
import type { UploadStore } from './storage/uploadStore';

/** Everything the routes share; made once by `startServer`. */
export interface AppContext {
  options: ResolvedOptions;
  directory: Directory;
  sessions: Sessions;
  messages: MessageStore;
  images: ImageStore;
  /** Resumable (tus) uploads in progress, and finished ones no send has taken yet. */
  uploads: UploadStore;
  signer: UrlSigner;
  variants: VariantWorker;
  events: EventHub;
  /** Tracks work that must finish before the database closes (uploads being stored). */
  track<T>(work: Promise<T>): Promise<T>;
}

/** The absolute origin links in a response should use: `publicUrl`, else the one the client reached. */
export function baseUrlOf(context: AppContext, request: FastifyRequest): string {
  return context.options.publicUrl ?? `${request.protocol}://${request.host}`;
}

/** Path of an image download, before signing. */
export function filePath(messageId: string, variant: VariantName): string {
  return `/files/${messageId}/${variant}`;
}

/** A stored message as `viewer` sees it, with image links signed for them. */
export function present(
  context: AppContext,
  record: MessageRecord,
  viewer: string,
  baseUrl: string,
): ViewerMessage {
  return toV2TimMessage(
    record,
    viewer,
    (messageId, variant) => {
      const path = filePath(messageId, variant);
      return `${baseUrl}${path}?${context.signer.sign(path, viewer)}`;
    },
    (userID) => context.directory.getUser(userID)?.nickName,
  );
}
