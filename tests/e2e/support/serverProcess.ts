import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../scripts/freePort';

const root = join(import.meta.dirname, '..', '..', '..');
const MAIN = join(root, 'packages', 'server', 'dist', 'main.js');
const STATIC_DIR = join(root, 'packages', 'demo', 'dist');

/**
 * The built reference server serving the built demo, exactly as `npm start` runs it (PORT, DATA_DIR,
 * STATIC_DIR), in a child process that the tests can stop and start again on the same data.
 */
export class ServerProcess {
  private child: ChildProcess | undefined;
  readonly url: string;

  private constructor(
    readonly port: number,
    readonly dataDir: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  static async start(): Promise<ServerProcess> {
    if (!existsSync(MAIN) || !existsSync(join(STATIC_DIR, 'index.html'))) {
      throw new Error('The server or the demo is not built. Run `node scripts/build.mjs --no-types` first.');
    }
    const server = new ServerProcess(await freePort(), await mkdtemp(join(tmpdir(), 'im-e2e-')));
    await server.launch();
    return server;
  }

  private launch(): Promise<void> {
    const child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, PORT: String(this.port), DATA_DIR: this.dataDir, STATIC_DIR },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let output = '';
    return new Promise((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk;
        if (output.includes('listening on')) resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk) => (output += chunk));
      child.once('exit', (code) =>
        reject(new Error(`The server exited (${code}) before listening:\n${output}`)),
      );
    });
  }

  /** Stops the process (SIGTERM, as Ctrl+C would) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.launch();
  }

  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
