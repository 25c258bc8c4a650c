#!/usr/bin/env node
// Builds every package (library mode, one `vite build --mode <package>` each) and then the demo app.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './bootstrap.mjs';

const vite = join(root, 'node_modules', '.bin', 'vite');
for (const mode of ['core', 'react', 'tencent', 'server']) {
  if (!existsSync(join(root, 'packages', mode, 'src', 'index.ts'))) continue;
  execFileSync(vite, ['build', '--mode', mode, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
if (existsSync(join(root, 'packages', 'demo', 'vite.config.ts'))) {
  execFileSync(vite, ['build', '--logLevel', 'warn'], {
    cwd: join(root, 'packages', 'demo'),
    stdio: 'inherit',
  });
}
