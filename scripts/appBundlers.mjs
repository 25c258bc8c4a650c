// What an app's page loads with it — its entry and every chunk the entry imports statically, minified,
// concatenated and gzipped — when one of the bundlers apps use builds it: Vite (Rolldown), esbuild with
// code splitting (what size-limit and many bundle reports use) and webpack 5 in production (Next.js).
// Each builds the same entry in `app` (a scratch app, scripts/packedApp.mjs), production, peers external.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The app's own copies, excluded from every bundle. */
export const PEER_PATTERNS = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\//,
  /^react-dropzone$/,
  /^@tencentcloud\//,
];
const isPeer = (request) => PEER_PATTERNS.some((pattern) => pattern.test(request));

const gzip = (codes) => gzipSync(codes.join('\n'), { level: 9 }).length;

/** `entries` plus every file they import statically, given each file's static imports. */
function closure(entries, staticImports) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of staticImports(file)) visit(imported);
  };
  for (const entry of entries) visit(entry);
  return [...seen];
}

async function withVite(app, entry) {
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: app,
    build: {
      write: false,
      lib: { entry, formats: ['es'], fileName: 'app' },
      rolldownOptions: { external: PEER_PATTERNS, output: { minify: true } },
    },
  });
  const chunks = new Map(
    (Array.isArray(result) ? result[0] : result).output
      .filter((chunk) => chunk.type === 'chunk')
      .map((chunk) => [chunk.fileName, chunk]),
  );
  const entries = [...chunks.values()].filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName);
  const files = closure(entries, (file) =>
    (chunks.get(file)?.imports ?? []).filter((name) => chunks.has(name)),
  );
  return { gzip: gzip(files.map((file) => chunks.get(file).code)), files: files.length, chunks: chunks.size };
}

async function withEsbuild(app, entry) {
  const { build } = await import('esbuild');
  const outdir = join(app, 'dist-esbuild');
  const result = await build({
    absWorkingDir: app,
    entryPoints: { app: entry },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    external: [
      'react',
      'react/*',
      'react-dom',
      'react-dom/*',
      '@tanstack/*',
      'react-dropzone',
      '@tencentcloud/*',
    ],
    outdir,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
  const byFile = new Map(outputs);
  // The named entry only: chunks behind import() are entry points of esbuild's too.
  const entries = [join(relative(app, outdir), 'app.js')];
  const files = closure(entries, (file) =>
    byFile
      .get(file)
      .imports.filter((imported) => imported.kind === 'import-statement' && !imported.external)
      .map((imported) => imported.path),
  );
  return {
    gzip: gzip(files.map((file) => readFileSync(join(app, file), 'utf8'))),
    files: files.length,
    chunks: outputs.length,
  };
}

async function withWebpack(app, entry) {
  const { default: webpack } = await import('webpack');
  const outdir = join(app, 'dist-webpack');
  const stats = await new Promise((resolve, reject) => {
    webpack(
      {
        mode: 'production',
        context: app,
        entry: { app: entry },
        target: 'web',
        devtool: false,
        // A library export keeps the entry's exports used, as an app's code using them would.
        output: { path: outdir, clean: true, library: { name: 'app', type: 'var' } },
        externals: ({ request }, callback) =>
          isPeer(request) ? callback(undefined, `var ${JSON.stringify(request)}`) : callback(),
        performance: { hints: false },
        infrastructureLogging: { level: 'error' },
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  const json = stats.toJson({ all: false, assets: true, entrypoints: true, errors: true, chunks: true });
  if (json.errors?.length)
    throw new Error(`webpack: ${json.errors.map((error) => error.message).join('\n')}`);
  const files = json.entrypoints.app.assets.map((asset) => asset.name).filter((name) => name.endsWith('.js'));
  const all = json.assets.filter((asset) => asset.name.endsWith('.js'));
  return {
    gzip: gzip(files.map((file) => readFileSync(join(outdir, file), 'utf8'))),
    files: files.length,
    chunks: all.length,
  };
}

export const BUNDLERS = {
  Vite: withVite,
  'esbuild (splitting)': withEsbuild,
  'webpack 5 (production)': withWebpack,
};

/**
 * The gzip bytes the page loads with `source` (an ES module importing the packages) under each bundler,
 * with how many files that is of how many chunks.
 */
export async function appJsPerBundler(app, name, source) {
  const entry = join(app, `${name}.js`);
  writeFileSync(entry, source);
  const figures = {};
  for (const [bundler, measure] of Object.entries(BUNDLERS)) {
    figures[bundler] = await measure(app, `./${relative(app, entry)}`);
  }
  return figures;
}
