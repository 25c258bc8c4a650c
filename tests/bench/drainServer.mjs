// The baseline of figure 4, in a process of its own as the reference server runs (servers.ts): reads every
// body byte and throws it away, with the reference server's CORS answers (CORS_HEADERS, JSON, read from it
// at start). `PUT /api/messages/:id` answers with a minimal sent-message envelope, so `createHttpTransport`
// pointed here succeeds as well (that isolates the transport from the server's own work). Prints
// "listening on <url>" as the reference server's main.js does.
import { createServer } from 'node:http';

const cors = JSON.parse(process.env.CORS_HEADERS ?? '{"preflight":{},"response":{}}');
let seq = 0;
const server = createServer((req, res) => {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors.preflight).end();
    return;
  }
  let received = 0;
  req.on('data', (chunk) => {
    received += chunk.length;
  });
  req.on('end', () => {
    seq++;
    const body = JSON.stringify({
      code: 0,
      desc: '',
      data: {
        msgID: `drain_${seq}`,
        timestamp: Math.floor(Date.now() / 1000),
        sender: 'alice',
        received,
        imageElem: { imageList: [] },
      },
    });
    res.writeHead(200, { ...cors.response, 'content-type': 'application/json' }).end(body);
  });
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`drain server listening on http://127.0.0.1:${server.address().port}`);
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
