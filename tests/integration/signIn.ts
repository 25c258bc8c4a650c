/** A session token from the reference server at `serverUrl` (`POST /api/session`), as the demo gets one. */
export async function signIn(serverUrl: string, userID = 'alice'): Promise<string> {
  const response = await fetch(`${serverUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userID }),
  });
  return ((await response.json()) as { data: { token: string } }).data.token;
}
