import { fileURLToPath } from 'node:url';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** Package sources, so tests, stories and the demo's dev server never need a build first. */
export const sourceAliases = [
  { find: /^@image-message\/core$/, replacement: root('packages/core/src/index.ts') },
  { find: /^@image-message\/core\/persist$/, replacement: root('packages/core/src/persist/index.ts') },
  { find: /^@image-message\/core\/codes$/, replacement: root('packages/core/src/codes.ts') },
  { find: /^@image-message\/react\/testing$/, replacement: root('packages/react/src/testing/index.ts') },
  { find: /^@image-message\/react\/locales\/(.+)$/, replacement: root('packages/react/src/i18n/$1.ts') },
  {
    find: /^@image-message\/react\/(styles|composer|view)\.css$/,
    replacement: root('packages/react/src/$1.css'),
  },
  { find: /^@image-message\/react$/, replacement: root('packages/react/src/index.ts') },
  { find: /^@image-message\/tencent$/, replacement: root('packages/tencent/src/index.ts') },
  { find: /^@image-message\/server$/, replacement: root('packages/server/src/index.ts') },
];
