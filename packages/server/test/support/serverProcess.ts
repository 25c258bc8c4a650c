import { type ChildProcess, spawn } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { serverExternals } from '../../../../scripts/serverExternals.ts';
import { sourceAliases } from '../../../../scripts/sourceAliases.ts';

const serverRoot = fileURLToPath(new URL('../../', import.meta.url));
// Under the package's node_modules, so the bundle resolves fastify, sharp… exactly as dist/ would.
const cacheDir = join(serverRoot, 'node_modules', '.cache');

/**
 * Bundles src/main.ts the way the library build does (dependencies external), for a child process.
 * Each suite passes its own `name`, so suites building at the same time never empty each other's output.
 * `@image-message/core` is bundled from its sources (the build keeps it external and imports core's dist),
 * so these tests need no build first, like every other suite.
 */
export async function buildServerMain(name = 'server-process-test'): Promise<string> {
  const outDir = join(cacheDir, name);
  await build({
    configFile: false,
    logLevel: 'silent',
    root: serverRoot,
    resolve: { alias: sourceAliases },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rolldownOptions: {
        input: { main: join(serverRoot, 'src/main.ts') },
        external: serverExternals({ bundleWorkspace: true }),
        output: { entryFileNames: '[name].js', format: 'es' },
      },
    },
  });
  // The variant worker thread's script goes beside the bundle, as in dist/.
  await copyFile(join(serverRoot, 'src/images/renderWorker.mjs'), join(outDir, 'renderWorker.mjs'));
  return join(outDir, 'main.js');
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Ends the process and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `node main.js` with the given environment and waits for the URL it prints. */
export function spawnServer(mainJs: string, env: Record<string, string>): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [mainJs], {
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      child.stdout?.off('data', onData);
      resolve({
        url,
        child,
        kill(signal = 'SIGTERM') {
          return new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill(signal);
          });
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}
