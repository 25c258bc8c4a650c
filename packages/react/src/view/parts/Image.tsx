import { forwardRef, type ImgHTMLAttributes } from 'react';
import { cx } from '../../composer/parts/cx';
import { useImageMessageView } from '../ViewContext';

export type ImageProps = Omit<ImgHTMLAttributes<HTMLImageElement>, 'src'>;

/**
 * The `<img>` of the variant that covers the box at the screen's pixel density (or the sender's local
 * preview), lazy and decoded off the main thread. Not rendered before the box is measured, nor after a
 * failed load (never a broken-image icon). Its `alt` is the sender's description when there is one.
 */
export const Image = /* @__PURE__ */ forwardRef<HTMLImageElement, ImageProps>(function Image(
  { className, onLoad, onError, ...props },
  ref,
) {
  const view = useImageMessageView('Image');
  if (!view.src || view.state === 'error') return null;
  return (
    <img
      alt={view.description ?? view.strings.viewerLabel({ name: view.name })}
      loading="lazy"
      decoding="async"
      draggable={false}
      width={view.image?.width}
      height={view.image?.height}
      {...props}
      ref={ref}
      src={view.src}
      className={cx('im-view__image', className)}
      onLoad={(event) => {
        onLoad?.(event);
        view.onImageLoad();
      }}
      onError={(event) => {
        onError?.(event);
        view.onImageError();
      }}
    />
  );
});
