import type { V2TimMessage } from '@image-message/core';
import { DropOverlay, type ImageMessageLocale, useImageDrop } from '@image-message/react';
import { useEffect, useRef } from 'react';
import { MessageItem } from './MessageItem';

interface MessageLogProps {
  label: string;
  messages: readonly V2TimMessage[];
  loading: boolean;
  error?: string;
  viewer: string;
  nameOf: (userID: string) => string;
  onLoadError: () => void;
  locale: ImageMessageLocale;
}

/**
 * The conversation as `role="log"`: screen readers hear new messages as they arrive, oldest first.
 * Images dropped anywhere on it go to the composer (it sits inside the composer's Root).
 */
export function MessageLog({
  label,
  messages,
  loading,
  error,
  viewer,
  nameOf,
  onLoadError,
  locale,
}: MessageLogProps) {
  const end = useRef<HTMLLIElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const dragState = useImageDrop(frame);
  const count = messages.length;
  useEffect(() => {
    if (count > 0) end.current?.scrollIntoView({ block: 'end' });
  }, [count]);

  return (
    <div className="demo-log-frame" ref={frame}>
      <div className="demo-log-scroll">
        {/* The log wraps the list: a list item must sit in a list, not directly in a log. */}
        <div role="log" aria-label={label} aria-live="polite">
          <ol className="demo-log">
            {messages.map((message) => (
              <MessageItem
                key={message.id ?? message.msgID}
                message={message}
                conversation={messages}
                viewer={viewer}
                nameOf={nameOf}
                onLoadError={onLoadError}
                locale={locale}
              />
            ))}
            <li ref={end} aria-hidden="true" className="demo-log__end" />
          </ol>
        </div>
        {loading && <p className="demo-note">Loading messages…</p>}
        {!loading && count === 0 && !error && (
          <p className="demo-note">No messages yet. Drop, paste or pick an image below.</p>
        )}
        {error && <p role="alert">{error}</p>}
      </div>
      <DropOverlay dragState={dragState} />
    </div>
  );
}
