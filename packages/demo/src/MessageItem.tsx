import type { V2TimMessage } from '@image-message/core';
import { type ImageMessageLocale, ImageMessageView } from '@image-message/react';

interface MessageItemProps {
  message: V2TimMessage;
  conversation: readonly V2TimMessage[];
  viewer: string;
  nameOf: (userID: string) => string;
  /** An image failed to load (an expired link, say): fetch the messages again for fresh links. */
  onLoadError: () => void;
  locale: ImageMessageLocale;
}

/** When it was sent, in the chosen language (as the viewer's title says it), not the browser's. */
function timeOf(message: V2TimMessage, locale: ImageMessageLocale): string {
  return message.timestamp
    ? new Date(message.timestamp * 1000).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
    : '';
}

/** One image message: who sent it and when, a link to the original, and the image itself. */
export function MessageItem({
  message,
  conversation,
  viewer,
  nameOf,
  onLoadError,
  locale,
}: MessageItemProps) {
  const mine = message.sender === viewer || (message.sender === undefined && message.isSelf);
  const time = timeOf(message, locale);
  return (
    <li className={`demo-message ${mine ? 'demo-message--mine' : ''}`} data-status={message.status}>
      <span className="demo-message__meta">
        {mine ? 'You' : nameOf(message.sender ?? '')}
        {message.groupID && message.userID && (
          <> → only {message.userID === viewer ? 'you' : nameOf(message.userID)}</>
        )}
        {time && <time> · {time}</time>}
        <ImageMessageView.OriginLink message={message} locale={locale} className="demo-message__origin" />
      </span>
      <ImageMessageView
        className="demo-message__image"
        message={message}
        conversation={conversation}
        onLoadError={onLoadError}
        locale={locale}
      />
    </li>
  );
}
