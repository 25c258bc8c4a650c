import type { MessageStatus } from '../constants';
import type { V2TimImageElem, V2TimMessage } from '../types';
import { checkDescription } from '../validation/checkDescription';
import type { ConversationTarget } from './types';

/**
 * One status per message; every boolean a UI needs is derived from it.
 * - `created`: validated and ready to send.
 * - `sending`: an upload is in flight.
 * - `sent`: delivered; the bytes are released.
 * - `failed`: the last attempt failed; `error` says why; it can be sent again.
 * - `canceled`: the caller aborted the last attempt; it can be sent again.
 */
export type SendStatus = 'created' | 'sending' | 'sent' | 'failed' | 'canceled';

/** One message's send, as the manager keeps it; a new object after every change. */
export interface SendState {
  readonly status: SendStatus;
  /** Integer 0–100, never decreasing within an attempt. */
  readonly progress: number;
  /** The message as the SDK would show it now (status 1/2/3, progress, server fields once sent). */
  readonly message: V2TimMessage;
  /** The image's name, sanitized: for previews' `alt`, labels and announcements. */
  readonly fileName: string;
  /** Set while `status` is `failed`. */
  readonly error?: { readonly code: number; readonly desc: string };
  /** How many sends were started. */
  readonly attempts: number;
  /** The conversation the message was drafted in, when its creator said (see `createImageMessage`). */
  readonly conversation?: ConversationTarget;
  /**
   * Where the first send went (a receiver, a group, or one member of a group). Every later attempt — a
   * Retry, a resume after a reload — goes there and nowhere else, as the SDK fixes a message's `to` when it
   * is created: a photo meant for one person must never reach a whole group because a selector changed.
   */
  readonly address?: ConversationTarget;
  /** Put back from a `MessageStore` after a reload (not created on this page). */
  readonly restored?: boolean;
  /** Why the message is not kept across reloads although a store was given (full, over a cap). */
  readonly unsaved?: { readonly code: number; readonly desc: string };
  /**
   * The image's description as the person typed it (what a text field shows); what travels is
   * `message.imageElem.description`, cleaned. Absent when empty.
   */
  readonly description?: string;
  /** Set while `description` cannot be sent (too long): no send starts until it is changed. */
  readonly descriptionError?: { readonly code: number; readonly desc: string };
}

/** Everything that can happen to a send; `sendReducer` is the only place the status changes. */
export type SendAction =
  | { type: 'start'; receiver?: string; groupID?: string }
  | { type: 'progress'; progress: number }
  | { type: 'succeed'; message: V2TimMessage }
  | { type: 'fail'; code: number; desc: string }
  | { type: 'cancel' }
  | { type: 'unsaved'; code: number; desc: string }
  /** The description (alt text) was typed or changed: kept as typed, sent cleaned (`checkDescription`). */
  | { type: 'describe'; description: string };

/** The state of a message just created: nothing sent yet. */
export function initialSendState(message: V2TimMessage, fileName = ''): SendState {
  return { status: 'created', progress: 0, message, fileName, attempts: 0 };
}

/** True when the message is not on its way: created, failed or canceled (its description may change). */
function isUnsent(state: SendState): boolean {
  return state.status === 'created' || state.status === 'failed' || state.status === 'canceled';
}

/** True when a new send may start: created, failed or canceled, and no description too long to send. */
export function canSend(state: SendState): boolean {
  return isUnsent(state) && !state.descriptionError;
}

/** The state with `description` typed: the text kept as typed, its cleaned form in the message or the error. */
function describe(state: SendState, description: string): SendState {
  const {
    description: _typed,
    descriptionError: _error,
    message: { imageElem, ...message },
    ...rest
  } = state;
  const { description: _sent, ...elem }: V2TimImageElem = imageElem ?? {};
  const check = checkDescription(description);
  const next: SendState = {
    ...rest,
    message: {
      ...message,
      imageElem: check.ok && check.description ? { ...elem, description: check.description } : elem,
    },
  };
  return {
    ...next,
    ...(description !== '' && { description }),
    ...(!check.ok && { descriptionError: { code: check.code, desc: check.desc } }),
  };
}

// Statuses are written as literals checked against the SDK enum (`satisfies`), so the whole enum object
// is not bundled for three numbers.
const SENDING = 1 satisfies typeof MessageStatus.SENDING;
const SEND_SUCC = 2 satisfies typeof MessageStatus.SEND_SUCC;
const SEND_FAIL = 3 satisfies typeof MessageStatus.SEND_FAIL;

/**
 * The only way a send state changes. Actions that make no sense in the current status (progress after a
 * cancel, a late success after a failure) leave the state as it is, so stale transport events are inert.
 */
export function sendReducer(state: SendState, action: SendAction): SendState {
  if (action.type === 'start') {
    if (!canSend(state)) return state;
    const message: V2TimMessage = { ...state.message, status: SENDING, progress: 0 };
    if (action.receiver !== undefined) message.userID = action.receiver;
    if (action.groupID !== undefined) message.groupID = action.groupID;
    // A new attempt: the last one's error goes; the first one's address stays.
    const { error: _lastError, ...kept } = state;
    const { receiver, groupID } = action;
    const address = state.address ?? (receiver || groupID ? { receiver, groupID } : undefined);
    return {
      ...kept,
      status: 'sending',
      progress: 0,
      message,
      ...(address && { address }),
      attempts: state.attempts + 1,
    };
  }
  if (action.type === 'unsaved') return { ...state, unsaved: { code: action.code, desc: action.desc } };
  if (action.type === 'describe') {
    // The message on its way (or delivered) carries the description it left with.
    if (!isUnsent(state) || action.description === (state.description ?? '')) return state;
    return describe(state, action.description);
  }
  // Every other action ends or advances the attempt in flight.
  if (state.status !== 'sending') return state;
  switch (action.type) {
    case 'progress': {
      if (action.progress <= state.progress) return state;
      const progress = Math.min(100, Math.floor(action.progress));
      return { ...state, progress, message: { ...state.message, progress } };
    }
    case 'succeed':
      return {
        ...state,
        status: 'sent',
        progress: 100,
        message: { ...action.message, status: SEND_SUCC, progress: 100 },
      };
    case 'fail':
      return {
        ...state,
        status: 'failed',
        error: { code: action.code, desc: action.desc },
        message: { ...state.message, status: SEND_FAIL },
      };
    case 'cancel':
      return { ...state, status: 'canceled', message: { ...state.message, status: SEND_FAIL } };
  }
}
