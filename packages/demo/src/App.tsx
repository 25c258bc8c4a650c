import { useState } from 'react';
import type { Session } from './api';
import { Chat } from './Chat';
import { SignIn } from './SignIn';
import { loadSession, saveSession } from './session';

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const choose = (next: Session | null) => {
    saveSession(next);
    setSession(next);
  };
  return session ? (
    <Chat key={session.userID} session={session} onSignOut={() => choose(null)} />
  ) : (
    <SignIn onSignIn={choose} />
  );
}
