import { randomUUID } from 'node:crypto';
import { call, type FigureContext, type Harness, log } from './harness';
import { raw } from './images';
import { waitForVariants } from './servers';
import { type FigureResult, series } from './stats';

/** Phone photos as the prepare step leaves them (longer side 2048): landscape, portrait, wide, tall, square. */
const SHAPES = [
  [2048, 1536],
  [1536, 2048],
  [2048, 1152],
  [1152, 2048],
  [1600, 1600],
] as const;
const MESSAGES = 100;
/** A throttled link for the list: 20 Mbit/s down, 40 ms latency. */
const LINK = { latency: 40, downloadThroughput: 20e6 / 8, uploadThroughput: -1 };

async function session(serverUrl: string, userID: string): Promise<string> {
  const response = await fetch(`${serverUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userID }),
  });
  return ((await response.json()) as { data: { token: string } }).data.token;
}

/** Carol sends bob 100 photos of mixed shapes through the reference server; waits for their variants. */
async function seedConversation(serverUrl: string) {
  const token = await session(serverUrl, 'carol');
  const photos = await Promise.all(
    SHAPES.map(([width, height], index) =>
      raw(width, height, 24, 40 + index)
        .jpeg({ quality: 85 })
        .toBuffer(),
    ),
  );
  for (let i = 0; i < MESSAGES; i++) {
    const id = `img_${randomUUID().replaceAll('-', '')}`;
    const response = await fetch(`${serverUrl}/api/messages/${id}?receiver=bob`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'image/jpeg',
        'x-file-name': `photo-${i}.jpg`,
      },
      body: new Uint8Array(photos[i % photos.length] as Buffer),
    });
    const reply = (await response.json()) as {
      code: number;
      desc: string;
      data: { imageElem: { imageList: { type: number; url: string }[] } };
    };
    if (reply.code !== 0) throw new Error(`seeding failed: ${reply.desc}`);
    await waitForVariants(
      reply.data.imageElem.imageList.filter((image) => image.type !== 0).map((image) => image.url),
    );
  }
}

/** Counts the bytes of image responses (`/files/`) the page receives, through CDP network events. */
function countImageBytes(h: Harness) {
  const urls = new Map<string, string>();
  let bytes = 0;
  let requests = 0;
  let origins = 0;
  const onResponse = (event: { requestId: string; response: { url: string } }) => {
    if (event.response.url.includes('/files/')) urls.set(event.requestId, event.response.url);
  };
  const onFinished = (event: { requestId: string; encodedDataLength: number }) => {
    const url = urls.get(event.requestId);
    if (!url) return;
    bytes += event.encodedDataLength;
    requests += 1;
    if (url.includes('/origin?')) origins += 1;
  };
  h.cdp.on('Network.responseReceived', onResponse);
  h.cdp.on('Network.loadingFinished', onFinished);
  return () => {
    h.cdp.off('Network.responseReceived', onResponse);
    h.cdp.off('Network.loadingFinished', onFinished);
    return { bytes, requests, origins };
  };
}

export async function figure8(h: Harness, { serverUrl }: FigureContext): Promise<FigureResult[]> {
  log('figure 8: seeding 100 image messages');
  await seedConversation(serverUrl);
  const conversation = await call(h.page, 'loadConversation', {
    serverUrl,
    token: await session(serverUrl, 'bob'),
    conversationID: 'c2c_carol',
  });
  if (conversation.count !== MESSAGES)
    throw new Error(`expected ${MESSAGES} messages, read ${conversation.count}`);
  // Tall enough for all 100 bubbles (25 rows of 4), so every one of them loads.
  const viewport = h.page.viewportSize();
  await h.page.setViewportSize({ width: 1100, height: 7000 });
  await h.cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await h.cdp.send('Network.emulateNetworkConditions', { offline: false, ...LINK });
  const out: FigureResult[] = [];
  try {
    const lists = await h.rounds(
      {
        view: async () => {
          const stop = countImageBytes(h);
          const shown = await call(h.page, 'showList', 'view');
          return { ...shown, ...stop() };
        },
        naive: async () => {
          const stop = countImageBytes(h);
          const shown = await call(h.page, 'showList', 'naive');
          return { ...shown, ...stop() };
        },
      },
      { warmups: 0, runs: h.runs(3) },
    );
    const cls = series(lists.view.map((run) => run.cls));
    out.push({
      id: '8a',
      title: 'CLS while 100 image messages load (20 Mbit/s)',
      unit: 'count',
      how: 'A grid of 100 <ImageMessageView>s (demo sizes, 260 px) mounted over a 20 Mbit/s, 40 ms link (CDP), cache off; the sum of layout-shift entries without recent input until every view is data-state=loaded. Baseline: the same THUMBs as plain <img>s with no reserved size.',
      subject: cls,
      baseline: { label: 'plain <img> list', ...series(lists.naive.map((run) => run.cls)) },
      goal: '0',
      met: cls.max === 0,
      extra: { msToAllLoaded: series(lists.view.map((run) => run.ms)) },
    });
    const ratio = series(lists.view.map((run) => run.bytes / conversation.originBytes));
    out.push({
      id: '8b',
      title: 'bytes fetched for 100 bubbles ÷ bytes of their ORIGINs',
      unit: 'ratio',
      how: 'Bytes on the wire (CDP Network.loadingFinished encodedDataLength) of every /files/ response while the 100 views load, divided by the sum of the ORIGIN sizes the messages state.',
      subject: ratio,
      goal: '≤ 0.1×',
      met: ratio.max <= 0.1,
      extra: {
        originBytes: conversation.originBytes,
        fetchedBytes: lists.view.map((run) => run.bytes),
        requests: lists.view.map((run) => run.requests),
        originRequests: lists.view.map((run) => run.origins),
      },
    });

    // The viewer: from a click on a bubble to its LARGE on screen, against loading that LARGE directly.
    await call(h.page, 'showList', 'view');
    let next = 0;
    const opens = await h.rounds(
      {
        viewer: async () => {
          const ms = await call(h.page, 'openViewer', next++);
          await call(h.page, 'closeViewer');
          return ms;
        },
        direct: () => call(h.page, 'loadLargeDirectly', next++),
      },
      { warmups: 1, runs: h.runs(9) },
    );
    const open = series(opens.viewer);
    const direct = series(opens.direct);
    out.push({
      id: '8c',
      title: 'viewer open → LARGE visible (20 Mbit/s)',
      unit: 'ms',
      how: 'In the page: from the open button’s click to the viewer’s LARGE <img> loaded and decoded, a different message each run (the first run, a warm-up, also loads the viewer’s lazy chunk). Baseline: new Image() of another message’s LARGE, loaded and decoded.',
      subject: open,
      baseline: { label: 'LARGE as a plain new Image()', ...direct },
      ratio: open.median / direct.median,
      ratioOf: 'median / baseline median',
      goal: '(info)',
    });

    await h.cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const paging = await h.rounds(
      {
        paging: async () => {
          await call(h.page, 'openViewer', 0);
          const result = await call(h.page, 'pageThroughViewer', { pages: 20, gapMs: 120, idle: false });
          await call(h.page, 'closeViewer');
          return result;
        },
        idle: () => call(h.page, 'pageThroughViewer', { pages: 20, gapMs: 120, idle: true }),
      },
      { warmups: 1, runs: h.runs(5) },
    );
    const tasks = series(paging.paging.map((run) => run.longTasks));
    out.push({
      id: '8d',
      title: 'long tasks > 50 ms while paging through 20 images in the viewer',
      unit: 'count',
      how: 'The viewer open at the first of 100 messages; → pressed 20 times, 120 ms apart (each page loads a LARGE and streams the ORIGIN); PerformanceObserver("longtask") entries > 50 ms in that window. Baseline: the same window with the page idle.',
      subject: tasks,
      baseline: { label: 'idle page, same window', ...series(paging.idle.map((run) => run.longTasks)) },
      goal: '0 long tasks',
      met: tasks.max === 0,
      extra: {
        longestTaskMs: series(paging.paging.map((run) => run.longestTaskMs)),
        culprits: paging.paging.map((run) => run.culprits),
      },
    });
  } finally {
    await h.cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await h.cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    if (viewport) await h.page.setViewportSize(viewport);
    await call(h.page, 'unmount');
  }
  return out;
}
