import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@image-message/server';
import { afterAll, beforeAll } from 'vitest';
import { signIn } from './signIn';

export interface SuiteServer {
  /** Where the server listens (read it inside tests and hooks: it is set once the suite starts). */
  readonly url: string;
  readonly dataDir: string;
  /** A session token for `userID`, as the demo gets one. */
  login(userID: string): Promise<string>;
}

/**
 * The real reference server for the test file that calls this: started in a fresh data dir (named after
 * `prefix`) before its tests, stopped and its data removed after them.
 */
export function referenceServerForThisFile(prefix: string): SuiteServer {
  let server: RunningServer | undefined;
  let dataDir: string | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The reference server starts in beforeAll; use it in a test.');
    return value;
  };
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), prefix));
    server = await startServer({ port: 0, dataDir });
  });
  afterAll(async () => {
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  return {
    get url() {
      return started(server).url;
    },
    get dataDir() {
      return started(dataDir);
    },
    login: (userID) => signIn(started(server).url, userID),
  };
}
