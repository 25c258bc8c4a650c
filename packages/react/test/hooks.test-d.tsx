import type {
  ImageDraft,
  ImageMessageError,
  ImageRejection,
  ImageTransport,
  MessageManager,
  V2TimMessage,
} from '@image-message/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type ImageMessageProviderProps,
  type SendImageVariables,
  useCreateImageMessage,
  useSendMessage,
  useSendState,
} from '../src';

describe('public hook types', () => {
  it('useCreateImageMessage returns typed drafts, rejections and actions', () => {
    const result = useCreateImageMessage({ maxFiles: 9, maxBytes: 1024, validator: () => null });
    expectTypeOf(result.drafts).toEqualTypeOf<readonly ImageDraft[]>();
    expectTypeOf(result.rejections).toEqualTypeOf<readonly ImageRejection[]>();
    expectTypeOf(result.addFiles).parameter(0).toEqualTypeOf<Iterable<File> | ArrayLike<File>>();
    expectTypeOf(result.remove).toEqualTypeOf<(id: string) => void>();
    expectTypeOf<ImageDraft['status']>().toEqualTypeOf<
      'preparing' | 'created' | 'sending' | 'sent' | 'failed' | 'canceled'
    >();
    // @ts-expect-error maxFiles is a number
    useCreateImageMessage({ maxFiles: '9' });
  });

  it('useSendMessage is a mutation over { id, receiver?, groupID? } failing with ImageMessageError', () => {
    const send = useSendMessage({ queryKey: ['messages'] });
    expectTypeOf(send.mutate).parameter(0).toEqualTypeOf<SendImageVariables>();
    expectTypeOf(send.data).toEqualTypeOf<V2TimMessage | undefined>();
    expectTypeOf(send.error).toEqualTypeOf<ImageMessageError | null>();
    expectTypeOf(send.progress).toEqualTypeOf<number>();
    expectTypeOf(useSendState('id')?.status).toEqualTypeOf<
      'created' | 'sending' | 'sent' | 'failed' | 'canceled' | undefined
    >();
    expectTypeOf(send.cancel).toEqualTypeOf<(id?: string) => void>();
    // @ts-expect-error the id is required
    send.mutate({ receiver: 'bob' });
  });

  it('the provider takes a manager or a transport, not both', () => {
    expectTypeOf<{ manager: MessageManager }>().toExtend<ImageMessageProviderProps>();
    expectTypeOf<{ transport: ImageTransport; maxBytes: number }>().toExtend<ImageMessageProviderProps>();
    expectTypeOf<{
      manager: MessageManager;
      transport: ImageTransport;
    }>().not.toExtend<ImageMessageProviderProps>();
    expectTypeOf<{ children: string }>().not.toExtend<ImageMessageProviderProps>();
  });
});
