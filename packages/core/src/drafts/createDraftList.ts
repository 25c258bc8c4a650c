import * as ErrorCode from '../errorCodes';
import type { RejectionCode } from '../errors';
import { sanitizeFileName } from '../image/sanitizeFileName';
import { createMessageId } from '../manager/createMessageId';
import type { MessageManager } from '../manager/createMessageManager';
import type { SendState } from '../manager/sendState';
import type { ConversationTarget } from '../manager/types';
import { checkImageSize } from '../validation/checkImageSize';
import { revokeOwnedObjectUrl } from '../web/objectUrls';
import { makeDraftMessage } from './makeDraftMessage';
import { preparingDraft, toDraft } from './toDraft';
import type {
  AddFilesResult,
  DraftListOptions,
  DraftListSnapshot,
  ImageDraft,
  ImageRejection,
} from './types';

/**
 * The drafts of one composer, outside React: files in, drafts and typed rejections out. Drafts follow the
 * manager's send state; a sent draft leaves the list. Every preview URL is revoked when its draft is
 * sent, removed, cleared or disposed.
 */
export interface DraftList {
  addFiles(files: Iterable<File> | ArrayLike<File>): Promise<AddFilesResult>;
  remove(id: string): void;
  clear(): void;
  /** Dismisses one rejection, or all of them. */
  dismissRejection(id?: string): void;
  setOptions(options: DraftListOptions): void;
  getSnapshot(): DraftListSnapshot;
  subscribe(listener: () => void): () => void;
  /**
   * Ends the list: drafts not being sent are discarded now; drafts in flight finish (so an image the user
   * sent still arrives) and are discarded once settled.
   */
  dispose(): void;
}

interface Slot {
  id: string;
  order: number;
  /** What the user picked (not for a draft taken back after a reload): prepared again for Original. */
  source?: File;
  previewUrl: string;
  /** A thumbnail URL this list made (the prepared photo's); revoked when the slot goes. */
  preview?: string;
  /** Set while the photo is prepared and made a message; a newer run replaces it, an older one's result is dropped. */
  run?: object;
  /** Not shown while it is made (preparing is off: a draft appears once its file is read). */
  hidden?: boolean;
  /** The description typed before the photo was prepared again: the new message gets it. */
  description?: string;
  draft?: ImageDraft;
  state?: SendState;
}

const EMPTY: DraftListSnapshot = { drafts: [], rejections: [], pending: 0 };

/** Messages a live draft list shows, per manager: a message belongs to one composer at a time. */
const owned = new WeakMap<MessageManager, Set<string>>();

/**
 * Whether a list shows a draft made in `made`: a group's drafts belong to that group's list whichever
 * member they were for (the list picks the target when it sends, as it does for the drafts it holds
 * when its target changes); a one-to-one draft belongs to that chat's list.
 */
const sameConversation = (made: ConversationTarget | undefined, list: ConversationTarget | undefined) => {
  const group = made?.groupID || undefined;
  if (group) return group === (list?.groupID || undefined);
  return !list?.groupID && (made?.receiver || undefined) === (list?.receiver || undefined);
};

/**
 * @example
 * const list = createDraftList(manager, { maxFiles: 9 });
 * await list.addFiles(input.files);
 * list.getSnapshot().drafts; // [{ id, fileName, previewUrl, width, height, status: 'created', … }]
 */
