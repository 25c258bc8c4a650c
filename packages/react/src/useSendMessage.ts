import { ImageMessageError, type V2TimMessage } from '@image-message/core';
import * as ErrorCode from '@image-message/core/codes';
import {
  QueryClientContext,
  type QueryKey,
  type UseMutationOptions,
  type UseMutationResult,
  useMutation,
} from '@tanstack/react-query';
import { useContext } from 'react';
import { useImageMessageManager } from './ImageMessageContext';
import type { SendImageOptions, SendImageVariables } from './sendImageTypes';
import { type MessageCacheBinding, useMessageCacheSync } from './useMessageCacheSync';
import { useSendState } from './useSendState';
import type { UpdateMessages } from './writeMessages';

export interface UseSendMessageOptions<TOnMutateResult = unknown>
  extends Omit<
    UseMutationOptions<V2TimMessage, ImageMessageError, SendImageVariables, TOnMutateResult>,
    'mutationFn'
  > {
  /**
   * The app's cached conversation to keep in step: the message goes in at status 1 and follows its
   * progress, the server's message (status 2) replaces it, a failure marks it 3, a cancel takes it out.
   */
  queryKey?: QueryKey;
  /** Where the messages live when the data at `queryKey` is not a `V2TimMessage[]` (see `UpdateMessages`). */
  updateMessages?: UpdateMessages;
  sendOptions?: SendImageOptions;
  /**
   * Sends started elsewhere (`manager.sendMessage`, Retry in `<ImageMessageView>`) follow into the cache
   * when their row is already in it; this says which others belong to this conversation too.
   *
   * @example belongs: (message) => message.userID === 'bob' && !message.groupID
   */
  belongs?: MessageCacheBinding['belongs'];
}

export type UseSendMessageResult<TOnMutateResult = unknown> = UseMutationResult<
  V2TimMessage,
  ImageMessageError,
  SendImageVariables,
  TOnMutateResult
> & {
  /** Upload progress 0–100 of the latest send (per message: `useSendState(id).progress`). */
  progress: number;
  /** Stops the send of `id` (default: the latest). The message stays and can be sent again. */
  cancel: (id?: string) => void;
  /** For a draft the user removes: stops its send, releases it, and takes its unsent row out of the cache. */
  discard: (id: string) => void;
};

const MISSING_QUERY_CLIENT =
  "useSendMessage() needs the app's react-query client. Wrap your chat UI in <QueryClientProvider client={queryClient}> (from @tanstack/react-query), outside <ImageMessageProvider>.";

/**
 * Sends a created image message as a react-query mutation: `mutate({ id, receiver })`. The manager owns
 * the send (its state, progress and cancel); this hook starts it and reads it. Failures arrive as
 * `ImageMessageError` (with `code`), so `error`, `retry` and the callbacks work as usual; a cancel is an
 * error with `ErrorCode.CANCELED`. `progress` re-renders at most once per animation frame.
 *
 * @example
 * const { mutate, progress, cancel } = useSendMessage({ queryKey: ['messages', 'c2c_bob'] });
 * mutate({ id: draft.id, receiver: 'bob' });
 */
export function useSendMessage<TOnMutateResult = unknown>(
  options: UseSendMessageOptions<TOnMutateResult> = {},
): UseSendMessageResult<TOnMutateResult> {
  const manager = useImageMessageManager('useSendMessage');
  const queryClient = useContext(QueryClientContext);
  if (!queryClient) throw new Error(MISSING_QUERY_CLIENT);
  const { queryKey, updateMessages, belongs, sendOptions, onMutate, ...mutationOptions } = options;
  const follow = useMessageCacheSync(manager, queryClient, { queryKey, updateMessages, belongs });

  const mutation = useMutation<V2TimMessage, ImageMessageError, SendImageVariables, TOnMutateResult>(
    {
      ...mutationOptions,
      onMutate: async (variables, context) => {
        // A refetch landing mid-send must not overwrite the optimistic row.
        if (queryKey) await queryClient.cancelQueries({ queryKey });
        // Without an onMutate of the app's there is no result, as with useMutation itself.
        return onMutate?.(variables, context) as TOnMutateResult;
      },
      mutationFn: async (variables) => {
        const stopFollowing = follow(variables.id);
        try {
          const result = await manager.sendMessage({ ...sendOptions, ...variables });
          if (result.code !== ErrorCode.SUCC || !result.data) {
            throw new ImageMessageError(result.code, result.desc, { messageInfo: result.data });
          }
          return result.data;
        } finally {
          stopFollowing();
        }
      },
    },
    queryClient,
  );

  const latestId = mutation.variables?.id;
  const state = useSendState(latestId);
  const progress = mutation.isSuccess ? 100 : (state?.progress ?? 0);
  return {
    ...mutation,
    progress,
    cancel: (id = latestId) => {
      if (id !== undefined) manager.cancel(id);
    },
    discard: (id) => {
      manager.discardMessage(id);
    },
  };
}
