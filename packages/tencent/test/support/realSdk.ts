import type TencentCloudChatModule from '@tencentcloud/chat';
import type TIMUploadPluginModule from 'tim-upload-plugin';
import { keepNetworkLocal, type OfflineNetwork } from './offlineNetwork';

export interface RealSdk {
  TencentCloudChat: typeof TencentCloudChatModule;
  TIMUploadPlugin: typeof TIMUploadPluginModule;
  /** The guard the SDK was loaded behind: what it tried to reach. */
  network: OfflineNetwork;
}

/**
 * Loads the real `@tencentcloud/chat` ES build and `tim-upload-plugin` — the locked versions, the files an
 * app bundles — into this page, offline (`keepNetworkLocal`). Browser only; call it once per test file
 * (the module is evaluated once).
 *
 * While the SDK module evaluates, `Worker` is hidden: the SDK decides then (`ce = … typeof Worker …` in
 * index.es.js) whether to open its socket inside a Worker, where no page-side guard sees it. Without a
 * Worker it takes its own fallback path, a WebSocket in the page, which the guard keeps local.
 *
 * @example const { TencentCloudChat, TIMUploadPlugin, network } = await loadRealSdk();
 */
export async function loadRealSdk(): Promise<RealSdk> {
  const network = keepNetworkLocal();
  const worker = Object.getOwnPropertyDescriptor(globalThis, 'Worker');
  Reflect.deleteProperty(globalThis, 'Worker');
  try {
    const [chat, plugin] = await Promise.all([
      import('@tencentcloud/chat/index.es.js'),
      import('tim-upload-plugin'),
    ]);
    return { TencentCloudChat: chat.default, TIMUploadPlugin: plugin.default, network };
  } finally {
    if (worker) Object.defineProperty(globalThis, 'Worker', worker);
  }
}

/** An instance of the real SDK, as `TencentCloudChat.create()` returns it. */
export type RealChat = ReturnType<RealSdk['TencentCloudChat']['create']>;
