import { sanitizeFileName } from '../image/sanitizeFileName';
import type { SendState } from '../manager/sendState';
import type { ImageDraft } from './types';

/** A draft whose photo is still being prepared: only what the picked file says. */
export function preparingDraft(id: string, source: File | undefined, description?: string): ImageDraft {
  const size = source?.size ?? 0;
  const fileName = sanitizeFileName(source?.name ?? '');
  return {
    id,
    fileName,
    size,
    width: 0,
    height: 0,
    previewUrl: '',
    status: 'preparing',
    progress: 0,
    ...(description !== undefined && { description }),
  };
}

/** A draft whose message exists: what it is, and how its send stands. */
export function toDraft(
  id: string,
  previewUrl: string,
  { status, progress, message, error, fileName, unsaved, address, description, descriptionError }: SendState,
): ImageDraft {
  const origin = message.imageElem?.imageList?.[0];
  return {
    id,
    fileName,
    size: origin?.size ?? 0,
    width: origin?.width ?? 0,
    height: origin?.height ?? 0,
    previewUrl,
    status,
    progress,
    message,
    error,
    unsaved,
    ...(address && { address }),
    ...(description !== undefined && { description }),
    ...(descriptionError && { descriptionError }),
  };
}
