import { type RefObject, useEffect, useRef } from 'react';

/** The files in a paste: screenshots, copied images, several at once, with or without text beside them. */
export function filesFromClipboard(data: DataTransfer | null): File[] {
  if (!data) return [];
  const fromItems = Array.from(data.items ?? [])
    .filter((item) => item.kind === 'file')
    .map((item) => item.getAsFile())
    .filter((file): file is File => file !== null);
  return fromItems.length > 0 ? fromItems : Array.from(data.files ?? []);
}

/**
 * Feeds pasted images (Ctrl/⌘+V) to `onFiles` when the paste happens inside `target`, or anywhere in the
 * document with `scope: 'document'`. Text pasted alongside images still reaches the focused text field.
 */
export function usePasteImages(
  target: RefObject<HTMLElement | null>,
  onFiles: (files: File[]) => void,
  { scope = 'composer', disabled = false }: { scope?: 'composer' | 'document'; disabled?: boolean } = {},
) {
  const latest = useRef(onFiles);
  latest.current = onFiles;

  useEffect(() => {
    if (disabled) return;
    const element = scope === 'document' ? target.current?.ownerDocument : target.current;
    if (!element) return;
    const onPaste = (event: Event) => {
      const { clipboardData } = event as ClipboardEvent;
      const files = filesFromClipboard(clipboardData);
      if (files.length === 0) return;
      // Keep a text paste for the text field; only a files-only paste is fully ours.
      if (!clipboardData?.types.includes('text/plain')) event.preventDefault();
      latest.current(files);
    };
    element.addEventListener('paste', onPaste);
    return () => element.removeEventListener('paste', onPaste);
  }, [target, scope, disabled]);
}
