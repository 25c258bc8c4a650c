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
 * Tests run React in an act() environment and want every event wrapped in act() (Testing Library's
 * `fireEvent` does that); production React, e.g. in a built Storybook, has no act(), so outside tests
 * the event is dispatched as a browser would.
 */
function dispatch(target: Element, event: Event) {
  if ((globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT)
    fireEvent(target, event);
  else target.dispatchEvent(event);
}

/** react-dropzone reads a dragenter's files asynchronously; dropping in the same tick lets that late
 * read turn the drag look back on after the drop. A person's drop always comes later. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Drops `files` on `target` the way a user does — dragenter and dragover, then on the next task the
 * drop — in jsdom and in real browsers.
 *
 * @example await dropFiles(screen.getByRole('button', { name: 'Add images' }), [createImageFile()]);
 */
export async function dropFiles(target: Element, files: File[]): Promise<void> {
  const transfer = createDataTransfer(files);
  dispatch(target, eventWith('dragenter', 'dataTransfer', transfer));
  dispatch(target, eventWith('dragover', 'dataTransfer', transfer));
  await nextTask();
  dispatch(target, eventWith('drop', 'dataTransfer', transfer));
}

/** Drags `files` over `target` without dropping, to show the accept/reject look. */
export function dragFilesOver(target: Element, files: File[]): void {
  const transfer = createDataTransfer(files);
  for (const type of ['dragenter', 'dragover']) dispatch(target, eventWith(type, 'dataTransfer', transfer));
}

/** Pastes `files` (and optional text) into `target`, as Ctrl/⌘+V does. */
export function pasteFiles(target: Element, files: File[], options: { text?: string } = {}): void {
  dispatch(target, eventWith('paste', 'clipboardData', createDataTransfer(files, options)));
}
