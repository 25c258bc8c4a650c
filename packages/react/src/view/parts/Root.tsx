import { type CSSProperties, forwardRef, type HTMLAttributes, useMemo } from 'react';
import { cx } from '../../composer/parts/cx';
import { mergeRefs } from '../../composer/parts/mergeRefs';
import { type ImageMessageViewOptions, useImageMessageViewState } from '../useImageMessageViewState';
import { ImageMessageViewContext } from '../ViewContext';

export interface RootProps extends ImageMessageViewOptions, Omit<HTMLAttributes<HTMLDivElement>, 'onError'> {}

/**
 * Holds one image message's view state and renders its box: a `<div>` with the image's aspect ratio
 * from the first render (`--im-view-ratio`, from ORIGIN width and height), bounded by
 * `--im-view-max-width` / `--im-view-max-height`, painting the placeholder until the image has loaded.
 * `data-state` is `loading | loaded | error | sending | failed`. Every other part goes inside.
 *
 * @example
 * <ImageMessageView.Root message={message}>
 *   <ImageMessageView.OpenButton><ImageMessageView.Image /></ImageMessageView.OpenButton>
 *   <ImageMessageView.Viewer />
 * </ImageMessageView.Root>
 */
export const Root = /* @__PURE__ */ forwardRef<HTMLDivElement, RootProps>(function Root(props, forwardedRef) {
  // The view's options are read from `props` by useImageMessageViewState; only the rest reaches the <div>.
  const {
    message,
    conversation,
    locale,
    messages,
    onRetry,
    onCancel,
    onLoadError,
    className,
    style,
    children,
    ...domProps
  } = props;
  const view = useImageMessageViewState(props);
  const ref = useMemo(() => mergeRefs(view.measureRef, forwardedRef), [view.measureRef, forwardedRef]);
  const boxStyle = {
    '--im-view-ratio': view.ratio,
    '--im-view-width': `${view.width}px`,
    ...(view.placeholderUrl && { '--im-view-placeholder': `url("${view.placeholderUrl}")` }),
    ...style,
  } as CSSProperties;

  return (
    <ImageMessageViewContext.Provider value={view}>
      <div
        // The language and direction of its own text; without a `locale` both follow the page.
        lang={locale && view.localeTag}
        dir={view.dir}
        {...domProps}
        ref={ref}
        className={cx('im-view', className)}
        style={boxStyle}
        data-state={view.state}
        data-placeholder={view.placeholderUrl ? 'thumbhash' : 'neutral'}
        data-loaded={view.imageLoaded || undefined}
        // A tiny image is shown at its own size on the tile, not blown up.
        data-tiny={(view.width < 96 && view.height < 96) || undefined}
      >
        {children}
      </div>
    </ImageMessageViewContext.Provider>
  );
});
