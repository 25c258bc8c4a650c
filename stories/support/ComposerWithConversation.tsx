import { ImageType, type V2TimMessage } from '@image-message/core';
import { ImageMessageComposer, type ImageMessageComposerProps } from '@image-message/react';
import { useState } from 'react';

/**
 * The composer under a tiny conversation fed by `onSent`, so a sent image is seen arriving: the draft
 * leaves the composer and the delivered message (status 2, with its server URL) appears above.
 */
export function ComposerWithConversation(props: ImageMessageComposerProps) {
  const [messages, setMessages] = useState<V2TimMessage[]>([]);
  const peer = props.receiver ?? props.groupID ?? '';
  return (
    <div className="story-chat">
      {/* role="log" is not allowed on a list, so the log wraps one. */}
      <div className="story-chat__log" role="log" aria-label={`Conversation with ${peer}`}>
        {messages.length === 0 ? (
          <p className="story-chat__empty">No messages yet</p>
        ) : (
          <ol className="story-chat__messages">
            {messages.map((message) => {
              const origin = message.imageElem?.imageList?.find((image) => image.type === ImageType.ORIGIN);
              return (
                <li key={message.msgID} className="story-chat__message">
                  <a href={origin?.url}>
                    <img
                      src={origin?.url}
                      alt={`${message.msgID}: ${origin?.width} × ${origin?.height}, sent to ${peer}`}
                      width={160}
                    />
                  </a>
                  <span className="story-chat__meta">
                    {origin?.width} × {origin?.height} · {message.status === 2 ? 'Delivered' : 'Sending'}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </div>
      <ImageMessageComposer
        {...props}
        onSent={(message) => {
          setMessages((list) => [...list, message]);
          props.onSent?.(message);
        }}
      />
    </div>
  );
}
