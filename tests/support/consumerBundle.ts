import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface ConsumerChunk {
  file: string;
  bytes: number;
  gzip: number;
  /** What the chunk holds, by the library module that marks it. */
  holds: ('heic-to' | 'prepare worker')[];
  entry: boolean;
}

export interface ConsumerBundle {
  dir: string;
  chunks: ConsumerChunk[];
}

/** `vite build --mode core` (JavaScript only): packages/core/dist as `npm publish` would ship it. */
export function buildCoreDist(): void {
  execFileSync(
    join(root, 'node_modules', '.bin', 'vite'),
    ['build', '--mode', 'core', '--logLevel', 'warn'],
    {
      cwd: root,
      env: { ...process.env, IM_SKIP_TYPES: '1' },
      stdio: 'pipe',
    },
  );
}

/**
 * Bundles tests/support/consumer/main.ts with esbuild — minified, code-split, resolving
 * `@image-message/core` through its package.json to dist/ (no tsconfig paths, no source aliases) — into a
 * temporary directory with an index.html, and says which chunk holds what.
 */
export async function bundleConsumer(): Promise<ConsumerBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'image-message-consumer-'));
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: 'tests/support/consumer/main.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outdir: dir,
    tsconfigRaw: '{}',
    logLevel: 'silent',
    metafile: true,
  });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>consumer</title><script type="module" src="./main.js"></script>\n',
  );
  const chunks = Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, output]): ConsumerChunk => {
      const code = readFileSync(join(root, file));
      const inputs = Object.keys(output.inputs);
      const holds: ConsumerChunk['holds'] = [];
      if (inputs.some((input) => input.includes('heic-to'))) holds.push('heic-to');
      if (code.includes('URL.revokeObjectURL(import.meta.url)')) holds.push('prepare worker');
      return {
        file: relative(dir, join(root, file)),
        bytes: statSync(join(root, file)).size,
        gzip: gzipSync(code, { level: 9 }).length,
        holds,
        entry: Boolean(output.entryPoint),
      };
    });
  return { dir, chunks };
}
