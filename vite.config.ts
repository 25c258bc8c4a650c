/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import dts from 'unplugin-dts/vite';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { chromiumLaunchOptions } from './scripts/chromium.ts';
import { engineProjects } from './scripts/engines.ts';
import { serverExternals } from './scripts/serverExternals.ts';
import { sourceAliases } from './scripts/sourceAliases.ts';
import { consumerCommands } from './tests/browser/consumerCommands.ts';

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));

interface LibraryBuild {
  dir: string;
  entries: Record<string, string>;
  /** Files copied as they are into dist (the composer's and the view's plain CSS). */
  assets?: string[];
  /** Files written into dist as several sources joined, in order (`styles.css`: the composer's and the view's). */
  joined?: Record<string, string[]>;
  external: (string | RegExp)[];
  platform: 'browser' | 'node';
  /** Put first in every JS file of dist (ESM and CommonJS entries and chunks). */
  banner?: string;
  /**
   * One dist file per source module, so an app's bundler splits and tree-shakes the library as it would its
   * sources: code the library loads on first use (`import()`) stays out of the app's entry chunk even when
   * the same module is also a public export.
   */
  preserveModules?: boolean;
  /**
   * The modules (by path) that code loaded with `import()` gets its own copies of, apart from the public
   * exports': see lazyCopies(). Classes and module state stay out (one instance each).
   */
  lazyCopies?: RegExp;
}

const reactPeers = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\//,
  /^react-dropzone$/,
  /^@image-message\//,
];

