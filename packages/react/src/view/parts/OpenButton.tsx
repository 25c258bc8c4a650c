import { type ButtonHTMLAttributes, forwardRef, useMemo } from 'react';
import { cx } from '../../composer/parts/cx';
import { mergeRefs } from '../../composer/parts/mergeRefs';
import { useImageMessageView } from '../ViewContext';

export type OpenButtonProps = ButtonHTMLAttributes<HTMLButtonElement>;

/**
 * The image as a button, named "Open image …" ("查看图片 …"), or by the sender's description
 * ("Open image: A dog on the beach") when there is one: click, Enter or Space opens the viewer,
 * and focus comes back here when it closes. Put `<ImageMessageView.Image>` inside.
 */
export const OpenButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, OpenButtonProps>(function OpenButton(
  { className, onClick, onPointerEnter, onFocus, ...props },
  ref,
) {
  const view = useImageMessageView('OpenButton');
  const mergedRef = useMemo(() => mergeRefs(view.openerRef, ref), [view.openerRef, ref]);
  const explained = view.state === 'failed' || view.state === 'error';
  return (
    <button
      type="button"
      aria-label={
        view.description
          ? view.strings.openDescribed({ description: view.description })
          : view.strings.open({ name: view.name })
      }
      aria-haspopup="dialog"
      aria-describedby={explained ? view.ids.status : undefined}
      {...props}
      ref={mergedRef}
      className={cx('im-view__open', className)}
      onPointerEnter={(event) => {
        onPointerEnter?.(event);
        view.preloadViewer();
      }}
      onFocus={(event) => {
        onFocus?.(event);
        view.preloadViewer();
      }}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) view.openViewer();
      }}
    />
  );
});
