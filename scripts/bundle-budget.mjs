#!/usr/bin/env node
// The bundle budget, checked in `npm test` because byte sizes are deterministic. What an app ships to show
// the composer and send with the reference server — `ImageMessageProvider`, `ImageMessageComposer` and
// `createHttpTransport`, with what they use of core — is built the way an app's bundler builds it
// (production, minified), the peers (react, react-dom, @tanstack/react-query, react-dropzone) external,
// and gzipped. Counted: the JS the page loads with the app (the entry and what it imports statically).
// Code that loads when it is first needed is reported beside it, chunk by chunk: preparing photos,
// the header readers and the draft's parts (with the first photo), the HTTP transport's sending code (with the first send), a
// locale's strings (with that locale: English alone is in the app JS),
// the tus client (when the server offers tus), the cache writer (with a queryKey), the store (with
// `persist`), the HEIC decoder (with the first HEIC), the image viewer (when it opens).
//
// Limits (issue 12): app JS ≤ 15 KB; the composer's CSS ≤ 3 KB. `npm test` fails above either.
//
// Then the same app again from the packed packages (built, `pnpm pack`ed and installed in a scratch app
// outside the repository), built by each bundler apps use — Vite, esbuild with code splitting, webpack 5
// in production (scripts/appBundlers.mjs) — and held to the same 15 KB each (issue 21): what one bundler
// leaves out of the first load, another may not. `--no-build` packs the dist/ already there.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { appJsPerBundler } from './appBundlers.mjs';
import { log, root } from './bootstrap.mjs';
import { installPacked, packPackages } from './packedApp.mjs';

// What an app ships is its production build: without this, a caller's NODE_ENV=development (the bench
// runner sets it) turns on development JSX (jsxDEV with source locations), ~0.5 KB more.
process.env.NODE_ENV = 'production';

const LIMIT = { js: 15 * 1024, css: 3 * 1024 };
const PEERS = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^react-dropzone$/, /^@tencentcloud\//];
// Sources, not dist: the budget needs no build first.
const alias = Object.entries({
  'core/persist': 'packages/core/src/persist/index.ts',
  'core/codes': 'packages/core/src/codes.ts',
  core: 'packages/core/src/index.ts',
  react: 'packages/react/src/index.ts',
  tencent: 'packages/tencent/src/index.ts',
}).map(([name, path]) => ({ find: new RegExp(`^@image-message/${name}$`), replacement: join(root, path) }));

const size = (code) => ({ raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length });
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

/**
 * What `source` (an ES module importing the packages) ships: `initial`, the entry with every chunk it
 * imports statically; `chunks`, each chunk with its modules (to name the lazy ones); `all`, everything.
 */
async function measure(name, source) {
  const entry = join(root, 'node_modules', `.image-message-budget-${name}.js`);
  writeFileSync(entry, source);
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias },
    build: {
      write: false,
      lib: { entry, formats: ['es'], fileName: name },
      // Vite leaves whitespace in ES libraries; minify the output the way an app's bundler would.
      rolldownOptions: { external: PEERS, output: { minify: true } },
    },
  });
  const chunks = (Array.isArray(result) ? result[0] : result).output.filter(
    (chunk) => chunk.type === 'chunk',
  );
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  /** A chunk and the chunks it imports statically, as a browser loads them together. */
  const closure = (files) => {
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file) || !byFile.has(file)) return;
      seen.add(file);
      for (const imported of byFile.get(file).imports) visit(imported);
    };
    for (const file of files) visit(file);
    return [...seen];
  };
  const sizeOf = (files) => size(files.map((file) => byFile.get(file).code).join('\n'));
  const initialFiles = closure(chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName));
  /** The lazily loaded code holding `module` (a source path), beyond what is loaded already. */
  const lazy = (module, loaded = initialFiles) => {
    const start = chunks.filter((chunk) => Object.keys(chunk.modules).some((id) => id.endsWith(module)));
    const files = closure(start.map((chunk) => chunk.fileName)).filter((file) => !loaded.includes(file));
    return { files, ...sizeOf(files) };
  };
  return { initial: sizeOf(initialFiles), initialFiles, all: sizeOf([...byFile.keys()]), lazy };
}

