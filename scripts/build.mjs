#!/usr/bin/env node
// Builds every package (library mode, one `vite build --mode <package>` each) and then the demo app.
// `--no-types` skips the .d.ts files (most of the time), for `npm start` and the end-to-end tests, which
// only run the JavaScript. `--no-demo` builds only the packages (the packaging check packs them).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './bootstrap.mjs';

const vite = join(root, 'node_modules', '.bin', 'vite');
const env = { ...process.env, ...(process.argv.includes('--no-types') && { IM_SKIP_TYPES: '1' }) };
const build = (...args) =>
  execFileSync(vite, ['build', '--logLevel', 'warn', ...args], { cwd: root, stdio: 'inherit', env });

for (const mode of ['core', 'react', 'tencent', 'server']) build('--mode', mode);
if (!process.argv.includes('--no-demo')) build('--config', join(root, 'packages', 'demo', 'vite.config.ts'));
