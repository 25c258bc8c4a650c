import { type RefObject, useEffect, useRef, useState } from 'react';
import { useComposer } from '../composer/ComposerContext';
import { filesFromClipboard } from '../composer/usePasteImages';

/** While files are dragged over the target: `accept` (images), `reject` (something else), else `idle`. */
export type DropDragState = 'idle' | 'accept' | 'reject';

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/** Only a hint while dragging (browsers hide names then); every dropped file still goes through the byte checks. */
function dragStateOf(event: DragEvent): DropDragState {
  const items = Array.from(event.dataTransfer?.items ?? []).filter((item) => item.kind === 'file');
  return items.length > 0 && items.every((item) => item.type !== '' && !item.type.startsWith('image/'))
    ? 'reject'
    : 'accept';
}

/**
 * Makes the element at `ref` (a whole conversation, say) a drop target for images, feeding the enclosing
 * composer's pipeline: the same checks, rejections, previews and announcements as its own drop zone.
 * Call it inside `<ImageMessageComposer.Root>`; returns the drag state for `<DropOverlay>`. A drop on
 * the composer's own drop zone is left to it (never added twice).
 *
 * @example
 * function Conversation() {
 *   const ref = useRef<HTMLDivElement>(null);
 *   const dragState = useImageDrop(ref);
 *   return <div ref={ref} style={{ position: 'relative' }}>…<DropOverlay dragState={dragState} /></div>;
 * }
 */
export function useImageDrop(ref: RefObject<HTMLElement | null>): DropDragState {
  const { addFiles, disabled, dropzone } = useComposer('useImageDrop');
  const [dragState, setDragState] = useState<DropDragState>('idle');
  const latest = useRef({ addFiles, zone: dropzone.rootRef });
  latest.current = { addFiles, zone: dropzone.rootRef };

  useEffect(() => {
    const target = ref.current;
    if (!target || disabled) return;
    // dragenter/dragleave fire for every child crossed; count them to know when the pointer really left.
    let depth = 0;
    const onComposerZone = (event: Event) =>
      Boolean(latest.current.zone.current?.contains(event.target as Node));
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDragState(dragStateOf(event));
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser would open the file instead of dropping it here.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragState('idle');
    };
    const onDrop = (event: DragEvent) => {
      depth = 0;
      setDragState('idle');
      if (!carriesFiles(event) || onComposerZone(event)) return;
      event.preventDefault();
      const files = filesFromClipboard(event.dataTransfer);
      if (files.length > 0) latest.current.addFiles(files);
    };
    target.addEventListener('dragenter', onEnter);
    target.addEventListener('dragover', onOver);
    target.addEventListener('dragleave', onLeave);
    target.addEventListener('drop', onDrop);
    return () => {
      target.removeEventListener('dragenter', onEnter);
      target.removeEventListener('dragover', onOver);
      target.removeEventListener('dragleave', onLeave);
      target.removeEventListener('drop', onDrop);
      setDragState('idle');
    };
  }, [ref, disabled]);

  return dragState;
}
