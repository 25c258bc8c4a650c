import {
  MutationObserver,
  type QueryClient,
  type UseMutationOptions,
  type UseMutationResult,
} from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useFrameThrottled } from './useFrameThrottled';

/**
 * react-query's `useMutation`, except that its state reaches React in the animation-frame batch with
 * the upload's progress and the drafts: "pending" and "success" then ride along with a progress commit
 * instead of each costing a commit of their own (during one upload the composer commits about once per
 * progress event, not more). Callbacks and `mutate` behave exactly as in `useMutation`; the returned
 * state may be one frame behind.
 */
export function useFrameMutation<TData, TError, TVariables>(
  options: UseMutationOptions<TData, TError, TVariables>,
  queryClient: QueryClient,
): UseMutationResult<TData, TError, TVariables> {
  const [observer] = useState(() => new MutationObserver(queryClient, options));
  useEffect(() => {
    observer.setOptions(options);
  }, [observer, options]);
  const result = useFrameThrottled(
    observer,
    (onChange) => observer.subscribe(onChange),
    () => observer.getCurrentResult(),
  );
  const mutate = useCallback(
    (variables: TVariables, mutateOptions?: Parameters<typeof observer.mutate>[1]) => {
      observer.mutate(variables, mutateOptions).catch(() => {
        // The error is in the mutation's state and callbacks, as with useMutation.
      });
    },
    [observer],
  );
  const { throwOnError } = observer.options;
  if (result.error && (typeof throwOnError === 'function' ? throwOnError(result.error) : throwOnError)) {
    throw result.error;
  }
  return { ...result, mutate, mutateAsync: result.mutate } as UseMutationResult<TData, TError, TVariables>;
}
