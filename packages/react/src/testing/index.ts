/**
 * The testing kit: everything to test an app's image sending without a server or a browser.
 * `import { renderWithImageMessage, createImageFile, createDataTransfer } from '@image-message/react/testing'`
 */
export {
  createMemoryTransport,
  type MemoryTransport,
  type MemoryTransportFailure,
  type MemoryTransportOptions,
  type MemoryTransportStall,
} from '@image-message/core';
export { createDataTransfer, type DataTransferLike } from './createDataTransfer';
export {
  type CreateImageFileOptions,
  createImageBytes,
  createImageFile,
  type TestImageFormat,
} from './createImageFile';
export { dragFilesOver, dropFiles, pasteFiles } from './dispatchTransfer';
export {
  type RenderWithImageMessageOptions,
  type RenderWithImageMessageResult,
  renderWithImageMessage,
  renderWithImageMessage as render,
} from './render';
