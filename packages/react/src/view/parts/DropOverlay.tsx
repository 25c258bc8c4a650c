import { forwardRef, type HTMLAttributes } from 'react';
import { useComposer } from '../../composer/ComposerContext';
import { cx } from '../../composer/parts/cx';
import type { DropDragState } from '../useImageDrop';

export interface DropOverlayProps extends HTMLAttributes<HTMLDivElement> {
  /** What `useImageDrop(ref)` returned. */
  dragState: DropDragState;
}

/**
 * The layer over a `useImageDrop` target while files are dragged over it (the composer's "Drop to add",
 * or that only images can be sent). Absolutely positioned: give the target `position: relative`.
 * Hidden when idle; `data-drag-state` is `idle | accept | reject`.
 */
export const DropOverlay = /* @__PURE__ */ forwardRef<HTMLDivElement, DropOverlayProps>(function DropOverlay(
  { dragState, className, children, ...props },
  ref,
) {
  const { strings } = useComposer('DropOverlay');
  return (
    <div
      aria-hidden="true"
      hidden={dragState === 'idle'}
      {...props}
      ref={ref}
      className={cx('im-drop-overlay', className)}
      data-drag-state={dragState}
    >
      {children ?? (dragState === 'reject' ? strings.dropReject : strings.dropAccept)}
    </div>
  );
});
