import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawExchange } from './support/rawHttp';
import { startTestServer, type TestServer } from './support/testServer';

// Every error answer is `{ code, desc }`, also the ones Node's HTTP parser and fastify make before any
// route runs (their defaults are `{"error":"Bad Request","statusCode":400}` or an empty body).

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

/** Writes `text` as it is to a fresh connection and parses the first answer's status and JSON body. */
async function exchange(text: string) {
  const [answer] = await rawExchange(server.url, [Buffer.from(text, 'latin1')], { endAfterWrite: true });
  if (answer === undefined) throw new Error('no answer');
  const split = answer.indexOf('\r\n\r\n');
  const head = answer.slice(0, split);
  return {
    status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]),
    contentType: /^content-type: (.*)$/im.exec(head)?.[1],
    body: JSON.parse(answer.slice(split + 4)) as Record<string, unknown>,
  };
}

const json = (body: string, headers = '') =>
  `POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${headers}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

const cases: [name: string, request: string, status: number, code: number][] = [
  [
    'Content-Length together with Transfer-Encoding: chunked',
    'PUT /api/messages/img_1?receiver=bob HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    400,
    6017,
  ],
  [
    'bytes left over after a body (longer than its Content-Length)',
    'POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}garbage after the body\r\n\r\n',
    400,
    6017,
  ],
  ['not HTTP at all', 'HELLO WORLD\r\n\r\n', 400, 6017],
  [
    'a header block over 16 KB',
    `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    431,
    6017,
  ],
  ['no Host header on HTTP/1.1', 'GET /api/health HTTP/1.1\r\n\r\n', 400, 6017],
  ['bad JSON', json('{bad}'), 400, 6017],
  ['an empty JSON body', json(''), 400, 6017],
  ['a JSON body over 64 KB', json(`"${'a'.repeat(70_000)}"`), 413, 7005],
  [
    'a body that is not JSON (415 from fastify)',
    'POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 4\r\n\r\n<a/>',
    415,
    6017,
  ],
  [
    'a malformed Content-Type',
    'POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: ;;;\r\nContent-Length: 2\r\n\r\n{}',
    415,
    6017,
  ],
  ['an undecodable path', 'GET /api/messages/%zz HTTP/1.1\r\nHost: x\r\n\r\n', 400, 6017],
  ['an unknown route', 'GET /nope HTTP/1.1\r\nHost: x\r\n\r\n', 404, 7004],
  ['a known path with an unknown method', 'DELETE /api/health HTTP/1.1\r\nHost: x\r\n\r\n', 404, 7004],
];

describe('every error answer uses the { code, desc } envelope', () => {
  it.each(cases)('%s → %i with code %i', async (_name, request, status, code) => {
    const answer = await exchange(request);
    expect(answer.status).toBe(status);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(Object.keys(answer.body).sort()).toEqual(['code', 'desc']);
    expect(answer.body.code).toBe(code);
    expect(answer.body.desc).toMatch(/\w{3,}.*\./);
  });

  it('never echoes the request bytes back', async () => {
    const answer = await exchange('GET /<script>%zz HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(JSON.stringify(answer.body)).not.toContain('<script>');
  });

  it('keeps serving after a connection was refused as malformed', async () => {
    await exchange('HELLO WORLD\r\n\r\n');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
