// The baseline of figure 4, in a process of its own as the reference server runs (servers.ts): reads every
// body byte and throws it away, with the reference server's CORS answers (CORS_HEADERS, JSON, read from it
// at start). `PUT /api/messages/:id` answers with a minimal sent-message envelope, so `createHttpTransport`
// pointed here succeeds as well (that isolates the transport from the server's own work). Prints
// "listening on <url>" as the reference server's main.js does.
//
// With STORE_DIR it stores each body instead, as the least any server must do with an upload and the
// reference server does too: written to a new file as it arrives (1 MiB buffer, backpressure).
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const cors = JSON.parse(process.env.CORS_HEADERS ?? '{"preflight":{},"response":{}}');
const storeDir = process.env.STORE_DIR;
if (storeDir) mkdirSync(storeDir, { recursive: true });
let seq = 0;
const server = createServer((req, res) => {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors.preflight).end();
    return;
  }
  const n = ++seq;
  let received = 0;
  const file = storeDir
    ? createWriteStream(join(storeDir, `body_${n}`), { flags: 'wx', highWaterMark: 1 << 20 })
    : undefined;
  req.on('data', (chunk) => {
    received += chunk.length;
    if (file && !file.write(chunk)) {
      req.pause();
      file.once('drain', () => req.resume());
    }
  });
  req.on('end', () => {
    if (file) file.end(answer);
    else answer();
  });
  const answer = () => {
    const body = JSON.stringify({
      code: 0,
      desc: '',
      data: {
        msgID: `drain_${n}`,
        timestamp: Math.floor(Date.now() / 1000),
        sender: 'alice',
        received,
        imageElem: { imageList: [] },
      },
    });
    res.writeHead(200, { ...cors.response, 'content-type': 'application/json' }).end(body);
  };
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`drain server listening on http://127.0.0.1:${server.address().port}`);
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
