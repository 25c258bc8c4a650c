import { useState } from 'react';
import { type Session, signIn } from './api';

const PEOPLE = [
  { userID: 'alice', nickName: 'Alice' },
  { userID: 'bob', nickName: 'Bob' },
  { userID: 'carol', nickName: 'Carol' },
];

/** Pick who you are. The reference server's dev tokens stand in for a real login. */
export function SignIn({ onSignIn }: { onSignIn: (session: Session) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choose = async (userID: string) => {
    setBusy(true);
    setError(null);
    try {
      onSignIn(await signIn(userID));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  };
  return (
    <main className="demo-signin">
      <h1>image-message demo</h1>
      <p>Who are you? Open a second tab as someone else to watch messages arrive.</p>
      <div className="demo-signin__people">
        {PEOPLE.map((person) => (
          <button
            key={person.userID}
            type="button"
            className="demo-person"
            disabled={busy}
            onClick={() => choose(person.userID)}
          >
            <span className="demo-avatar" aria-hidden="true">
              {person.nickName[0]}
            </span>
            {person.nickName}
          </button>
        ))}
      </div>
      {error && <p role="alert">{error}</p>}
    </main>
  );
}
