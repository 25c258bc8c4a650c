import { useCallback, useSyncExternalStore } from 'react';

/** Changes to the query string made here are announced with this event (history has none of its own). */
const CHANGED = 'demo:url-changed';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

/**
 * One query-string parameter as React state, so a reload (or a shared link) returns to it. `push` adds a
 * history entry (Back goes to the previous conversation); `replace` does not (a language choice).
 *
 * @example const [conversation, openConversation] = useUrlParam('c', 'push'); // ?c=group_team
 */
export function useUrlParam(
  name: string,
  mode: 'push' | 'replace',
): [string | null, (value: string | null) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => new URLSearchParams(window.location.search).get(name),
    () => null,
  );
  const set = useCallback(
    (next: string | null) => {
      const url = new URL(window.location.href);
      if (url.searchParams.get(name) === next) return;
      if (next === null) url.searchParams.delete(name);
      else url.searchParams.set(name, next);
      window.history[mode === 'push' ? 'pushState' : 'replaceState'](window.history.state, '', url);
      window.dispatchEvent(new Event(CHANGED));
    },
    [name, mode],
  );
  return [value, set];
}
