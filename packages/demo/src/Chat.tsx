import { createHttpTransport } from '@image-message/core';
import { ImageMessageProvider, negotiateLocale } from '@image-message/react';
import { useQuery } from '@tanstack/react-query';
import { Suspense, useMemo } from 'react';
import { fetchGroups, fetchUsers, type Session } from './api';
import { ConversationView } from './ConversationView';
import type { ConversationID } from './conversations';
import { LanguageMenu } from './LanguageMenu';
import { useUrlParam } from './urlState';
import { useMessageEvents } from './useMessageEvents';

/**
 * Where a user's unsent images are kept in this browser: one database per user, so people who share a
 * browser never see each other's drafts.
 */
const draftsOf = (userID: string) => ({ name: `image-message-demo:${userID}` });

/**
 * The signed-in app: conversations on the left, the open one on the right. Drafts and unsent images
 * survive a reload (`persist`); signing out forgets them.
 */
export function Chat({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const { userID, token } = session;
  // `userID`: the optimistic message is the signed-in user's own from the first frame.
  const transport = useMemo(() => createHttpTransport({ baseUrl: '', token, userID }), [token, userID]);
  const signOut = async () => {
    try {
      // Loaded on demand, like the store itself: the next person on this browser finds nothing.
      const { clearPersisted } = await import('@image-message/core/persist');
      await clearPersisted(draftsOf(userID));
    } finally {
      onSignOut();
    }
  };
  const users = useQuery({ queryKey: ['users', userID], queryFn: () => fetchUsers(token) });
  const groups = useQuery({ queryKey: ['groups', userID], queryFn: () => fetchGroups(token) });
  const peers = (users.data ?? []).filter((user) => user.userID !== userID);
  const conversations = [
    ...(groups.data ?? []).map((group) => ({
      id: `group_${group.groupID}` as ConversationID,
      title: group.name,
      group,
    })),
    ...peers.map((peer) => ({
      id: `c2c_${peer.userID}` as ConversationID,
      title: peer.nickName,
      group: undefined,
    })),
  ];
  // The open conversation and the language live in the URL (?c=group_team&lang=ja-JP): a reload returns to both.
  const [openID, setOpenID] = useUrlParam('c', 'push');
  const [lang, setLang] = useUrlParam('lang', 'replace');
  const locale = negotiateLocale(lang ?? undefined);
  const open = conversations.find((conversation) => conversation.id === openID) ?? conversations[0];
  useMessageEvents(userID, token);

  return (
    <ImageMessageProvider transport={transport} persist={draftsOf(userID)}>
      <div className="demo-chat">
        <nav className="demo-sidebar" aria-label="Conversations">
          <div className="demo-me">
            <span className="demo-avatar" aria-hidden="true">
              {session.nickName[0]}
            </span>
            <span>
              Signed in as <strong>{session.nickName}</strong>
            </span>
            <button type="button" className="demo-link" onClick={signOut}>
              Sign out
            </button>
          </div>
          <LanguageMenu locale={locale} onChange={setLang} />
          <ul>
            {conversations.map((conversation) => (
              <li key={conversation.id}>
                <button
                  type="button"
                  className="demo-conversation"
                  aria-current={conversation.id === open?.id ? 'page' : undefined}
                  onClick={() => setOpenID(conversation.id)}
                >
                  <span className="demo-avatar" aria-hidden="true">
                    {conversation.group ? '#' : conversation.title[0]}
                  </span>
                  {conversation.title}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {open ? (
          // A language's strings load on first use (a reload with ?lang=): nothing shows until they are in.
          <Suspense fallback={<main className="demo-empty">Loading…</main>}>
            <ConversationView
              key={open.id}
              session={session}
              conversationID={open.id}
              title={open.title}
              members={open.group?.members.filter((member) => member.userID !== userID) ?? []}
              users={users.data ?? []}
              locale={locale}
            />
          </Suspense>
        ) : (
          <main className="demo-empty">Loading conversations…</main>
        )}
      </div>
    </ImageMessageProvider>
  );
}
