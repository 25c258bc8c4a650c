import type { ImageMessageStrings, ImageMessageViewStrings } from './types';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The English strings (the default locale). Spread it to start your own table:
 *
 * @example <ImageMessageComposer messages={{ send: 'Share' }} /> // or { ...enUS, send: 'Share' }
 */
export const enUS: ImageMessageStrings = {
  composerLabel: 'Send images',
  addImages: 'Add images',
  dropHint: 'Drop images here, paste, or click to choose',
  dropAccept: 'Drop to add',
  dropReject: 'Only images can be sent',
  pasteHint: 'You can also paste images with Ctrl+V / ⌘V',
  send: 'Send',
  cancel: 'Cancel',
  retry: 'Retry',
  remove: 'Remove',
  dismiss: 'Dismiss',
  previewsLabel: 'Images to send',
  progressLabel: ({ fileName }) => `Uploading ${fileName}`,
  progressValueText: ({ progress }) => `${progress} percent uploaded`,
  dimensions: ({ width, height }) => `${width} × ${height}`,
  canceled: 'Upload canceled',
  original: 'Original',
  originalHint: 'Send photos at full size, without making them smaller',
  preparingLabel: ({ fileName }) => `Preparing ${fileName}`,
  preparing: 'Preparing…',
  retryTarget: ({ receiver, groupID }) =>
    receiver && groupID
      ? `Retry sends it to ${receiver} only`
      : groupID
        ? `Retry sends it to everyone in ${groupID}`
        : `Retry sends it to ${receiver}`,
  unsaved: ({ count }) =>
    `${plural(count, "image isn't", "images aren't")} saved on this device: there is no room for ${count === 1 ? 'it' : 'them'}. Keep this page open until ${count === 1 ? "it's" : "they're"} sent.`,
  description: {
    label: 'Describe this image',
    hint: "For people who can't see it (optional)",
    tooLong: ({ max, length }) =>
      `Descriptions can be up to ${max} characters; this one has ${length}. Shorten it to send.`,
  },
  errors: {
    empty: ({ fileName }) => `${fileName} is empty. Choose another image.`,
    tooLarge: ({ fileName, size, limit }) =>
      `${fileName} is ${size}; images must be smaller than ${limit}. Choose a smaller image or compress it.`,
    tooLargeOriginal: ({ fileName, size, limit }) =>
      `${fileName} is ${size} at full size; images must be smaller than ${limit}. Turn Original off to send it smaller.`,
    typeLimit: ({ fileName }) =>
      `${fileName} is in a format that can't be sent. Convert it to JPEG, PNG, GIF, BMP or WebP.`,
    notImage: ({ fileName }) => `${fileName} isn't an image. Choose a JPEG, PNG, GIF, BMP or WebP file.`,
    tooMany: ({ maxFiles }) =>
      `You can add up to ${plural(maxFiles, 'image', 'images')} at a time. Send or remove some first.`,
    invalidPath: ({ fileName }) => `${fileName} isn't a local file. Save it to your device, then add it.`,
    uploadFailed: ({ fileName }) => `${fileName} couldn't be uploaded. Press Retry to try again.`,
    network: ({ fileName }) => `${fileName} wasn't sent: you're offline. Reconnect, then press Retry.`,
    unreachable: ({ fileName }) =>
      `${fileName} wasn't sent: the server didn't answer. Press Retry; if it keeps failing, the server may be down.`,
    interrupted: ({ fileName }) =>
      `${fileName} wasn't sent: the page closed while it was uploading. Press Retry to send it.`,
    timeout: ({ fileName }) => `${fileName} timed out while uploading. Press Retry to try again.`,
    signedOut: ({ fileName }) =>
      `${fileName} wasn't sent: you're signed out. Sign in again, then press Retry.`,
    notAllowed: ({ fileName }) =>
      `${fileName} wasn't sent: you can't send images to this conversation right now.`,
    other: ({ fileName, desc }) => `${fileName} wasn't sent: ${desc}`,
  },
  announce: {
    added: ({ count }) => `${plural(count, 'image', 'images')} added`,
    rejected: ({ count }) => `${plural(count, 'file', 'files')} couldn't be added`,
    sent: ({ fileName }) => `${fileName} sent`,
    failed: ({ fileName }) => `${fileName} failed to send`,
    canceled: ({ fileName }) => `${fileName} upload canceled`,
    removed: ({ fileName }) => `${fileName} removed`,
  },
};

/**
 * The English strings of `<ImageMessageView>` and its viewer.
 *
 * @example <ImageMessageView message={message} messages={{ view: { reload: 'Try again' } }} />
 */
export const enUSView: ImageMessageViewStrings = {
  imageName: ({ fileName, sender, self, time }) =>
    fileName ?? [self ? 'sent by you' : sender && `from ${sender}`, time].filter(Boolean).join(', '),
  open: ({ name }) => `Open image ${name}`.trim(),
  openDescribed: ({ description }) => `Open image: ${description}`,
  uploading: ({ name }) => `Uploading image ${name}`.trim(),
  cancel: 'Cancel upload',
  retry: 'Retry sending',
  canceled: 'Upload canceled',
  failed: 'Not sent',
  loadFailed: "The image couldn't be loaded. Its link may have expired.",
  reload: 'Load again',
  original: ({ size }) => (size ? `Original · ${size}` : 'Original'),
  viewerLabel: ({ name }) => `Image ${name}`.trim(),
  counter: ({ index, count }) => `${index} / ${count}`,
  counterLabel: ({ index, count }) => `Image ${index} of ${count}`,
  previous: 'Previous image',
  next: 'Next image',
  close: 'Close viewer',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomFit: 'Fit to screen',
  download: 'Download original',
  loadingOriginal: 'Loading the original',
};
