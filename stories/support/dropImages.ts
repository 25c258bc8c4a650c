import { createDataTransfer, dragFilesOver } from '@image-message/react/testing';

/**
 * Drops `files` on `target` the way a person does: drag over, a moment later drop.
 *
 * The kit's `dropFiles` fires dragenter, dragover and drop in one tick. react-dropzone reads a
 * dragenter's items asynchronously, so that read lands after the drop has reset the zone and turns the
 * drag look back on: the story would end on "Drop to add" with nothing being dragged. Letting the
 * drag settle first keeps each story's final look the one a user would see.
 */
export async function dropImages(target: Element, files: File[]): Promise<void> {
  dragFilesOver(target, files);
  await new Promise((resolve) => setTimeout(resolve, 0));
  const init = { bubbles: true, cancelable: true, dataTransfer: createDataTransfer(files) };
  target.dispatchEvent(new DragEvent('drop', init));
}
