/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import dts from 'unplugin-dts/vite';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { chromiumLaunchOptions } from './scripts/chromium.ts';
import { sourceAliases } from './scripts/sourceAliases.ts';

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));

interface LibraryBuild {
  dir: string;
  entries: Record<string, string>;
  /** Files copied as they are into dist (the composer's plain CSS). */
  assets?: string[];
  external: (string | RegExp)[];
  platform: 'browser' | 'node';
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
  core: { dir: 'packages/core', entries: { index: 'src/index.ts' }, external: [], platform: 'browser' },
  react: {
    dir: 'packages/react',
    entries: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
    assets: ['src/styles.css'],
    external: [...reactPeers, /^@testing-library\//],
    platform: 'browser',
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
    external: [/^node:/, /^fastify/, /^@fastify\//, 'better-sqlite3', 'sharp', /^@image-message\//],
    platform: 'node',
  },
};

function copyAssets(dir: string, files: string[]): Plugin {
  return {
    name: 'image-message:copy-assets',
    generateBundle() {
      for (const file of files) {
        this.emitFile({
          type: 'asset',
          fileName: basename(file),
          source: readFileSync(`${dir}/${file}`, 'utf8'),
        });
      }
    },
  };
}

// Workspace imports stay external in library builds, so no source aliases here.
function libraryConfig(library: LibraryBuild): UserConfig {
  const dir = root(library.dir);
  return {
    root: dir,
    plugins: [
      copyAssets(dir, library.assets ?? []),
      // Declarations take most of the build time; `npm start` only needs runnable JS (IM_SKIP_TYPES=1).
      process.env.IM_SKIP_TYPES !== '1' &&
        dts({
          tsconfigPath: root('tsconfig.build.json'),
          entryRoot: `${dir}/src`,
          include: [`${dir}/src`],
          exclude: ['**/*.test.*', '**/*.stories.*'],
          // Keep `@image-message/*` imports as package names in the .d.ts, not paths into sources.
          aliasesExclude: [/^@image-message\//],
        }),
    ],
    build: {
      outDir: `${dir}/dist`,
      emptyOutDir: true,
      minify: false,
      sourcemap: true,
      target: library.platform === 'node' ? 'node20' : 'es2022',
      ssr: library.platform === 'node',
      lib: {
        entry: Object.fromEntries(Object.entries(library.entries).map(([k, v]) => [k, `${dir}/${v}`])),
        formats: ['es'],
      },
      rolldownOptions: {
        external: library.external,
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          assetFileNames: '[name][extname]',
        },
      },
    },
  };
}

async function storybookPlugin() {
  const { storybookTest } = await import('@storybook/addon-vitest/vitest-plugin');
  return storybookTest({ configDir: root('.storybook') });
}

/** Real-browser tests run in Debian chromium through Playwright. */
async function chromiumProvider(contextOptions: { permissions?: string[] } = {}) {
  const { playwright } = await import('@vitest/browser-playwright');
  return playwright({ launchOptions: chromiumLaunchOptions(), contextOptions });
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
        'react-dropzone',
        '@testing-library/react',
        '@testing-library/dom',
      ],
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
          test: {
            name: 'browser',
            include: ['tests/browser/**/*.test.{ts,tsx}'],
            globalSetup: ['tests/browser/globalSetup.ts'],
            browser: {
              enabled: true,
              headless: true,
              // The paste test puts a real image on the system clipboard and presses Ctrl+V.
              provider: await chromiumProvider({ permissions: ['clipboard-read', 'clipboard-write'] }),
              instances: [{ browser: 'chromium' }],
              screenshotFailures: false,
            },
          },
        },
        {
          extends: true,
          // Every story becomes a test (render + play function + axe) in the same chromium.
          plugins: [await storybookPlugin()],
          test: {
            name: 'storybook',
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
