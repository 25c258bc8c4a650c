import type { Ref, RefCallback } from 'react';

/** One ref callback feeding several refs: a part's forwarded ref and react-dropzone's own. */
export function mergeRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  return (value) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(value);
      else if (ref) (ref as { current: T | null }).current = value;
    }
  };
}