const APP_SOURCE =
  "export { ImageMessageProvider, ImageMessageComposer } from '@image-message/react';\nexport { createHttpTransport } from '@image-message/core';\n";
const app = await measure('app', APP_SOURCE);
// Loaded on use, in the order a session meets them.
const firstPhoto = [
  app.lazy('prepare/prepareImageFile.ts'),
  app.lazy('prepare/workerClient.ts'),
  app.lazy('image/readAcceptedImage.ts'),
  app.lazy('composer/parts/draftParts.ts'),
  app.lazy('manager/holdImage.ts'),
];
const afterFirstPhoto = [...app.initialFiles, ...firstPhoto.flatMap((part) => part.files)];
const firstSend = app.lazy('transport/http/createHttpSend.ts', afterFirstPhoto);
const afterFirstSend = [...afterFirstPhoto, ...firstSend.files];
// Each beyond what a session has loaded by its first send.
const onDemand = Object.fromEntries(
  Object.entries({
    'HEIC decoder (heic-to, first HEIC)': 'prepare/heicDecoder.ts',
    'preparing without a worker (jsdom, a CSP without worker-src blob:)': 'prepare/prepareWithCodec.ts',
    'refused-format sniffing (bytes that are no accepted image)': 'image/readImageInfo.ts',
    'tus client (a server that offers tus)': 'transport/tus/sendResumably.ts',
    'cache writer (a queryKey)': 'cacheWriter.ts',
    'kept messages: glue (a store)': 'manager/keepMessages.ts',
    'kept messages: IndexedDB store (persist)': 'persist/index.ts',
  }).map(([name, module]) => [name, app.lazy(module, afterFirstSend)]),
);

// Each locale but English, loaded when a composer or view first renders in it (composer and view strings).
const LOCALES = ['zh-CN', 'zh-TW', 'ja-JP', 'ko-KR', 'ar'];
const localeChunks = Object.fromEntries(LOCALES.map((tag) => [tag, app.lazy(`i18n/${tag}.ts`)]));
const localeChunksStatic = LOCALES.filter(
  (tag) =>
    app.initialFiles.some((file) => localeChunks[tag].files.includes(file)) ||
    localeChunks[tag].files.length === 0,
);
if (localeChunksStatic.length > 0) {
  console.log(`✗ locales in the app JS instead of their own chunks: ${localeChunksStatic.join(', ')}`);
}

const exportsOf = (names) => `export { ${names.join(', ')} } from '@image-message/react';\n`;
const hooks = await measure(
  'hooks',
  exportsOf(['ImageMessageProvider', 'useCreateImageMessage', 'useSendMessage', 'useSendState']),
);
const view = await measure('view', exportsOf(['ImageMessageView', 'useImageDrop', 'DropOverlay']));
const viewer = view.lazy('view/viewer/ImageViewer.tsx');
const everything = await measure('all', "export * from '@image-message/react';\n");
const httpTransport = await measure('http', "export { createHttpTransport } from '@image-message/core';\n");
const tencentTransport = await measure('tencent', "export * from '@image-message/tencent';\n");
// The resumable upload client: ours against tus-js-client, the well-kept alternative (measured only).
const tusJsClient = await measure('tus-js-client', "export { Upload } from 'tus-js-client';\n");

