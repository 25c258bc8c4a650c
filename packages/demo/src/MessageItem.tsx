import { findOriginImage, MessageStatus, pickImageVariant, type V2TimMessage } from '@image-message/core';

interface MessageItemProps {
  message: V2TimMessage;
  viewer: string;
  nameOf: (userID: string) => string;
}

const THUMB_SIDE = 198;

function timeOf(message: V2TimMessage): string {
  return message.timestamp
    ? new Date(message.timestamp * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : '';
}

/** One image message: a thumbnail inside a link to the original, who sent it, and its state. */
export function MessageItem({ message, viewer, nameOf }: MessageItemProps) {
  const mine = message.sender === viewer || (message.sender === undefined && message.isSelf);
  const list = message.imageElem?.imageList;
  const origin = findOriginImage(list);
  const thumb = pickImageVariant(list, THUMB_SIDE * (globalThis.devicePixelRatio ?? 1)) ?? origin;
  const name = message.imageElem?.path?.split('/').pop() || 'image';
  const sending = message.status === MessageStatus.SENDING;
  const failed = message.status === MessageStatus.SEND_FAIL;
  const src = thumb?.url ?? origin?.localUrl;
  const width = thumb?.width ?? origin?.width ?? THUMB_SIDE;
  const height = thumb?.height ?? origin?.height ?? THUMB_SIDE;
  const image = src ? (
    <img
      src={src}
      alt={`Sent by ${mine ? 'you' : nameOf(message.sender ?? '')}`}
      width={width}
      height={height}
      loading="lazy"
    />
  ) : null;

  return (
    <li className={`demo-message ${mine ? 'demo-message--mine' : ''}`} data-status={message.status}>
      <span className="demo-message__meta">
        {mine ? 'You' : nameOf(message.sender ?? '')}
        {message.groupID && message.userID && (
          <> → only {message.userID === viewer ? 'you' : nameOf(message.userID)}</>
        )}
        {timeOf(message) && <time> · {timeOf(message)}</time>}
      </span>
      {origin?.url && !sending ? (
        <a
          className="demo-message__image"
          href={origin.url}
          target="_blank"
          rel="noreferrer"
          title={`Open ${name} (original)`}
        >
          {image}
        </a>
      ) : (
        <span className="demo-message__image demo-message__image--local">{image}</span>
      )}
      {sending && <span className="demo-message__state">Sending… {message.progress ?? 0}%</span>}
      {failed && (
        <span className="demo-message__state demo-message__state--failed">Not sent — use Retry below</span>
      )}
    </li>
  );
}
