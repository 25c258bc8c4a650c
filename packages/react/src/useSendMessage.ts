import { ErrorCode, ImageMessageError, type SendMessageParams, type V2TimMessage } from '@image-message/core';
import {
  type MutationFunctionContext,
  type QueryClient,
  QueryClientContext,
  type QueryKey,
  type UseMutationOptions,
  type UseMutationResult,
} from '@tanstack/react-query';
import { useCallback, useContext, useRef } from 'react';
import { useImageMessageManager } from './ImageMessageContext';
import { patchMessage, removeUnsent, upsertMessage } from './messageCache';
import { scheduleFrame } from './scheduleFrame';
import { useFrameMutation } from './useFrameMutation';
import { useFrameThrottled } from './useFrameThrottled';

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

export interface UseSendMessageOptions
  extends Omit<UseMutationOptions<V2TimMessage, ImageMessageError, SendImageVariables>, 'mutationFn'> {
  /**
   * The app's cached message list (`V2TimMessage[]`) to update optimistically: the message goes in at
   * status 1, its progress follows the upload, then the server's message (status 2) replaces it, or it
   * is marked 3 on failure. Never duplicated, never dropped on failure; a canceled send leaves the list
   * until it is sent again.
   */
  queryKey?: QueryKey;
  sendOptions?: SendImageOptions;
}

export type UseSendMessageResult = UseMutationResult<V2TimMessage, ImageMessageError, SendImageVariables> & {
  /** Upload progress 0–100 of the latest send. */
  progress: number;
  /** Progress of every send of this hook still known to the manager, by message id. */
  progressById: Readonly<Record<string, number>>;
  /** Cancels one send, or every send of this hook in flight. The message stays and can be sent again. */
  cancel: (id?: string) => void;
  /**
   * For a draft the user removes: cancels its send and takes its unsent copy (status 1 or 3) out of the
   * cached list. A delivered message is never touched.
   */
  discard: (id: string) => void;
};

const MISSING_QUERY_CLIENT =
  "useSendMessage() needs the app's react-query client. Wrap your chat UI in <QueryClientProvider client={queryClient}> (from @tanstack/react-query), outside <ImageMessageProvider>.";

/** Progress maps are built in the same key order each time, so equal maps serialize alike. */
const sameProgress = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) =>
  JSON.stringify(a) === JSON.stringify(b);

/** Writes progress into the cached list at most once per frame, whatever the transport's event rate. */
function cacheProgressWriter(queryClient: QueryClient, queryKey: QueryKey, id: string) {
  let latest = 0;
  let cancelFrame: (() => void) | undefined;
  const patch = (list: V2TimMessage[] | undefined) => patchMessage(list, id, { progress: latest });
  return {
    write(progress: number) {
      latest = progress;
      cancelFrame ??= scheduleFrame(() => {
        cancelFrame = undefined;
        queryClient.setQueryData(queryKey, patch);
      });
    },
    stop: () => cancelFrame?.(),
  };
}

/**
 * Sends a created image message as a react-query mutation: `mutate({ id, receiver })`. Failures arrive
 * as `ImageMessageError` (with `code`), so `error`, `retry` and the callbacks work as usual; a cancel is
 * an error with `ErrorCode.CANCELED`. `progress` re-renders at most once per animation frame.
 *
 * @example
 * const { mutate, progress, cancel } = useSendMessage({ queryKey: ['messages', 'c2c_bob'] });
 * mutate({ id: draft.id, receiver: 'bob' });
 */
export function useSendMessage(options: UseSendMessageOptions = {}): UseSendMessageResult {
  const manager = useImageMessageManager('useSendMessage');
  const queryClient = useContext(QueryClientContext);
  if (!queryClient) throw new Error(MISSING_QUERY_CLIENT);
  const { queryKey, sendOptions, onMutate, onSuccess, onError, ...mutationOptions } = options;
  const controllers = useRef(new Map<string, AbortController>());
  const tracked = useRef(new Set<string>());

  const progressById = useFrameThrottled(
    manager,
    (onChange) => manager.subscribe((id) => tracked.current.has(id) && onChange()),
    () => {
      const map: Record<string, number> = {};
      for (const id of tracked.current) {
        const state = manager.getSendState(id);
        if (state) map[id] = state.status === 'sent' ? 100 : state.progress;
        else tracked.current.delete(id); // discarded: nothing left to report
      }
      return map;
    },
    sameProgress,
  );

  const mutation = useFrameMutation<V2TimMessage, ImageMessageError, SendImageVariables>(
    {
      ...mutationOptions,
      mutationFn: async (variables) => {
        const { id } = variables;
        const controller = new AbortController();
        controllers.current.get(id)?.abort();
        controllers.current.set(id, controller);
        tracked.current.add(id);
        const cache = queryKey && cacheProgressWriter(queryClient, queryKey, id);
        try {
          const result = await manager.sendMessage({
            ...sendOptions,
            ...variables,
            signal: controller.signal,
            onProgress: cache?.write,
          });
          if (result.code !== ErrorCode.SUCC || !result.data) {
            throw new ImageMessageError(result.code, result.desc, { messageInfo: result.data });
          }
          return result.data;
        } finally {
          cache?.stop();
          if (controllers.current.get(id) === controller) controllers.current.delete(id);
        }
      },
      onMutate: async (variables, context: MutationFunctionContext) => {
        if (queryKey) {
          await queryClient.cancelQueries({ queryKey });
          const message = manager.getSendState(variables.id)?.message;
          if (message) {
            const optimistic: V2TimMessage = { ...message, status: 1, progress: 0 };
            if (variables.receiver) optimistic.userID = variables.receiver;
            if (variables.groupID) optimistic.groupID = variables.groupID;
            queryClient.setQueryData<V2TimMessage[]>(queryKey, (list) => upsertMessage(list, optimistic));
          }
        }
        return onMutate?.(variables, context);
      },
      onSuccess: (message, variables, onMutateResult, context) => {
        if (queryKey)
          queryClient.setQueryData<V2TimMessage[]>(queryKey, (list) => upsertMessage(list, message));
        return onSuccess?.(message, variables, onMutateResult, context);
      },
      onError: (error, variables, onMutateResult, context) => {
        if (queryKey) {
          queryClient.setQueryData<V2TimMessage[]>(queryKey, (list) =>
            // A cancel is the user's choice, not a failure to show in the conversation: the unsent copy
            // leaves the list (the draft stays where the user can send it again).
            error.code === ErrorCode.CANCELED
              ? removeUnsent(list, variables.id)
              : patchMessage(list, variables.id, {
                  status: 3,
                  ...(error.messageInfo && { progress: error.messageInfo.progress }),
                }),
          );
        }
        return onError?.(error, variables, onMutateResult, context);
      },
    },
    queryClient,
  );

  const cancel = useCallback((id?: string) => {
    if (id !== undefined) controllers.current.get(id)?.abort();
    else for (const controller of controllers.current.values()) controller.abort();
  }, []);

  // The key is compared by value, as react-query does.
  // biome-ignore lint/correctness/useExhaustiveDependencies: queryKey is an array literal in most callers.
  const discard = useCallback(
    (id: string) => {
      controllers.current.get(id)?.abort();
      if (!queryKey) return;
      queryClient.setQueryData<V2TimMessage[]>(queryKey, (list) => removeUnsent(list, id));
    },
    [queryClient, JSON.stringify(queryKey)],
  );

  const latestId = mutation.variables?.id;
  const progress = mutation.isSuccess ? 100 : latestId !== undefined ? (progressById[latestId] ?? 0) : 0;
  return { ...mutation, progress, progressById, cancel, discard };
}
