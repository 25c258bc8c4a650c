#!/usr/bin/env node
// The packaging check, in `npm test`: what a new user installs, checked the way they would meet it.
// Builds the packages (with declarations), packs each with `pnpm pack` as it would be published, and:
//   - publint and @arethetypeswrong/cli (every resolution mode, CSS entries aside) on each tarball;
//   - installs the tarballs into a scratch app outside the repository (their dependencies and peers linked
//     from the workspace, nothing else) and type-checks every ```ts / ```tsx snippet of the READMEs there,
//     as written, under moduleResolution `bundler` and `nodenext` (strict, skipLibCheck off);
//   - runs the react README's testing-kit example with Vitest's defaults against the packed packages;
//   - loads every entry with require() and import() from Node;
//   - asserts that 'use client' heads every JavaScript file of @image-message/react;
//   - bundles an app importing only the hooks, only IMAGE_ACCEPT, and the composer, and fails unless the
//     first two ship well under the composer's bytes (tree-shaking).
// `--keep` leaves the scratch app in place and prints its path; `--no-build` packs the dist/ already there.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { BUNDLERS } from './appBundlers.mjs';
import { log, root } from './bootstrap.mjs';
import { installPacked, packPackages } from './packedApp.mjs';

const PACKAGES = ['core', 'react', 'tencent', 'server'];
const READMES = [
  'README.md',
  'packages/core/README.md',
  'packages/react/README.md',
  'packages/tencent/README.md',
  'packages/server/README.md',
];
/** What the app has besides the packed packages' own dependencies and peers (from the workspace). */
const APP_DEPENDENCIES = [
  '@types/react',
  '@types/react-dom',
  '@types/node',
  '@testing-library/dom',
  'tim-upload-plugin', // the Tencent SDK's upload plugin, which the tencent README installs
  'vitest',
  'jsdom',
];
/** Excluded from the bundles: the app's own copies, as in scripts/bundle-budget.mjs. */
/**
 * "Well under": an app using only the hooks must not ship the composer's own code (its parts, state and
 * both locales, 5.7 KB gzip when this was written). Leaked, the difference falls toward zero.
 */
const COMPOSER_OWN_MIN = 3 * 1024;
const ACCEPT_ONLY_LIMIT = 1024;
/**
 * Issue 12's budget, as an app installing the packed packages meets it (scripts/bundle-budget.mjs checks
 * the same from the sources): provider + composer + createHttpTransport, what the page loads.
 */
const APP_LIMIT = 15 * 1024;

const bin = (name) => join(root, 'node_modules', '.bin', name);
const work = mkdtempSync(join(tmpdir(), 'image-message-packaging-'));
const keep = process.argv.includes('--keep');
// Gone however the check ends (a failed build or install throws), unless asked to keep it.
process.on('exit', () => {
  if (keep) console.log(`scratch app kept in ${join(work, 'app')}`);
  else rmSync(work, { recursive: true, force: true });
});
const app = join(work, 'app');
const results = [];
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

function record(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(
    `${ok ? '✓' : '✗'} ${name} [${seconds()}]${detail ? `\n${detail.replace(/^/gm, '    ')}` : ''}`,
  );
}

