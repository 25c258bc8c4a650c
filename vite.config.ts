/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import dts from 'unplugin-dts/vite';
import { defineConfig, type UserConfig } from 'vite';
import { chromiumLaunchOptions } from './scripts/chromium.ts';

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Package sources, so tests and stories never need a build first. */
export const sourceAliases = [
  { find: /^@image-message\/core$/, replacement: root('packages/core/src/index.ts') },
  { find: /^@image-message\/react\/testing$/, replacement: root('packages/react/src/testing/index.ts') },
  { find: /^@image-message\/react\/styles\.css$/, replacement: root('packages/react/src/styles.css') },
  { find: /^@image-message\/react$/, replacement: root('packages/react/src/index.ts') },
  { find: /^@image-message\/tencent$/, replacement: root('packages/tencent/src/index.ts') },
  { find: /^@image-message\/server$/, replacement: root('packages/server/src/index.ts') },
];

interface LibraryBuild {
  dir: string;
  entries: Record<string, string>;
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
    external: reactPeers,
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

// Workspace imports stay external in library builds, so no source aliases here.
function libraryConfig(library: LibraryBuild): UserConfig {
  const dir = root(library.dir);
  return {
    root: dir,
    plugins: [
      dts({
        tsconfigPath: root('tsconfig.build.json'),
        entryRoot: `${dir}/src`,
        include: [`${dir}/src`],
        exclude: ['**/*.test.*', '**/*.stories.*'],
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

/** Real-browser tests run in Debian chromium through Playwright. */
async function chromiumProvider() {
  const { playwright } = await import('@vitest/browser-playwright');
  return playwright({ launchOptions: chromiumLaunchOptions() });
}

export default defineConfig(async ({ mode }): Promise<UserConfig> => {
  const library = libraries[mode];
  if (library) return libraryConfig(library);

  return {
    plugins: [react()],
    resolve: { alias: sourceAliases },
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
