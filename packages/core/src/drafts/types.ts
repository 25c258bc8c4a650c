import type { RejectionCode } from '../errors';
import type { SendStatus } from '../manager/sendState';
import type { ConversationTarget } from '../manager/types';
import type { PrepareImageOptions } from '../prepare/types';
import type { V2TimMessage } from '../types';

/** A draft's status: `preparing` (its photo is being prepared; no message yet), then its send's. */
export type DraftStatus = 'preparing' | SendStatus;

/** An image waiting in the composer: everything a preview needs, plus its send state. */
export interface ImageDraft {
  /** The message id (`createImageMessage`'s `data.id`), reserved while the photo is prepared. */
  readonly id: string;
  /** Sanitized; use it as the preview's `alt`. */
  readonly fileName: string;
  /** Of what will be sent: the prepared file (the picked file's while `preparing`). */
  readonly size: number;
  /** Of what will be sent, as displayed; 0 while `preparing`. */
  readonly width: number;
  readonly height: number;
  /** A `blob:` URL for `<img src>` ('' while `preparing`); revoked when the draft is sent or removed. */
  readonly previewUrl: string;
  readonly status: DraftStatus;
  /** Integer 0–100. */
  readonly progress: number;
  /**
   * Where its first send went, once it was sent (failed, canceled or restored after a reload): a Retry goes
   * there whatever the composer's target is now. Absent for a draft never sent, which follows the composer.
   */
  readonly address?: ConversationTarget;
  /** Why the last send failed (status `failed`). */
  readonly error?: { readonly code: number; readonly desc: string };
  /** Why it will not survive a reload although the app keeps drafts (storage full, over a cap). */
  readonly unsaved?: { readonly code: number; readonly desc: string };
  /** The created message; absent while `preparing`. */
  readonly message?: V2TimMessage;
  /**
   * The image's description (alt text) as typed (`manager.setDescription(id, text)` changes it); kept
   * while the photo is prepared again.
   */
  readonly description?: string;
  /** Set while the description cannot be sent (too long): the draft is not sent until it is shortened. */
  readonly descriptionError?: { readonly code: number; readonly desc: string };
}

/** A file that did not become a draft, and why. Branch on `code` (one of `RejectionCode`), show `desc`. */
export interface ImageRejection {
  /** Stable key for lists and dismissal. */
  readonly id: string;
  readonly file: File;
  /** Sanitized. */
  readonly fileName: string;
  readonly code: RejectionCode;
  readonly desc: string;
  /** It was judged as Original (full size): a 7005 then means "send it not as original". */
  readonly original?: boolean;
}

/**
 * A check of your own, run on each file before it is read. Return a rejection, or nothing to accept.
 *
 * @example
 * const noScreenshots: ImageFileValidator = (file) =>
 *   file.name.startsWith('Screenshot') ? { code: ErrorCode.INVALID_PARAMETERS, desc: 'No screenshots here.' } : null;
 */
export type ImageFileValidator = (file: File) => { code: RejectionCode; desc: string } | null | undefined;

export interface DraftListOptions {
  /**
   * How each photo is prepared before it becomes a message (`prepareImageFile`: HEIC → JPEG, downscaled
   * to 2560 px unless `original`, metadata and GPS stripped, a placeholder); the size limit is judged on
   * the prepared file. Default on; `false` sends files as they are. Changing `original` prepares every
   * draft not yet sent again.
   */
  prepare?: PrepareImageOptions | false;
  /**
   * The conversation these drafts are for. Drafts remember it, so after a reload (with a `store`), or
   * when a composer of this conversation mounts again, its drafts come back.
   */
  conversation?: ConversationTarget;
  /** Most drafts at once (default unlimited). Extra files are rejected with `ErrorCode.TOO_MANY_FILES`. */
  maxFiles?: number;
  /**
   * A limit below the manager's: judged on the prepared file (on `File.size`, before reading, when
   * preparing is off).
   */
  maxBytes?: number;
  validator?: ImageFileValidator;
  /** Files read and validated at once (default 2): keeps memory flat when 50 photos are dropped. */
  concurrency?: number;
}

export interface DraftListSnapshot {
  /** In the order the files were given. */
  readonly drafts: readonly ImageDraft[];
  readonly rejections: readonly ImageRejection[];
  /** Files still being read, prepared and validated. */
  readonly pending: number;
}

export interface AddFilesResult {
  added: ImageDraft[];
  rejected: ImageRejection[];
}