/** Runs a command (several can run at once); resolves to its output and whether it exited 0. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (data) => {
      output += data;
    });
    child.stderr.on('data', (data) => {
      output += data;
    });
    child.on('close', (code) => resolve({ ok: code === 0, output: output.trim() }));
  });
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

// 1. Build and pack, as a release would.
if (!process.argv.includes('--no-build')) {
  log('packaging: building the packages with declarations');
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--no-demo'], {
    cwd: root,
    stdio: 'inherit',
  });
}
const tarballs = packPackages(PACKAGES, work);

// 2. publint and attw on the tarballs (the attw runs in parallel).
const attwRuns = PACKAGES.map((name) => {
  const exportsMap = readJson(join(root, 'packages', name, 'package.json')).exports ?? {};
  const cssEntries = Object.keys(exportsMap).filter((entry) => entry.endsWith('.css'));
  return run(bin('attw'), [
    tarballs[name],
    '--profile',
    'strict',
    '--no-definitely-typed',
    '--format',
    'ascii',
    '--no-emoji',
    '--no-color',
    ...(cssEntries.length ? ['--exclude-entrypoints', ...cssEntries] : []),
  ]);
});
for (const [index, name] of PACKAGES.entries()) {
  const tarball = tarballs[name];
  const { messages, pkg } = await publint({
    pack: { tarball: new Uint8Array(readFileSync(tarball)).buffer },
    level: 'suggestion',
    strict: true,
  });
  record(
    `publint @image-message/${name}`,
    messages.length === 0,
    messages.map((message) => formatMessage(message, pkg, { color: false })).join('\n'),
  );
  const attw = await attwRuns[index];
  record(
    `attw @image-message/${name} (node10, node16 CJS and ESM, bundler)`,
    attw.ok,
    attw.ok ? '' : attw.output,
  );
}

// 3. A scratch app with the packed packages installed and their dependencies and peers linked.
installPacked(app, tarballs, APP_DEPENDENCIES);

// 4. 'use client' heads every JavaScript file of the react package (entries and the chunks they share).
{
  const dist = join(app, 'node_modules', '@image-message', 'react', 'dist');
  const files = readdirSync(dist, { recursive: true }).filter((file) => /\.c?js$/.test(file));
  const missing = files.filter(
    (file) => !/^(['"])use client\1;?\s*$/m.test(readFileSync(join(dist, file), 'utf8').split('\n')[0]),
  );
  record(
    `'use client' heads all ${files.length} JavaScript files of @image-message/react`,
    files.length > 0 && missing.length === 0,
    missing.join('\n'),
  );
}

// 5. Every entry loads from Node with require() and with import().
{
  const entries = PACKAGES.flatMap((name) => {
    const exportsMap = readJson(join(app, 'node_modules', '@image-message', name, 'package.json')).exports;
    return Object.keys(exportsMap)
      .filter((entry) => !/\.(css|json)$/.test(entry))
      .map((entry) => `@image-message/${name}${entry.slice(1)}`);
  });
  const probe = join(app, 'load-entries.mjs');
  writeFileSync(
    probe,
    `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const failures = [];
for (const entry of ${JSON.stringify(entries)}) {
  for (const [how, load] of [['require', async () => require(entry)], ['import', () => import(entry)]]) {
    try {
      const exported = Object.keys(await load()).filter((key) => key !== 'default');
      if (exported.length === 0) failures.push(how + ' ' + entry + ': no exports');
    } catch (error) {
      failures.push(how + ' ' + entry + ': ' + error.message.split('\\n')[0]);
    }
  }
}
console.log(failures.join('\\n'));
process.exit(failures.length ? 1 : 0);
`,
  );
  const loaded = await run(process.execPath, ['--no-warnings', probe], { cwd: app });
  record(`require() and import() of ${entries.join(', ')} from Node`, loaded.ok, loaded.output);
}

/**
 * tsc's errors, split into ours (in a snippet or in a packed @image-message package) and the others (in
 * third-party declarations, e.g. @tencentcloud/chat's own, which an app's skipLibCheck would hide). Our
 * declarations are checked, not skipped: an unresolved import there would silently turn exports into `any`.
 */
function splitDiagnostics(output) {
  const diagnostics = output.split(/\n(?=\S)/).filter(Boolean);
  const isOurs = (diagnostic) =>
    /^snippets\//.test(diagnostic) ||
    /^node_modules\/@image-message\//.test(diagnostic) ||
    !/^\S+\(\d+,\d+\)/.test(diagnostic);
  return {
    ours: diagnostics.filter(isOurs),
    others: diagnostics.filter((diagnostic) => !isOurs(diagnostic)),
  };
}

