import type { V2TimMessage } from '@image-message/core';
import { useCreateImageMessage, useSendMessage } from '@image-message/react';
import { useQuery } from '@tanstack/react-query';
import './hookDemo.css';

export interface UseSendMessageDemoProps {
  /** One-to-one peer; with `groupID`, the only member who sees the message. */
  receiver?: string;
  /** Alone: a group message. */
  groupID?: string;
}

const statusNames: Record<number, string> = { 1: '1 sending', 2: '2 sent', 3: '3 failed' };

/**
 * The smallest UI over `useSendMessage`: pick one image (made a draft by `useCreateImageMessage`), then
 * Send and Cancel. Shows the mutation's `status`, `progress`, `error` and `data`, and the app's cached
 * conversation (`queryKey`) that the hook updates optimistically.
 */
export function UseSendMessageDemo({ receiver, groupID }: UseSendMessageDemoProps) {
  const queryKey = ['messages', groupID ?? receiver];
  const { drafts, addFiles } = useCreateImageMessage({ maxFiles: 1 });
  const send = useSendMessage({ queryKey });
  // The app's own list of the conversation; the hook writes the sending message into it.
  const { data: cached } = useQuery<V2TimMessage[]>({
    queryKey,
    queryFn: () => [],
    initialData: [],
    staleTime: Number.POSITIVE_INFINITY,
  });
  const draft = drafts[0];
  // A draft is sendable once its photo is prepared (status `created`); until then it has no message.
  const ready = draft !== undefined && draft.status !== 'preparing';

  return (
    <div className="hook-demo">
      <div className="hook-demo__row">
        <label className="hook-demo__field">
          Choose an image
          <input
            type="file"
            onChange={(event) => {
              const files = Array.from(event.currentTarget.files ?? []);
              event.currentTarget.value = '';
              void addFiles(files);
            }}
          />
        </label>
        {ready && <img src={draft.previewUrl} alt={draft.fileName} className="hook-demo__thumb" />}
        <button
          type="button"
          disabled={!ready || draft.status === 'sending'}
          onClick={() => draft && send.mutate({ id: draft.id, receiver, groupID })}
        >
          Send
        </button>
        <button type="button" disabled={!send.isPending} onClick={() => send.cancel()}>
          Cancel
        </button>
      </div>

      <progress max={100} value={send.progress} aria-label="Upload progress" />
      <dl aria-label="useSendMessage result">
        <dt>status</dt>
        <dd data-testid="status">{send.status}</dd>
        <dt>progress</dt>
        <dd data-testid="progress">{send.progress}</dd>
        <dt>error</dt>
        <dd data-testid="error">{send.error ? `${send.error.code}: ${send.error.desc}` : '—'}</dd>
        <dt>data.msgID</dt>
        <dd data-testid="msgID">{send.data?.msgID ?? '—'}</dd>
      </dl>

      <table className="hook-demo__table">
        <caption>cached conversation (queryKey)</caption>
        <thead>
          <tr>
            <th scope="col">id</th>
            <th scope="col">status</th>
            <th scope="col">progress</th>
          </tr>
        </thead>
        <tbody>
          {cached.map((message) => (
            <tr key={message.id}>
              <td className="hook-demo__name">{message.id}</td>
              <td>{statusNames[message.status ?? 0] ?? message.status}</td>
              <td>{message.progress}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
