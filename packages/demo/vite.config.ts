import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { sourceAliases } from '../../scripts/sourceAliases.ts';

/**
 * The demo app. `vite build` here writes dist/, which the reference server serves (`npm start`).
 * `vite` here is a dev server that reads the packages' sources and proxies the API to a running server.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: { alias: sourceAliases, dedupe: ['react', 'react-dom'] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/api': process.env.API_URL ?? 'http://127.0.0.1:8787',
      '/files': process.env.API_URL ?? 'http://127.0.0.1:8787',
    },
  },
});
