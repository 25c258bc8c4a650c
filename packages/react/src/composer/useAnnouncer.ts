import { useCallback, useEffect, useRef, useState } from 'react';
import { scheduleFrame } from '../scheduleFrame';

/**
 * Text for a polite live region. Repeating the same sentence would not be re-read, so a repeat gets a
 * trailing no-break space; messages landing in the same frame are joined, and land in the same commit as
 * the drafts they describe (both move on animation frames).
 */
export function useAnnouncer(): [string, (message: string) => void] {
  const [text, setText] = useState('');
  const mounted = useRef(true);
  const queued = useRef<string[]>([]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const announce = useCallback((message: string) => {
    if (!mounted.current || !message) return;
    queued.current.push(message);
    if (queued.current.length > 1) return;
    scheduleFrame(() => {
      const joined = queued.current.join('. ');
      queued.current = [];
      if (mounted.current) setText((previous) => (previous === joined ? `${joined}\u00a0` : joined));
    });
  }, []);

  return [text, announce];
}
