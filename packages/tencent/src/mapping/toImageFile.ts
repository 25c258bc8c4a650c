/** Extensions the SDK accepts (`nn` in index.es.js: jpg, jpeg, gif, png, bmp, image, webp), per MIME type. */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/gif': ['gif'],
  'image/bmp': ['bmp'],
  'image/webp': ['webp'],
};

/**
 * The name the SDK will accept for these bytes. On the web the SDK judges an image by the extension of
 * `file.name` (`_checkImageType` reads `files[0].name` after the last dot) and refuses anything else with
 * 2252, while this library judges by the bytes. So a JPEG named "scan.heic" or a pasted "image" gets the
 * extension of what it really is appended ("scan.heic.jpg", "image.png"); the user's name is kept.
 *
 * @example fileNameForType('scan.heic', 'image/jpeg') // "scan.heic.jpg"
 */
export function fileNameForType(fileName: string, mimeType: string): string {
  const accepted = EXTENSIONS[mimeType];
  if (!accepted) return fileName;
  const dot = fileName.lastIndexOf('.');
  const extension = dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  return accepted.includes(extension) ? fileName : `${fileName}.${accepted[0]}`;
}

/**
 * The `File` the SDK's `payload.file` takes, made from the request's Blob (no copy: a File of a Blob
 * refers to its data) or its validated bytes, with the MIME type read from them (the SDK reports it back
 * as the image format).
 *
 * @example toImageFile({ file, fileName: 'photo.jpg', mimeType: 'image/jpeg' })
 */
export function toImageFile(request: {
  file?: Blob;
  bytes?: Uint8Array;
  fileName: string;
  mimeType: string;
}): File {
  // The manager hands over its own buffer, never a shared one, so the cast only narrows the buffer type.
  const part = (request.file ?? request.bytes) as Blob | Uint8Array<ArrayBuffer> | undefined;
  if (!part) throw new TypeError('toImageFile needs the image: its file or its bytes.');
  return new File([part], fileNameForType(request.fileName, request.mimeType), { type: request.mimeType });
}
