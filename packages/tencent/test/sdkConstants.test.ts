import type { ChatSDK, Message } from '@tencentcloud/chat';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createTencentChatTransport, type TencentChat } from '../src';
import { CONV_C2C, CONV_GROUP, MSG_IMAGE, MSG_PRIORITY, SDK_MESSAGE_STATUS } from '../src/sdk/tencentSdk';
import { REVIEWED_SDK_VERSION } from './support/chatDouble';

describe('the SDK values the transport relies on', () => {
  it('match TencentCloudChat.TYPES of the real ES build', async () => {
    const { default: TencentCloudChat } = await import('@tencentcloud/chat/index.es.js');
    // VERSION exists at runtime only; the .d.ts does not declare it.
    expect(Reflect.get(TencentCloudChat, 'VERSION')).toBe(REVIEWED_SDK_VERSION);
    expect(CONV_C2C).toBe(TencentCloudChat.TYPES.CONV_C2C);
    expect(CONV_GROUP).toBe(TencentCloudChat.TYPES.CONV_GROUP);
    expect(MSG_IMAGE).toBe(TencentCloudChat.TYPES.MSG_IMAGE);
    expect(MSG_PRIORITY).toEqual({
      HIGH: TencentCloudChat.TYPES.MSG_PRIORITY_HIGH,
      NORMAL: TencentCloudChat.TYPES.MSG_PRIORITY_NORMAL,
      LOW: TencentCloudChat.TYPES.MSG_PRIORITY_LOW,
      LOWEST: TencentCloudChat.TYPES.MSG_PRIORITY_LOWEST,
    });
    expect(Object.values(SDK_MESSAGE_STATUS)).toEqual(['unSend', 'success', 'fail']);
  });

  it("takes the app's ChatSDK instance as it is", () => {
    expectTypeOf<ChatSDK>().toExtend<TencentChat>();
    // Where the declaration says Message, the not-ready SDK returns a rejected Promise; TencentChat says both.
    expectTypeOf<ReturnType<TencentChat['createImageMessage']>>().toEqualTypeOf<Message | Promise<never>>();
    expectTypeOf(createTencentChatTransport).toBeCallableWith({} as ChatSDK);
  });
});
