import { forwardRef, type HTMLAttributes, useId, useMemo } from 'react';
import { useComposer } from '../ComposerContext';
import { cx } from './cx';
import { mergeRefs } from './mergeRefs';

export type DropzoneProps = HTMLAttributes<HTMLDivElement>;

/**
 * The drop target: drop files on it, click it, or focus it and press Enter or Space to pick files.
 * `data-drag-state` is `idle`, `accept` or `reject` while files are dragged over it. Pair it with a
 * `<DropzoneInput>` (a sibling, so no control is nested inside this button).
 */
export const Dropzone = forwardRef<HTMLDivElement, DropzoneProps>(function Dropzone(
  { className, children, ...props },
  ref,
) {
  const { dropzone, strings, disabled } = useComposer('Dropzone');
  const mergedRef = useMemo(() => mergeRefs(dropzone.rootRef, ref), [dropzone.rootRef, ref]);
  const hintId = useId();
  const { isDragActive, isDragAccept, isDragReject } = dropzone;
  const dragState = isDragReject ? 'reject' : isDragAccept || isDragActive ? 'accept' : 'idle';
  const hint =
    dragState === 'reject'
      ? strings.dropReject
      : dragState === 'accept'
        ? strings.dropAccept
        : strings.dropHint;

  return (
    <div
      {...dropzone.getRootProps({
        role: 'button',
        'aria-label': strings.addImages,
        'aria-describedby': hintId,
        'aria-disabled': disabled || undefined,
        ...props,
        className: cx('im-dropzone', className),
      })}
      // react-dropzone keeps its own ref for keyboard and focus handling; a forwarded ref must not replace it.
      ref={mergedRef}
      data-drag-state={dragState}
    >
      {children ?? <span className="im-dropzone__icon" aria-hidden="true" />}
      <span className="im-dropzone__hint" id={hintId}>
        {hint}
      </span>
    </div>
  );
});
