import type { V2TimMessage } from '@image-message/core';
import { ImageMessageComposer } from '@image-message/react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { fetchMessages, type Session, type User } from './api';
import { type ConversationID, messagesKey } from './conversations';
import { MessageLog } from './MessageLog';

interface ConversationViewProps {
  session: Session;
  conversationID: ConversationID;
  title: string;
  /** For a group: the other members, any of whom can be the only receiver of a targeted image. */
  members: User[];
  users: User[];
}

export function ConversationView({ session, conversationID, title, members, users }: ConversationViewProps) {
  const queryKey = messagesKey(session.userID, conversationID);
  const messages = useQuery({
    queryKey,
    queryFn: async (): Promise<V2TimMessage[]> =>
      (await fetchMessages(session.token, conversationID)).messages,
  });
  const queryClient = useQueryClient();
  const isGroup = conversationID.startsWith('group_');
  const [onlyFor, setOnlyFor] = useState('');
  const targetId = useId();
  const nameOf = (userID: string) => users.find((user) => user.userID === userID)?.nickName ?? userID;
  const address = isGroup
    ? { groupID: conversationID.slice('group_'.length), ...(onlyFor && { receiver: onlyFor }) }
    : { receiver: conversationID.slice('c2c_'.length) };

  return (
    <main className="demo-conversation-view" aria-labelledby={`${targetId}-title`}>
      <header className="demo-header">
        <h1 id={`${targetId}-title`}>{title}</h1>
        {isGroup && (
          <label className="demo-target" htmlFor={targetId}>
            Send to
            <select id={targetId} value={onlyFor} onChange={(event) => setOnlyFor(event.target.value)}>
              <option value="">Everyone in {title}</option>
              {members.map((member) => (
                <option key={member.userID} value={member.userID}>
                  Only {member.nickName}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      {/* One composer Root holds the log and the composer, so images dropped on the log are sent too;
          the composer's own controls are the "Send images" group inside it. */}
      <ImageMessageComposer.Root
        className="demo-conversation-body"
        aria-label={`Conversation with ${title}`}
        queryKey={queryKey}
        // A failed draft says where Retry sends it ("Retry sends it to Bob only"), by name.
        nameOf={(id) => (isGroup && `group_${id}` === conversationID ? title : nameOf(id))}
        {...address}
      >
        <MessageLog
          label={`Messages with ${title}`}
          messages={messages.data ?? []}
          loading={messages.isPending}
          error={messages.error?.message}
          viewer={session.userID}
          nameOf={nameOf}
          onLoadError={() => void queryClient.invalidateQueries({ queryKey })}
        />
        {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would restyle and disable the controls inside. */}
        <div className="demo-composer" role="group" aria-label="Send images">
          <ImageMessageComposer.DropzoneInput />
          <ImageMessageComposer.Dropzone />
          <ImageMessageComposer.Rejections />
          <ImageMessageComposer.StorageAlert />
          <ImageMessageComposer.Previews />
          <div className="im-composer__footer">
            <ImageMessageComposer.OriginalSwitch />
            <ImageMessageComposer.SendButton />
          </div>
          <ImageMessageComposer.Status />
        </div>
      </ImageMessageComposer.Root>
    </main>
  );
}
