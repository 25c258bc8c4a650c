import { fireEvent } from '@testing-library/react';
import { createDataTransfer } from './createDataTransfer';

function eventWith(type: string, key: 'dataTransfer' | 'clipboardData', transfer: DataTransfer): Event {
  const init = { bubbles: true, cancelable: true };
  const Native = key === 'dataTransfer' ? globalThis.DragEvent : globalThis.ClipboardEvent;
  if (typeof Native === 'function' && transfer instanceof (globalThis.DataTransfer ?? class {})) {
    return new Native(type, { ...init, [key]: transfer });
  }
  // jsdom: a plain event carrying the stand-in transfer.
  const event = new Event(type, init);
  Object.defineProperty(event, key, { value: transfer });
  return event;
}

/**
 * Drops `files` on `target` the way a user does (dragenter, dragover, drop), in jsdom and in real
 * browsers, inside React's `act`.
 *
 * @example await dropFiles(screen.getByRole('button', { name: 'Add images' }), [createImageFile()]);
 */
export function dropFiles(target: Element, files: File[]): void {
  const transfer = createDataTransfer(files);
  for (const type of ['dragenter', 'dragover', 'drop'])
    fireEvent(target, eventWith(type, 'dataTransfer', transfer));
}

/** Drags `files` over `target` without dropping, to show the accept/reject look. */
export function dragFilesOver(target: Element, files: File[]): void {
  const transfer = createDataTransfer(files);
  for (const type of ['dragenter', 'dragover']) fireEvent(target, eventWith(type, 'dataTransfer', transfer));
}

/** Pastes `files` (and optional text) into `target`, as Ctrl/⌘+V does. */
export function pasteFiles(target: Element, files: File[], options: { text?: string } = {}): void {
  fireEvent(target, eventWith('paste', 'clipboardData', createDataTransfer(files, options)));
}
