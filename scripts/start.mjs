#!/usr/bin/env node
// `npm start`: installs what is missing (pnpm, packages), builds the packages and the demo, and starts
// the reference server serving the demo chat. PORT, HOST and DATA_DIR are respected (defaults 8787,
// 127.0.0.1 and ./.data).
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureDependencies, ensurePnpm, log, root } from './bootstrap.mjs';

ensureDependencies(ensurePnpm());
log('building packages and the demo');
execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--no-types'], {
  stdio: 'inherit',
  cwd: root,
});

const env = {
  ...process.env,
  STATIC_DIR: process.env.STATIC_DIR ?? join(root, 'packages', 'demo', 'dist'),
  DATA_DIR: process.env.DATA_DIR ?? join(root, '.data'),
};
const server = spawn(process.execPath, [join(root, 'packages', 'server', 'dist', 'main.js')], {
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
