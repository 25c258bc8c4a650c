import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { log } from './harness';
import { type FigureResult, type Series, series } from './stats';

/** Peers' gzip JS for an image-upload UI, as the issue quotes them (not measured here). */
const PEERS = [
  { name: 'Uppy Dashboard', gzipKB: '77.7' },
  { name: 'stream-chat-react composer', gzipKB: '224' },
  { name: 'Sendbird composer', gzipKB: '222' },
  { name: 'Tencent Web SDK', gzipKB: '126–175' },
];

/** reports/bundle-size.json: `goal` (15 KB JS, 3 KB CSS) and `limit` (what `npm test` enforces); older files had `budget`. */
interface BundleEntry {
  raw: number;
  gzip: number;
  goal?: number;
  limit?: number;
  budget?: number;
}
interface BundleSizes {
  js: BundleEntry;
  css: BundleEntry;
  /** `upFront`: without the chunks loaded on demand (`lazy`: the tus client). */
  httpTransport: { raw: number; gzip: number; upFront?: { raw: number; gzip: number } };
  tencentTransport: { raw: number; gzip: number };
  /** The tus client createHttpTransport loads lazily, and tus-js-client measured the same way. */
  resumable?: { ours?: { raw: number; gzip: number }; tusJsClient: { raw: number; gzip: number } };
  /** The same app from the packed packages, per bundler (Vite, esbuild with splitting, webpack 5). */
  bundlers?: Record<string, { gzip: number; limit: number }>;
}

export function bundleFigures(root: string, run: boolean): FigureResult[] {
  const path = join(root, 'reports', 'bundle-size.json');
  if (run) {
    log('bundle: node scripts/bundle-budget.mjs');
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'bundle-budget.mjs')], {
      cwd: root,
      encoding: 'utf8',
    });
    process.stdout.write(result.stdout.replace(/^/gm, '  '));
  }
  if (!existsSync(path)) return [];
  const sizes = JSON.parse(readFileSync(path, 'utf8')) as BundleSizes;
  const kb = (bytes: number) => bytes / 1024;
  const peers = `peers (gzip, from the issue): ${PEERS.map((peer) => `${peer.name} ${peer.gzipKB} KB`).join(', ')}`;
  const uppy = Number(PEERS[0]?.gzipKB);
  const one = (value: number): Series => series([value]);
  const goalOf = (entry: BundleEntry) => entry.goal ?? entry.budget ?? Number.NaN;
  const limitNote = (entry: BundleEntry) =>
    entry.limit !== undefined && entry.limit !== goalOf(entry)
      ? [
          `npm test enforces a regression limit of ${kb(entry.limit).toFixed(1)} KB (scripts/bundle-budget.mjs)`,
        ]
      : [];
  return [
    {
      id: 'B1',
      title: 'app JS up front: provider + composer + createHttpTransport, min+gzip (peers external)',
      unit: 'KB',
      subject: one(kb(sizes.js.gzip)),
      baseline: { label: 'Uppy Dashboard', ...one(uppy) },
      ratio: kb(sizes.js.gzip) / uppy,
      ratioOf: 'ours / Uppy Dashboard',
      goal: `≤ ${kb(goalOf(sizes.js))} KB`,
      met: sizes.js.gzip <= goalOf(sizes.js),
      notes: [
        peers,
        ...limitNote(sizes.js),
        ...(sizes.bundlers
          ? [
              `from the packed packages: ${Object.entries(sizes.bundlers)
                .map(([bundler, { gzip }]) => `${bundler} ${kb(gzip).toFixed(2)} KB`)
                .join(', ')} (each held to ${kb(goalOf(sizes.js))} KB by npm test)`,
            ]
          : []),
      ],
    },
    {
      id: 'B2',
      title: 'composer CSS, min+gzip',
      unit: 'KB',
      subject: one(kb(sizes.css.gzip)),
      goal: `≤ ${kb(goalOf(sizes.css))} KB`,
      met: sizes.css.gzip <= goalOf(sizes.css),
      notes: limitNote(sizes.css),
    },
    {
      id: 'B3',
      title: 'createHttpTransport JS up front, min+gzip (the app picks a transport; its tus client is B5)',
      unit: 'KB',
      subject: one(kb((sizes.httpTransport.upFront ?? sizes.httpTransport).gzip)),
      baseline: { label: 'Tencent Web SDK (low)', ...one(126) },
      ratio: kb((sizes.httpTransport.upFront ?? sizes.httpTransport).gzip) / 126,
      ratioOf: 'ours / Tencent Web SDK',
      goal: '(info)',
    },
    {
      id: 'B4',
      title: 'Tencent transport JS, min+gzip (SDK itself external)',
      unit: 'KB',
      subject: one(kb(sizes.tencentTransport.gzip)),
      goal: '(info)',
    },
    ...(sizes.resumable?.ours
      ? [
          {
            id: 'B5',
            title:
              'resumable uploads (tus client), min+gzip: a lazy chunk, loaded only when the server offers tus',
            unit: 'KB' as const,
            subject: one(kb(sizes.resumable.ours.gzip)),
            baseline: { label: 'tus-js-client 4.3.1', ...one(kb(sizes.resumable.tusJsClient.gzip)) },
            ratio: sizes.resumable.ours.gzip / sizes.resumable.tusJsClient.gzip,
            ratioOf: 'ours / tus-js-client',
            goal: '(info)',
          },
        ]
      : []),
  ];
}
