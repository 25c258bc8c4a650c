import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViewerMessage } from '../src/messages/toV2TimMessage';
import { openEvents, type ServerEvent } from './support/openEvents';
import { fixture, startTestServer, type TestServer } from './support/testServer';

let server: TestServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const user of ['alice', 'bob', 'carol']) tokens[user] = await server.login(user);
});
afterAll(() => server.dispose());

describe('GET /api/events', () => {
  it('pushes each new message to exactly the users who may see it, with their own links', async () => {
    const streams = Object.fromEntries(
      ['alice', 'bob', 'carol'].map((user) => [
        user,
        openEvents(`${server.url}/api/events?token=${tokens[user]}`),
      ]),
    );
    for (const stream of Object.values(streams)) {
      expect((await stream.ready).headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(await stream.next()).toMatchObject({ event: 'ready' });
    }
    const send = async (params: { receiver?: string; groupID?: string }) =>
      (await server.send(tokens.alice as string, { bytes: fixture('photo.jpg'), ...params })).body
        .data as ViewerMessage;
    const c2c = await send({ receiver: 'bob' });
    const targeted = await send({ groupID: 'team', receiver: 'bob' });
    const group = await send({ groupID: 'team' });

    const seen = async (user: string, count: number) => {
      const events: ServerEvent[] = [];
      for (let i = 0; i < count; i++)
        events.push(await (streams[user] as ReturnType<typeof openEvents>).next());
      return events.map((event) => (event.data as ViewerMessage).msgID);
    };
    expect(await seen('alice', 3)).toEqual([c2c.msgID, targeted.msgID, group.msgID]);
    expect(await seen('bob', 3)).toEqual([c2c.msgID, targeted.msgID, group.msgID]);
    // Carol's first message event is the group one: the one-to-one and targeted ones never reached her.
    const carols = await (streams.carol as ReturnType<typeof openEvents>).next();
    expect(carols).toMatchObject({ event: 'message', id: group.seq });
    const forCarol = carols.data as ViewerMessage;
    expect(forCarol.msgID).toBe(group.msgID);
    expect(new URL(forCarol.imageElem?.imageList?.[0]?.url as string).searchParams.get('u')).toBe('carol');
    expect(forCarol.isSelf).toBe(false);
    for (const stream of Object.values(streams)) stream.close();
  });

  it('replays what was missed after Last-Event-ID', async () => {
    const missed = (
      await server.send(tokens.alice as string, { bytes: fixture('image.png'), receiver: 'carol' })
    ).body.data as ViewerMessage;
    const stream = openEvents(`${server.url}/api/events`, {
      authorization: `Bearer ${tokens.carol}`,
      'last-event-id': String(Number(missed.seq) - 1),
    });
    expect((await stream.next()).event).toBe('ready');
    const replayed = await stream.next();
    expect(replayed).toMatchObject({ event: 'message', id: missed.seq });
    expect((replayed.data as ViewerMessage).msgID).toBe(missed.msgID);
    stream.close();
  });
});