// 6. The README snippets, as written, in a strict app under both module resolutions.
const snippetFiles = [];
for (const readme of READMES) {
  const text = readFileSync(join(root, readme), 'utf8');
  const folder = readme.replace(/\/?README\.md$/, '').replace(/\//g, '-') || 'root';
  for (const match of text.matchAll(/^```(ts|tsx)\n([\s\S]*?)^```$/gm)) {
    const [, lang, code] = match;
    const line = text.slice(0, match.index).split('\n').length;
    // A snippet may name its file on its first line (`// app/chat/page.tsx`), so others can import it.
    const named = /^\/\/ ([\w./-]+\.(?:d\.[cm]?ts|[cm]?tsx?))\n/.exec(code)?.[1];
    const file = join(app, 'snippets', folder, named ?? `README-line-${line}.${lang}`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, code);
    snippetFiles.push({ file, source: `${readme}:${line}` });
  }
}
const baseOptions = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  jsx: 'react-jsx',
  // As a fresh Vite + React app's tsconfig has them, with skipLibCheck off so the packages' own
  // declarations are checked too (see splitDiagnostics).
  strict: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noFallthroughCasesInSwitch: true,
  noUncheckedSideEffectImports: true,
  erasableSyntaxOnly: true,
  verbatimModuleSyntax: true,
  moduleDetection: 'force',
  skipLibCheck: false,
  noEmit: true,
  // Node's types for the server's snippet. Deliberately no `*.css` declaration (Vite's client types have
  // one, Next.js's do not): the react package's CSS entry must type-check by itself.
  types: ['node'],
};
// Next.js App Router files (`// app/…`) are Next.js code: Next writes `moduleResolution: bundler` into an
// app's tsconfig, and Next 15's webpack resolves `./ChatComposer` but not `./ChatComposer.js`, so they
// import their siblings without an extension, which nodenext refuses. They are checked under bundler only.
const NEXT_APP_FILES = 'snippets/**/app/**';
const nextAppSnippets = snippetFiles.filter(({ file }) => /\/app\//.test(relative(app, file))).length;
const modes = [
  ['bundler', { module: 'ESNext', moduleResolution: 'Bundler' }, []],
  ['nodenext', { module: 'NodeNext', moduleResolution: 'NodeNext' }, [NEXT_APP_FILES]],
];
const tscRuns = modes.map(([mode, options, exclude]) => {
  const config = join(app, `tsconfig.${mode}.json`);
  const tsconfig = { compilerOptions: { ...baseOptions, ...options }, include: ['snippets'], exclude };
  writeFileSync(config, JSON.stringify(tsconfig, null, 2));
  return run(bin('tsc'), ['-p', config, '--pretty', 'false'], { cwd: app });
});
for (const [index, [mode, , exclude]] of modes.entries()) {
  const tsc = await tscRuns[index];
  const { ours, others } = splitDiagnostics(tsc.output);
  // Name each error by README line, not by the scratch file.
  const output = snippetFiles.reduce(
    (text, { file, source }) =>
      text.replaceAll(relative(app, file), `${source} (${relative(join(app, 'snippets'), file)})`),
    ours.join('\n'),
  );
  const count = snippetFiles.length - (exclude.length ? nextAppSnippets : 0);
  const notes = [
    exclude.length && nextAppSnippets && `${nextAppSnippets} Next.js files: bundler only`,
    others.length && `${others.length} errors inside third-party declarations ignored`,
  ].filter(Boolean);
  record(
    `README snippets (${count}) type-check under moduleResolution ${mode}${notes.length ? ` (${notes.join('; ')})` : ''}`,
    ours.length === 0,
    output,
  );
}

// 7. The testing-kit example of the react README, run by Vitest with its defaults (globals: false).
{
  const example = snippetFiles.find(({ file }) => file.endsWith('.test.tsx'));
  if (!example) {
    record('the react README has a testing-kit example (a *.test.tsx snippet)', false);
  } else {
    // No config file at all: globals off, the jsdom environment from the example's own comment.
    const vitest = await run(
      process.execPath,
      [join(app, 'node_modules', 'vitest', 'vitest.mjs'), 'run', relative(app, example.file)],
      {
        cwd: app,
        env: { ...process.env, CI: '1', NO_COLOR: '1' },
      },
    );
    record(
      `${example.source}: the testing-kit example passes under Vitest's defaults`,
      vitest.ok,
      vitest.ok ? '' : vitest.output,
    );
  }
}

// 8. Tree-shaking: what an app ships for the hooks alone, IMAGE_ACCEPT alone, and the composer.
const bundles = {};
{
  process.env.NODE_ENV = 'production';
  async function shipped(name, source) {
    const entry = join(app, `bundle-${name}.js`);
    writeFileSync(entry, source);
    // What loads with the page: the entry and its static imports, not chunks loaded lazily (the
    // IndexedDB store behind `persist`), as the bundle budget counts it with Vite.
    return (await BUNDLERS.Vite(app, entry)).gzip;
  }
  const composer = await shipped(
    'composer',
    "export { ImageMessageComposer, ImageMessageProvider } from '@image-message/react';\n",
  );
  const hooks = await shipped(
    'hooks',
    "export { ImageMessageProvider, useCreateImageMessage, useSendMessage } from '@image-message/react';\n",
  );
  const accept = await shipped('accept', "export { IMAGE_ACCEPT } from '@image-message/react';\n");
  const appJs = await shipped(
    'app',
    "export { ImageMessageComposer, ImageMessageProvider } from '@image-message/react';\nexport { createHttpTransport } from '@image-message/core';\n",
  );
  Object.assign(bundles, {
    composerGzip: composer,
    hooksGzip: hooks,
    imageAcceptGzip: accept,
    appGzip: appJs,
  });
  const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
  console.log(
    `  min+gzip on load, peers and react-dropzone external: composer ${kb(composer)}, hooks only ${kb(hooks)}, IMAGE_ACCEPT only ${kb(accept)}`,
  );
  record(
    `an app using only the hooks ships ${kb(hooks)}, at least ${kb(COMPOSER_OWN_MIN)} under the composer's ${kb(composer)} (${kb(composer - hooks)} under)`,
    composer - hooks >= COMPOSER_OWN_MIN,
  );
  record(
    `an app using only IMAGE_ACCEPT ships under ${kb(ACCEPT_ONLY_LIMIT)} (${kb(accept)})`,
    accept < ACCEPT_ONLY_LIMIT,
  );
  record(
    `an app with the provider, the composer and createHttpTransport loads ${kb(appJs)} with the page, within ${kb(APP_LIMIT)} (what loads later — preparing, the header readers, sending — is its own chunks)`,
    appJs <= APP_LIMIT,
  );
}

const failed = results.filter((result) => !result.ok).length;
mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(
  join(root, 'reports', 'packaging.json'),
  `${JSON.stringify({ passed: results.length - failed, failed, results, bundles }, null, 2)}\n`,
);
console.log(`packaging: ${results.length - failed} checks passed, ${failed} failed, in ${seconds()}`);
process.exit(failed ? 1 : 0);
