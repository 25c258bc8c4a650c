import { forwardRef, type HTMLAttributes, useImperativeHandle, useRef } from 'react';
import { ComposerContext } from '../ComposerContext';
import { type ComposerOptions, useComposerState } from '../useComposerState';
import { usePasteImages } from '../usePasteImages';
import { cx } from './cx';

export interface RootProps extends ComposerOptions, Omit<HTMLAttributes<HTMLDivElement>, 'onError'> {
  /** Where Ctrl/⌘+V adds images: inside the composer (default) or anywhere on the page. */
  pasteScope?: 'composer' | 'document';
}

const OPTION_KEYS = [
  'receiver',
  'groupID',
  'onSent',
  'onError',
  'onReject',
  'locale',
  'messages',
  'multiple',
  'autoSend',
  'disabled',
  'queryKey',
  'sendOptions',
  'maxFiles',
  'maxBytes',
  'validator',
  'concurrency',
  'pasteScope',
] as const;

function splitProps(props: RootProps) {
  const options: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if ((OPTION_KEYS as readonly string[]).includes(key)) options[key] = value;
    else rest[key] = value;
  }
  return {
    options: options as ComposerOptions & { pasteScope?: 'composer' | 'document' },
    rest: rest as HTMLAttributes<HTMLDivElement>,
  };
}

/**
 * Holds one composer's state and renders its outer `<div role="group">`. Every other part goes inside.
 *
 * @example
 * <ImageMessageComposer.Root receiver="bob">
 *   <ImageMessageComposer.Dropzone />
 *   <ImageMessageComposer.Previews />
 *   <ImageMessageComposer.SendButton />
 *   <ImageMessageComposer.Status />
 * </ImageMessageComposer.Root>
 */
export const Root = forwardRef<HTMLDivElement, RootProps>(function Root(props, forwardedRef) {
  const { options, rest } = splitProps(props);
  const { className, children, ...domProps } = rest;
  const ref = useRef<HTMLDivElement>(null);
  const state = useComposerState(options, ref);
  useImperativeHandle(forwardedRef, () => ref.current as HTMLDivElement);
  usePasteImages(ref, state.addFiles, { scope: options.pasteScope, disabled: state.disabled });

  return (
    <ComposerContext.Provider value={state}>
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would disable and restyle the app's own controls inside it. */}
      <div
        role="group"
        aria-label={state.strings.composerLabel}
        {...domProps}
        ref={ref}
        className={cx('im-composer', className)}
        data-disabled={state.disabled || undefined}
        data-busy={state.isProcessing || undefined}
      >
        {children}
      </div>
    </ComposerContext.Provider>
  );
});