function cssSize(file) {
  const minified = readFileSync(join(root, 'packages', 'react', 'src', file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1');
  return minified;
}
const composerCss = cssSize('composer.css');
const viewCss = cssSize('view.css');
const sizes = {
  js: { ...app.initial, limit: LIMIT.js, goal: LIMIT.js },
  css: { ...size(composerCss), limit: LIMIT.css, goal: LIMIT.css },
};

let over = false;
for (const [name, { gzip, raw, limit }] of Object.entries(sizes)) {
  const ok = gzip <= limit;
  over ||= !ok;
  const what = name === 'js' ? 'app JS (provider + composer + createHttpTransport)' : 'composer CSS';
  console.log(`${ok ? '✓' : '✗'} ${what}: ${kb(gzip)} gzip (${kb(raw)} minified); limit ${kb(limit)}`);
}
const firstPhotoGzip = firstPhoto.reduce((sum, part) => sum + part.gzip, 0);
console.log(
  `  then loaded with the first photo: ${kb(firstPhotoGzip)} (preparing ${kb(firstPhoto[0].gzip + firstPhoto[1].gzip)}, header readers ${kb(firstPhoto[2].gzip)}, the draft's parts ${kb(firstPhoto[3].gzip)}, making the message ${kb(firstPhoto[4].gzip)}); with the first send: ${kb(firstSend.gzip)} (HTTP sending)`,
);
console.log(
  `  with its locale only: ${Object.entries(localeChunks)
    .map(([tag, part]) => `${tag} ${kb(part.gzip)}`)
    .join(', ')}`,
);
for (const [name, part] of Object.entries(onDemand)) console.log(`  on demand, ${name}: ${kb(part.gzip)}`);
console.log(
  `  hooks only (provider, useCreateImageMessage, useSendMessage, useSendState): ${kb(hooks.initial.gzip)}`,
);
console.log(
  `  view (not counted: an app that only sends does not ship it): ${kb(view.initial.gzip)} for the bubbles, + ${kb(viewer.gzip)} for the viewer when it opens; the whole react API: ${kb(everything.initial.gzip)}`,
);
console.log(
  `  CSS: view ${kb(size(viewCss).gzip)}; styles.css (composer + view) ${kb(size(`${composerCss}\n${viewCss}`).gzip)}`,
);
console.log(
  `  transports (the app picks one): HTTP ${kb(httpTransport.initial.gzip)} up front; Tencent ${kb(tencentTransport.initial.gzip)}`,
);
const tusOurs = onDemand['tus client (a server that offers tus)'];
console.log(
  `  resumable uploads: ours ${kb(tusOurs.gzip)}; tus-js-client 4.3.1 would be ${kb(tusJsClient.all.gzip)}`,
);

// The same app from the packed packages, under each bundler.
if (!process.argv.includes('--no-build')) {
  log('bundle budget: building the packages (JavaScript only) to pack them');
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--no-demo', '--no-types'], {
    cwd: root,
    stdio: 'inherit',
  });
}
const work = mkdtempSync(join(tmpdir(), 'image-message-bundlers-'));
let perBundler;
try {
  const packedApp = join(work, 'app');
  installPacked(packedApp, packPackages(['core', 'react'], work));
  perBundler = await appJsPerBundler(packedApp, 'app', APP_SOURCE);
} finally {
  rmSync(work, { recursive: true, force: true });
}
for (const [bundler, { gzip, files, chunks }] of Object.entries(perBundler)) {
  const ok = gzip <= LIMIT.js;
  over ||= !ok;
  console.log(
    `${ok ? '✓' : '✗'} app JS from the packed packages, ${bundler}: ${kb(gzip)} gzip on load (${files} of ${chunks} chunks); limit ${kb(LIMIT.js)}`,
  );
}

mkdirSync(join(root, 'reports'), { recursive: true });
const sizesOnly = (part) => ({ raw: part.raw, gzip: part.gzip });
writeFileSync(
  join(root, 'reports', 'bundle-size.json'),
  `${JSON.stringify(
    {
      ...sizes,
      firstPhoto: firstPhotoGzip,
      firstSend: sizesOnly(firstSend),
      locales: Object.fromEntries(Object.entries(localeChunks).map(([tag, part]) => [tag, sizesOnly(part)])),
      onDemand: Object.fromEntries(Object.entries(onDemand).map(([name, part]) => [name, sizesOnly(part)])),
      hooks: hooks.initial,
      view: { bubbles: view.initial, viewer: sizesOnly(viewer) },
      everything: everything.initial,
      viewCss: size(viewCss),
      httpTransport: { ...httpTransport.initial, upFront: httpTransport.initial },
      tencentTransport: tencentTransport.initial,
      resumable: { ours: sizesOnly(tusOurs), tusJsClient: tusJsClient.all },
      bundlers: Object.fromEntries(
        Object.entries(perBundler).map(([bundler, figures]) => [
          bundler,
          { gzip: figures.gzip, limit: LIMIT.js },
        ]),
      ),
    },
    null,
    2,
  )}\n`,
);
process.exit(over || localeChunksStatic.length > 0 ? 1 : 0);
