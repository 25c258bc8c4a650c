// `@image-message/core/persist`: the IndexedDB store, a separate entry so apps that do not keep drafts
// across reloads never load it (the react provider's `persist` prop imports it lazily).
export { clearPersisted, createIndexedDbStore, type IndexedDbStoreOptions } from './createIndexedDbStore';
export type {
  MessageStore,
  StoredImageMessage,
  StoredMessageChanges,
  StoredMessageStatus,
} from './types';