/** `vite build --mode <name>` builds one package as a library. */
const libraries: Record<string, LibraryBuild> = {
  core: {
    dir: 'packages/core',
    // `./persist` is its own entry: the react provider imports it lazily, only when drafts are kept.
    entries: { index: 'src/index.ts', persist: 'src/persist/index.ts', codes: 'src/codes.ts' },
    preserveModules: true,
    // The header readers, the strippers, preparing and making a message (holdImage and the checks it runs)
    // are public exports (sync ones among them) or share modules with them, and are loaded with `import()`
    // by the manager; without copies, esbuild's splitting puts them in the page's
    // first chunks (21 KB gzip instead of 14).
    lazyCopies:
      /\/src\/(image\/(bytes|byteSource|readAcceptedImage|readImageInfo|formats\/\w+)|prepare\/(prepareImageFile|prepareWithCodec|workerClient|stripMetadata|animation|imageCodec|outcome|types|strip\/\w+)|manager\/(keepMessages|holdImage|entry|sendState)|validation\/(checkImageSize|checkImageBytes|validateImagePath|checkDescription)|web\/blobBytes|image\/sanitizeFileName|format\/formatBytes|errorCodes|image\/imagePlaceholder|transport\/(raceAbort|http\/(?!types\.)\w+|tus\/\w+))\.ts$/,
    // Dependencies, resolved by the app's bundler: heic-to lands in its own lazily loaded chunk there.
    external: [/^heic-to($|\/)/, /^thumbhash$/, /^idb-keyval$/],
    platform: 'browser',
  },
  react: {
    dir: 'packages/react',
    // Each locale's tables are an entry too: the chunk the composer and view load on first use, and what an
    // app imports to bundle a locale (`@image-message/react/locales/ja-JP`).
    entries: {
      index: 'src/index.ts',
      testing: 'src/testing/index.ts',
      ...Object.fromEntries(
        ['en-US', 'zh-CN', 'zh-TW', 'ja-JP', 'ko-KR', 'ar'].map((tag) => [
          `locales/${tag}`,
          `src/i18n/${tag}.ts`,
        ]),
      ),
    },
    // Each alone, for an app that only sends or only shows; styles.css, both, for everything.
    assets: ['src/composer.css', 'src/view.css'],
    joined: { 'styles.css': ['src/composer.css', 'src/view.css'] },
    external: [...reactPeers, /^@testing-library\//],
    platform: 'browser',
    // Every module here is client code (context, hooks, event handlers). With the directive a Next.js
    // Server Component can render the composer (and import the types); without it, it fails on import.
    banner: "'use client';",
    // The cache writer's copy of the message cache helpers (see lazyCopies()).
    lazyCopies: /\/src\/(cacheWriter|messageCache)\.ts$/,
  },
  tencent: {
    dir: 'packages/tencent',
    entries: { index: 'src/index.ts' },
    external: [/^@tencentcloud\//, /^@image-message\//],
    platform: 'browser',
  },
  server: {
    dir: 'packages/server',
    entries: { index: 'src/index.ts', main: 'src/main.ts' },
    // The variant worker thread's script, plain JS, beside the bundles (renderVariants.ts finds it there).
    assets: ['src/images/renderWorker.mjs'],
    external: serverExternals(),
    platform: 'node',
  },
};

function copyAssets(dir: string, files: string[], joined: Record<string, string[]> = {}): Plugin {
  const outputs: [string, string[]][] = [
    ...files.map((file): [string, string[]] => [basename(file), [file]]),
    ...Object.entries(joined),
  ];
  return {
    name: 'image-message:copy-assets',
    generateBundle(options) {
      if (options.format !== 'es') return; // once, not again for the CommonJS output
      for (const [fileName, sources] of outputs) {
        const texts = sources.map((source) => readFileSync(`${dir}/${source}`, 'utf8'));
        if (sources.length > 1)
          texts.unshift(`/* ${fileName}: ${sources.map((source) => basename(source)).join(' + ')} */`);
        this.emitFile({ type: 'asset', fileName, source: texts.join('\n') });
        // The `types` of a CSS entry: `import '@image-message/react/styles.css'` then type-checks under
        // TypeScript 6's noUncheckedSideEffectImports (on by default) in any app, not only in one whose
        // bundler declares `*.css` (Vite's client types do; Next.js 15's declare only `*.module.css`).
        if (fileName.endsWith('.css')) {
          this.emitFile({ type: 'asset', fileName: `${fileName}.d.ts`, source: 'export {};\n' });
        }
      }
    },
  };
}

const WORKER_CONSTRUCTOR =
  /new Worker\(\s*new URL\(\s*(['"])(\.{1,2}\/[^'"]+\.worker\.ts)\1\s*,\s*import\.meta\.url\s*\)\s*,\s*\{\s*type:\s*['"]module['"]\s*\}\s*\)/g;

/**
 * Inlines each `new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module' })` of a library as
 * a self-contained module worker started from a blob: URL (Vite's `?worker&inline`). Left as a file beside
 * the library, the worker would need every app's bundler to find and copy it: esbuild does not, Vite's
 * library mode writes an absolute `/assets/…` URL, and Vite's dev pre-bundling moves the importer away
 * from it. Inlined, it needs no configuration anywhere (a CSP must allow `worker-src blob:`).
 */
function inlineWorkers(): Plugin {
  return {
    name: 'image-message:inline-workers',
    enforce: 'pre',
    transform(code, id) {
      // A blob: worker could not load its source map: leave the reference (and the map, below) out.
      if (id.endsWith('?worker&inline')) {
        return { code: code.replace(/\\n\/\/# sourceMappingURL=[^"]*(?=")/, ''), map: null };
      }
      const imports: string[] = [];
      const rewritten = code.replace(WORKER_CONSTRUCTOR, (_match, _quote, path: string) => {
        const name = `InlineWorker${imports.length}`;
        imports.push(`import ${name} from '${path}?worker&inline';`);
        return `new ${name}()`;
      });
      // Same lines as the source (the imports go on line 1), so the source map stays right without one.
      return imports.length ? { code: imports.join(' ') + rewritten, map: null } : null;
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const name of Object.keys(bundle))
          if (/\.worker-[\w-]+\.js\.map$/.test(name)) delete bundle[name];
      },
    },
  };
}

const LAZY_COPY = '.lazy-copy.ts';

/**
 * Gives the code a library loads with `import()` its own copies of the modules it shares with the public
 * exports: a module matching `copied` is built a second time as `x.lazy-copy.js`, and every `import()` of
 * one, and every import from a copy of one, gets the copy. esbuild's code splitting puts every module an
 * entry can reach — even through a re-export the app never uses — into a chunk the entry loads, and makes
 * every `import()` target an entry of its own even where the code holding it is unused: the public
 * `readImageInfo`, `stripMetadata` and `prepareImageFile` dragged the lazily loaded readers, strippers and
 * preparing into an app's first load (21 KB gzip instead of 14). Reached only through `import()`, the
 * copies stay in lazy chunks under every bundler. The cost: an app that also calls those public functions
 * ships their code twice, once on demand. Copies hold no classes and no module state but the worker
 * client's, which exists only as a copy (it is only ever loaded with `import()`).
 */
function lazyCopies(copied: RegExp): Plugin {
  const original = (id: string) => id.replace(LAZY_COPY, '.ts');
  return {
    name: 'image-message:lazy-copies',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return null;
      const fromCopy = importer.endsWith(LAZY_COPY);
      const dynamic = (options as { kind?: string }).kind === 'dynamic-import';
      if (!fromCopy && !dynamic) return null;
      const resolved = await this.resolve(source, original(importer), { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      return copied.test(resolved.id) ? resolved.id.replace(/\.ts$/, LAZY_COPY) : resolved;
    },
    load(id) {
      return id.endsWith(LAZY_COPY) ? readFileSync(original(id), 'utf8') : null;
    },
  };
}

// Workspace imports stay external in library builds, so no source aliases here.
function libraryConfig(library: LibraryBuild): UserConfig {
  const dir = root(library.dir);
  return {
    root: dir,
    plugins: [
      copyAssets(dir, library.assets ?? [], library.joined),
      inlineWorkers(),
      library.lazyCopies && lazyCopies(library.lazyCopies),
      // Declarations take most of the build time; `npm start` only needs runnable JS (IM_SKIP_TYPES=1).
      process.env.IM_SKIP_TYPES !== '1' &&
        dts({
          tsconfigPath: root('tsconfig.build.json'),
          entryRoot: `${dir}/src`,
          include: [`${dir}/src`],
          exclude: ['**/*.test.*', '**/*.stories.*'],
          // Keep `@image-message/*` imports as package names in the .d.ts, not paths into sources.
          aliasesExclude: [/^@image-message\//],
          // One self-contained .d.ts per entry (API Extractor), no internal modules: it resolves the same
          // under every moduleResolution (no extensionless relative imports for node16/nodenext to
          // refuse). The same text again as .d.cts types the CommonJS entry for `require`.
          bundleTypes: true,
          outDirs: [`${dir}/dist`, { dir: `${dir}/dist`, moduleFormat: 'cjs' }],
        }),
    ],
    // Inlined workers are module workers, minified: an app's minifier never looks inside their string.
    worker: { format: 'es', rolldownOptions: { output: { minify: true } } },
    build: {
      outDir: `${dir}/dist`,
      emptyOutDir: true,
      minify: false,
      sourcemap: true,
      target: library.platform === 'node' ? 'node20' : 'es2022',
      ssr: library.platform === 'node',
      lib: {
        entry: Object.fromEntries(Object.entries(library.entries).map(([k, v]) => [k, `${dir}/${v}`])),
      },
      rolldownOptions: {
        external: library.external,
        checks: {
          // The declarations (unplugin-dts) take most of the time by design; no warning about it per build.
          bundlerTimings: false,
          // The CommonJS output has no import.meta: core's heicDecoderUrl is then undefined, and a HEIC is
          // decoded by heic-to from the main thread and handed to the worker as a bitmap (workerClient.ts).
          emptyImportMeta: false,
        },
        // ESM for bundlers and Node's import; CommonJS for require() and Jest-like runners (exports map
        // `import` → .js, `require` → .cjs).
        output: (['es', 'cjs'] as const).map((format) => {
          const ext = format === 'es' ? 'js' : 'cjs';
          return {
            format,
            entryFileNames: `[name].${ext}`,
            chunkFileNames: `chunks/[name]-[hash].${ext}`,
            assetFileNames: '[name][extname]',
            banner: library.banner,
            ...(library.preserveModules && { preserveModules: true, preserveModulesRoot: `${dir}/src` }),
          };
        }),
      },
    },
  };
}

async function storybookPlugin() {
  const { storybookTest } = await import('@storybook/addon-vitest/vitest-plugin');
  return storybookTest({ configDir: root('.storybook') });
}

/** Stories run in Debian chromium through Playwright. */
async function chromiumProvider() {
  const { playwright } = await import('@vitest/browser-playwright');
  return playwright({ launchOptions: chromiumLaunchOptions() });
}

export default defineConfig(async ({ mode }): Promise<UserConfig> => {
  const library = libraries[mode];
  if (library) return libraryConfig(library);

  return {
    plugins: [react()],
    // One React for tests, stories and their dependencies; pre-bundled up front so the browser runner
    // never reloads mid-run when it discovers a dependency.
    resolve: { alias: sourceAliases, dedupe: ['react', 'react-dom'] },
    optimizeDeps: {
      include: [
        'react',
        'react-dom',
        'react-dom/client',
        'react/jsx-runtime',
        'react/jsx-dev-runtime',
        '@tanstack/react-query',
        '@tanstack/react-virtual',
        'react-dropzone',
        'thumbhash',
        '@testing-library/react',
        '@testing-library/dom',
      ],
      // Plain ES modules, served as they are: pre-bundling heic-to (3 MB) when the first HEIC test
      // imports it would reload the page mid-run.
      exclude: ['heic-to', 'thumbhash'],
    },
    test: {
      projects: [
        {
          extends: true,
          test: { name: 'core', environment: 'node', include: ['packages/core/test/**/*.test.ts'] },
        },
        {
          extends: true,
          test: {
            name: 'react',
            environment: 'jsdom',
            include: ['packages/react/test/**/*.test.{ts,tsx}'],
            setupFiles: ['packages/react/test/setup.ts'],
            // A hang guard, not a timing goal: the 28 MiB cases read real bytes while every project runs.
            testTimeout: 20_000,
            // Source errors are tsc's job (npm test runs it over everything); here only the type tests count.
            typecheck: {
              enabled: true,
              include: ['packages/react/test/**/*.test-d.{ts,tsx}'],
              ignoreSourceErrors: true,
            },
          },
        },
        {
          extends: true,
          test: { name: 'tencent', environment: 'node', include: ['packages/tencent/test/**/*.test.ts'] },
        },
        {
          extends: true,
          test: {
            name: 'server',
            environment: 'node',
            include: ['packages/server/test/**/*.test.ts'],
            testTimeout: 30_000,
          },
        },
        {
          extends: true,
          // Transports against the real reference server (started in-process or as its own process) and
          // proxies that fail on purpose; core's own tests stay server-free.
          test: {
            name: 'integration',
            environment: 'node',
            include: ['tests/integration/**/*.test.ts'],
            testTimeout: 60_000,
          },
        },
        // The same browser tests in Chromium, Firefox ESR and WebKitGTK: projects browser@chromium,
        // browser@firefox and browser@webkit (scripts/engines.ts).
        ...(await engineProjects('browser', {
          include: ['tests/browser/**/*.test.{ts,tsx}'],
          globalSetup: ['tests/browser/globalSetup.ts'],
          // The paste test puts a real image on the system clipboard and presses Ctrl+V.
          chromiumPermissions: ['clipboard-read', 'clipboard-write'],
          // The consumer-bundle test builds packages/core/dist and an esbuild app against it.
          commands: consumerCommands,
        })),
        // The composer and the view in each engine started on a system that prefers dark and reduced
        // motion (projects preferences@…): what the browser tests can emulate in Chromium only.
        ...(await engineProjects('preferences', {
          include: ['tests/browser-preferences/**/*.test.{ts,tsx}'],
          systemPreferences: { colorScheme: 'dark', reducedMotion: 'reduce' },
        })),
        {
          extends: true,
          // Every story becomes a test (render + play function + axe) in chromium (Chromium only: the stories'
          // behaviour is what the browser projects test in every engine).
          plugins: [await storybookPlugin()],
          test: {
            name: 'storybook',
            // A hang guard, not a timing goal: the photo stories load the HEIC decoder (3 MB) on first use
            // and make and prepare a 48 MB screenshot in the page while every project runs.
            testTimeout: 90_000,
            browser: {
              enabled: true,
              headless: true,
              provider: await chromiumProvider(),
              instances: [{ browser: 'chromium' }],
              screenshotFailures: false,
            },
          },
        },
      ],
    },
  };
});
