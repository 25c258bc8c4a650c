import { forwardRef, type HTMLAttributes, useImperativeHandle, useRef } from 'react';
import { ComposerContext } from '../ComposerContext';
import { type ComposerOptions, useComposerState } from '../useComposerState';
import { usePasteImages } from '../usePasteImages';
import { cx } from './cx';

export interface RootProps extends ComposerOptions, Omit<HTMLAttributes<HTMLDivElement>, 'onError'> {
  /** Where Ctrl/⌘+V adds images: inside the composer (default) or anywhere on the page. */
  pasteScope?: 'composer' | 'document';
}

/**
 * Holds one composer's state and renders its outer `<div role="group">`. Every other part goes inside.
 * `data-state` is `idle`, `processing` (files being read) or `sending` (an upload in flight).
 *
 * @example
 * <ImageMessageComposer.Root receiver="bob">
 *   <ImageMessageComposer.Dropzone />
 *   <ImageMessageComposer.Previews />
 *   <ImageMessageComposer.SendButton />
 *   <ImageMessageComposer.Status />
 * </ImageMessageComposer.Root>
 */
export const Root = /* @__PURE__ */ forwardRef<HTMLDivElement, RootProps>(function Root(props, forwardedRef) {
  // The composer's options are read from `props` by useComposerState; only the rest reaches the <div>.
  const {
    receiver,
    groupID,
    onSent,
    onError,
    onReject,
    locale,
    nameOf,
    messages,
    multiple,
    autoSend,
    disabled,
    queryKey,
    updateMessages,
    sendOptions,
    prepare,
    maxFiles,
    maxBytes,
    validator,
    concurrency,
    pasteScope,
    className,
    children,
    ...domProps
  } = props;
  const ref = useRef<HTMLDivElement>(null);
  const state = useComposerState(props, ref);
  useImperativeHandle(forwardedRef, () => ref.current as HTMLDivElement);
  usePasteImages(ref, state.addFiles, { scope: pasteScope, disabled: state.disabled });

  return (
    <ComposerContext.Provider value={state}>
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would disable and restyle the app's own controls inside it. */}
      <div
        role="group"
        aria-label={state.strings.composerLabel}
        {...domProps}
        ref={ref}
        className={cx('im-composer', className)}
        data-state={
          state.drafts.some((draft) => draft.status === 'sending')
            ? 'sending'
            : state.isProcessing
              ? 'processing'
              : 'idle'
        }
        data-disabled={state.disabled || undefined}
      >
        {children}
      </div>
    </ComposerContext.Provider>
  );
});
