import { forwardRef, type HTMLAttributes, useMemo } from 'react';
import { useComposer } from '../ComposerContext';
import { cx } from './cx';
import { DropzoneButton } from './DropzoneButton';
import { mergeRefs } from './mergeRefs';

export type DropzoneProps = HTMLAttributes<HTMLDivElement>;

/**
 * The drop target: drop files anywhere on it or click it to pick files. It is not itself a control: the
 * `<DropzoneButton>` inside it ("Add images") is what keyboard and screen-reader users reach, and its
 * clicks (Enter or Space too) bubble here to open the picker. `data-state` is `idle`, `accept` or
 * `reject` while files are dragged over it. Pair it with a `<DropzoneInput>`.
 */
export const Dropzone = /* @__PURE__ */ forwardRef<HTMLDivElement, DropzoneProps>(function Dropzone(
  { className, children, ...props },
  ref,
) {
  const { dropzone, strings, ids } = useComposer('Dropzone');
  const mergedRef = useMemo(() => mergeRefs(dropzone.rootRef, ref), [dropzone.rootRef, ref]);
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
      {...dropzone.getRootProps({ ...props, className: cx('im-dropzone', className) })}
      // react-dropzone keeps its own ref for drag and focus handling; a forwarded ref must not replace it.
      ref={mergedRef}
      data-im-part="dropzone"
      data-state={dragState}
    >
      {children ?? (
        <>
          <span className="im-dropzone__icon" aria-hidden="true" />
          <DropzoneButton />
          <span className="im-dropzone__hint" id={ids.hint}>
            {hint}
          </span>
        </>
      )}
    </div>
  );
});
