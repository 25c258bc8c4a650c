import type { StorybookConfig } from '@storybook/react-vite';
import { sourceAliases } from '../scripts/sourceAliases.ts';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  typescript: { reactDocgen: 'react-docgen' },
  core: { disableTelemetry: true },
  // Stories read the packages' sources, like the tests: no build step before Storybook.
  viteFinal: async (viteConfig) => ({
    ...viteConfig,
    resolve: { ...viteConfig.resolve, alias: [...sourceAliases] },
  }),
};

export default config;
