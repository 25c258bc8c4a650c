import {
  type ComponentType,
  type ForwardRefExoticComponent,
  forwardRef,
  type PropsWithoutRef,
  type Ref,
  type RefAttributes,
  Suspense,
} from 'react';

/** A chunk of parts that loads on demand: `load()` starts it (once), `loaded()` has it once it is there. */
export interface PartsChunk<Parts> {
  load(): Promise<Parts>;
  loaded(): Parts | undefined;
  /** Why it could not load, if it could not. */
  failure(): unknown;
}

interface LoadingPartProps {
  chunk: PartsChunk<unknown>;
  pick: (parts: never) => ComponentType<never>;
  props: object;
  forwardedRef: Ref<unknown>;
}

/** Suspends until the chunk is there, then renders the part; the tree keeps one shape either way. */
function LoadingPart({ chunk, pick, props, forwardedRef }: LoadingPartProps) {
  const parts = chunk.loaded();
  if (!parts) {
    // A chunk that failed to load is an error for the app's error boundary, not a wait that never ends.
    if (chunk.failure()) throw chunk.failure();
    throw chunk.load();
  }
  const Part = pick(parts as never) as ComponentType<object & { ref: Ref<unknown> }>;
  return <Part {...props} ref={forwardedRef} />;
}

/**
 * A part whose code loads with its chunk: the parts of a draft only ever show once an image was added, so an
 * app's first load does not carry them. Renders nothing until the chunk is there (a tick after the first
 * image, which is still being prepared then), and keeps the part's props and ref.
 */
export function lazyPart<Parts, Props extends object, Element>(
  name: string,
  chunk: PartsChunk<Parts>,
  pick: (parts: Parts) => ComponentType<Props & RefAttributes<Element>>,
): ForwardRefExoticComponent<PropsWithoutRef<Props> & RefAttributes<Element>> {
  // biome-ignore lint/correctness/noComponentHookFactories: made once per part, at module level, never during a render.
  const Part = forwardRef<Element, Props>(function LazyPart(props, ref) {
    return (
      <Suspense fallback={null}>
        <LoadingPart
          chunk={chunk as PartsChunk<unknown>}
          pick={pick as LoadingPartProps['pick']}
          props={props}
          forwardedRef={ref}
        />
      </Suspense>
    );
  });
  Part.displayName = name;
  return Part;
}
