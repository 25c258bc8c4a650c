import type { DropEvent } from 'react-dropzone';
import { filesFromClipboard } from './usePasteImages';

/**
 * What react-dropzone asks for on drag and drop: while dragging, the items (their types drive the
 * accept/reject look); on drop and on the input's change, the files. Images are never folders, so this
 * skips the File System Access handles the default reader asks for, which Chromium refuses for
 * script-made transfers (tests, stories) and which add nothing here.
 */
export async function filesFromEvent(event: DropEvent | unknown[]): Promise<(File | DataTransferItem)[]> {
  if (Array.isArray(event)) return [];
  const { dataTransfer, type } = event as DragEvent;
  if (dataTransfer) {
    if (type !== 'drop') return Array.from(dataTransfer.items ?? []).filter((item) => item.kind === 'file');
    return filesFromClipboard(dataTransfer);
  }
  const target = (event as Event).target as HTMLInputElement | null;
  return target?.files ? Array.from(target.files) : [];
}
