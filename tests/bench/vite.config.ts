import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { sourceAliases } from '../../scripts/sourceAliases.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The bench page (`pnpm bench` builds it into a temp dir): the packages from source, production React,
 * with react-dom's profiling build so `<Profiler onRender>` reports commits (figure 5).
 */
export default defineConfig({
  root: here('./page'),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  resolve: {
    alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }, ...sourceAliases],
    dedupe: ['react', 'react-dom'],
  },
  build: {
    outDir: here('./page/dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Readable function names in long-animation-frame attributions; size does not matter here.
    minify: false,
    reportCompressedSize: false,
    // One page of React, react-query, react-dropzone and the packages; its size does not matter here.
    chunkSizeWarningLimit: 2048,
  },
});
