import type { V2TimMessage } from '@image-message/core';

/** The reference server's answer envelope (the SDK's `{ code, desc, data }`). */
interface Envelope<T> {
  code: number;
  desc: string;
  data: T;
}

export interface User {
  userID: string;
  nickName: string;
}

export interface Group {
  groupID: string;
  name: string;
  members: User[];
}

export interface Session extends User {
  token: string;
}

export interface MessagePage {
  conversationID: string;
  messages: V2TimMessage[];
  cursor: string;
  hasMore: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly desc: string,
  ) {
    super(desc);
  }
}

async function call<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (init.body) headers.set('content-type', 'application/json');
  const response = await fetch(`/api${path}`, { ...init, headers });
  const body = (await response.json().catch(() => null)) as Envelope<T> | null;
  if (!response.ok || !body || body.code !== 0) {
    throw new ApiError(
      body?.code ?? response.status,
      body?.desc ?? `The server answered ${response.status}.`,
    );
  }
  return body.data;
}

/** Development sign-in: the reference server issues a token for a seeded user (a stand-in for real auth). */
export const signIn = (userID: string) =>
  call<Session>('/session', { method: 'POST', body: JSON.stringify({ userID }) });
export const fetchUsers = (token: string) => call<User[]>('/users', { token });
export const fetchGroups = (token: string) => call<Group[]>('/groups', { token });
export const fetchMessages = (token: string, conversationID: string) =>
  call<MessagePage>(`/conversations/${encodeURIComponent(conversationID)}/messages?limit=100`, { token });
