import { sanitizeFileName } from '../image/sanitizeFileName';
import { readBlob } from './blobBytes';
import { createOwnedObjectUrl } from './objectUrls';

/** The web form of `createImageMessage`'s parameters. */
export interface ImageMessageParams {
  /** A `blob:` URL of the file (or its sanitized name where object URLs do not exist, as in jsdom). */
  imagePath: string;
  fileContent: Uint8Array;
  fileName: string;
  /** The file itself, so a transport can upload it without copying `fileContent` (see `CreateImageMessageParams.file`). */
  file: File;
}

/**
 * The web path into `createImageMessage`: reads the file's bytes once, sanitizes its name and makes a
 * `blob:` URL for `imagePath`. The manager revokes that URL when the message is sent or discarded (or
 * fails validation), so a caller who hands the result to `createImageMessage` has nothing to clean up.
 *
 * @example
 * const res = await manager.createImageMessage(await fileToImageMessageParams(file));
 */
export async function fileToImageMessageParams(file: File): Promise<ImageMessageParams> {
  const fileContent = new Uint8Array(await readBlob(file));
  const fileName = sanitizeFileName(file.name);
  const imagePath = createOwnedObjectUrl(file) ?? fileName;
  return { imagePath, fileContent, fileName, file };
}