export function createDraftList(manager: MessageManager, initialOptions: DraftListOptions = {}): DraftList {
  let options = initialOptions;
  let slots: Slot[] = [];
  let rejections: ImageRejection[] = [];
  let pending = 0;
  let order = 0;
  let rejectionSeq = 0;
  let disposed = false;
  let snapshot: DraftListSnapshot = EMPTY;
  const listeners = new Set<() => void>();
  const orphans = new Set<string>();
  const mine = owned.get(manager) ?? new Set<string>();
  owned.set(manager, mine);

  /** The one way slots change: the thumbnails of the slots that leave are revoked. */
  function setSlots(next: Slot[]) {
    for (const slot of slots) if (!next.includes(slot)) dropPreview(slot);
    slots = next;
  }

  function dropPreview(slot: Slot) {
    revokeOwnedObjectUrl(slot.preview);
    slot.preview = undefined;
  }

  /**
   * A draft of this conversation that no live list shows: restored after a reload, or left by a composer
   * that unmounted while the manager keeps messages (`store`). It becomes this list's.
   */
  function adopt(id: string, state: SendState | undefined): boolean {
    if (!state?.conversation || state.status === 'sent' || mine.has(id) || orphans.has(id)) return false;
    if (!sameConversation(state.conversation, options.conversation)) return false;
    mine.add(id);
    setSlots([...slots, { id, order: order++, previewUrl: state.message.imageElem?.path ?? '' }]);
    return true;
  }

  function rebuild() {
    const drafts: ImageDraft[] = [];
    for (const slot of slots) {
      if (slot.run) {
        slot.draft =
          slot.draft?.status === 'preparing'
            ? slot.draft
            : preparingDraft(slot.id, slot.source, slot.description);
        slot.state = undefined;
        if (!slot.hidden) drafts.push(slot.draft);
        continue;
      }
      const state = manager.getSendState(slot.id);
      if (!state) continue;
      if (slot.state !== state || !slot.draft) {
        slot.state = state;
        slot.draft = toDraft(slot.id, slot.previewUrl, state);
      }
      drafts.push(slot.draft);
    }
    snapshot = { drafts, rejections, pending };
    for (const listener of listeners) listener();
  }

  let unsubscribe: (() => void) | undefined;

  // Subscribing lazily keeps construction free of side effects, so a list React creates and throws away
  // (StrictMode runs state initializers twice) leaves nothing behind.
  function watch() {
    if (disposed || unsubscribe) return;
    unsubscribe = manager.subscribe(onManagerChange);
    let adopted = false;
    for (const id of manager.getMessageIds()) adopted = adopt(id, manager.getSendState(id)) || adopted;
    if (adopted) rebuild();
  }

  function stopWatching() {
    unsubscribe?.();
    unsubscribe = undefined;
  }

  /** Lets a message go: discarded, unless the manager keeps messages and it was not sent. */
  function letGo(id: string) {
    mine.delete(id);
    if (!manager.persistent || manager.getSendState(id)?.status === 'sent') manager.discardMessage(id);
  }

  function onManagerChange(id: string, state: SendState | undefined) {
    if (orphans.has(id)) {
      if (state?.status !== 'sending') {
        orphans.delete(id);
        letGo(id);
      }
      if (orphans.size === 0 && disposed) stopWatching();
      return;
    }
    const slot = slots.find((candidate) => candidate.id === id);
    if (!slot) {
      if (!disposed && adopt(id, state)) rebuild();
      return;
    }
    if (state?.status === 'sent') {
      // The message is delivered: its preview URL is already revoked, and the draft's job is done.
      setSlots(slots.filter((candidate) => candidate !== slot));
      letGo(id);
    }
    rebuild();
  }

  function reject(file: File, code: RejectionCode, desc: string): ImageRejection {
    rejectionSeq++;
    return { id: `rejection-${rejectionSeq}`, file, fileName: sanitizeFileName(file.name), code, desc };
  }

  const limit = () => Math.min(manager.maxBytes, options.maxBytes ?? Infinity);

  function precheck(file: File): ImageRejection | undefined {
    const custom = options.validator?.(file);
    if (custom) return reject(file, custom.code, custom.desc);
    // A prepared photo is judged by what preparing leaves (a 40 MB screenshot may fit once downscaled);
    // only an empty file is refused before.
    const size = checkImageSize(file.size, options.prepare === false ? limit() : Infinity);
    return size.ok ? undefined : reject(file, size.code, size.desc);
  }

  /**
   * Makes the slot's message from its file (prepared unless preparing is off). The slot shows as
   * preparing meanwhile; a result for a slot removed, disposed or prepared again since is dropped, and a
   * file that cannot be sent leaves the list as a rejection.
   */
  async function makeMessage(slot: Slot, file: File): Promise<ImageDraft | ImageRejection> {
    const run = {};
    slot.run = run;
    const stale = () => disposed || slot.run !== run || !slots.includes(slot);
    const outcome = await makeDraftMessage(
      manager,
      file,
      {
        id: slot.id,
        conversation: options.conversation,
        prepare: options.prepare ?? {},
        maxBytes: limit(),
        description: slot.description,
      },
      stale,
    );
    if (outcome.kind === 'stale') {
      return reject(file, ErrorCode.CANCELED, 'The draft was removed before its image was ready.');
    }
    if (outcome.kind === 'refused') {
      setSlots(slots.filter((candidate) => candidate !== slot));
      mine.delete(slot.id);
      const rejection = reject(file, outcome.code, outcome.desc);
      return outcome.original ? { ...rejection, original: true } : rejection;
    }
    slot.run = undefined;
    slot.hidden = false;
    slot.description = undefined;
    dropPreview(slot);
    slot.preview = outcome.preview;
    slot.previewUrl = outcome.preview ?? outcome.imagePath;
    const state = manager.getSendState(slot.id) as SendState;
    slot.state = state;
    slot.draft = toDraft(slot.id, slot.previewUrl, state);
    return slot.draft;
  }

  /** Original was switched: every draft not sent yet (and not being sent) is prepared again from its file. */
  function prepareAgain() {
    for (const slot of slots) {
      const status = slot.run ? 'preparing' : manager.getSendState(slot.id)?.status;
      if (!slot.source || status === 'sending' || status === 'sent') continue;
      const source = slot.source;
      if (!slot.run) {
        // What was typed about the photo stays with it.
        slot.description = manager.getSendState(slot.id)?.description;
        manager.discardMessage(slot.id);
      }
      dropPreview(slot);
      slot.previewUrl = '';
      pending++;
      void makeMessage(slot, source).then((outcome) => {
        pending--;
        if (!('previewUrl' in outcome) && outcome.code !== ErrorCode.CANCELED) {
          rejections = [...rejections, outcome];
        }
        if (!disposed) rebuild();
      });
    }
    rebuild();
  }

  async function addFiles(input: Iterable<File> | ArrayLike<File>): Promise<AddFilesResult> {
    const files = Array.from(input as ArrayLike<File>);
    const result: AddFilesResult = { added: [], rejected: [] };
    if (disposed || files.length === 0) return result;
    watch();
    const room = Math.max(0, (options.maxFiles ?? Infinity) - slots.length);
    const queue: { file: File; slot: Slot }[] = [];
    for (const file of files) {
      const early = precheck(file);
      if (early) result.rejected.push(early);
      else if (queue.length >= room) {
        result.rejected.push(
          reject(
            file,
            ErrorCode.TOO_MANY_FILES,
            `You can add up to ${options.maxFiles} images at a time. Send or remove some, then add more.`,
          ),
        );
      } else {
        // The id is this list's before the message exists, so the manager's "created" news is not taken
        // for a draft to adopt. Prepared photos show at once; without preparing, a draft shows once read.
        const slot: Slot = { id: createMessageId(), order: order++, source: file, previewUrl: '', run: {} };
        slot.hidden = options.prepare === false;
        mine.add(slot.id);
        queue.push({ file, slot });
      }
    }
    setSlots([...slots, ...queue.map(({ slot }) => slot)]);
    pending += queue.length;
    rejections = [...rejections, ...result.rejected];
    rebuild();

    const worker = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const outcome = await makeMessage(item.slot, item.file);
        pending--;
        if ('previewUrl' in outcome) result.added.push(outcome);
        else if (outcome.code !== ErrorCode.CANCELED) {
          result.rejected.push(outcome);
          rejections = [...rejections, outcome];
        }
        if (!disposed) rebuild();
      }
    };
    const workers = Math.max(1, Math.min(options.concurrency ?? 2, queue.length));
    await Promise.all(Array.from({ length: workers }, worker));
    return result;
  }

  return {
    addFiles,
    remove(id) {
      if (!slots.some((slot) => slot.id === id)) return;
      setSlots(slots.filter((slot) => slot.id !== id));
      mine.delete(id);
      manager.discardMessage(id);
      rebuild();
    },
    clear() {
      for (const slot of slots) {
        mine.delete(slot.id);
        manager.discardMessage(slot.id);
      }
      setSlots([]);
      rejections = [];
      rebuild();
    },
    dismissRejection(id) {
      rejections = id === undefined ? [] : rejections.filter((rejection) => rejection.id !== id);
      rebuild();
    },
    setOptions(next) {
      const wasOriginal = options.prepare !== false && Boolean(options.prepare?.original);
      options = next;
      if (next.prepare === false || Boolean(next.prepare?.original) === wasOriginal) return;
      prepareAgain();
      if (!wasOriginal) return;
      // Original is off again: the photos refused as too large at full size ("turn Original off to send
      // it smaller") come back, prepared smaller.
      const tooLarge = rejections.filter(
        (rejection) => rejection.original && rejection.code === ErrorCode.FILE_TOO_LARGE,
      );
      if (tooLarge.length === 0) return;
      rejections = rejections.filter((rejection) => !tooLarge.includes(rejection));
      void addFiles(tooLarge.map((rejection) => rejection.file));
    },
    getSnapshot: () => snapshot,
    subscribe(listener) {
      watch();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const slot of slots) {
        if (manager.getSendState(slot.id)?.status === 'sending') orphans.add(slot.id);
        else letGo(slot.id);
      }
      setSlots([]);
      listeners.clear();
      if (orphans.size === 0) stopWatching();
    },
  };
}
