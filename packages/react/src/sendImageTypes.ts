import type { SendMessageParams } from '@image-message/core';

/** What `mutate` takes: the created message's id and where to send it. */
export interface SendImageVariables {
  id: string;
  /** Alone: one-to-one. With `groupID`: a group message only this user sees. */
  receiver?: string;
  /** Alone: a group message. */
  groupID?: string;
}

/** SDK send options applied to every send of this hook. */
export type SendImageOptions = Omit<
  SendMessageParams,
  'id' | 'receiver' | 'groupID' | 'signal' | 'onProgress'
>;
