import { resolve } from 'node:path';

/** A user created (or kept) at every start. */
export interface SeedUser {
  userID: string;
  nickName: string;
}

/** A group created (or kept) at every start; `members` are user ids. */
export interface SeedGroup {
  groupID: string;
  name: string;
  members: string[];
}

/**
 * Options of `startServer`. Every field is optional; `main.ts` fills them from the environment.
 *
 * @example
 * const server = await startServer({ port: 0, dataDir: await mkdtemp(join(tmpdir(), 'im-')) });
 */
export interface ServerOptions {
  /** Interface to listen on (default `127.0.0.1`: loopback only). */
  host?: string;
  /** TCP port; `0` picks a free one (default 8787). */
  port?: number;
  /** Where `im.sqlite`, `images/`, `tmp/` and the URL-signing secret live (default `./.data`). */
  dataDir?: string;
  /**
   * Origins allowed to call the API from a browser page on another origin. Exact strings
   * (`http://localhost:5173`) or patterns. Empty (the default) sends no CORS headers at all.
   */
  corsOrigins?: (string | RegExp)[];
  /** A built single-page app to serve at `/`, with `index.html` for unknown non-API paths. */
  staticDir?: string;
  /** Users and groups to create at start (default: alice, bob, carol and group `team` with all three). */
  seed?: { users: SeedUser[]; groups: SeedGroup[] };
  /** Largest accepted upload in bytes (default 28 MiB, the SDK's limit). */
  maxUploadBytes?: number;
  /** How long signed image links stay valid, in seconds (default 24 h, rounded up to the hour). */
  imageUrlTtlSeconds?: number;
  /**
   * Base of the absolute URLs put into messages (e.g. `https://chat.example.dev`). By default each
   * response uses the origin the client reached the server on (its `Host` header).
   */
  publicUrl?: string;
  /** fsync image files and use SQLite `synchronous=FULL`, surviving power loss, not only restarts. */
  syncWrites?: boolean;
  /**
   * An upload whose body sends no byte for this long is cut (408 / 6012) and its temp file deleted, so a
   * stalled client or proxy cannot hold a connection and a partial file forever (default 30 000 ms).
   */
  uploadIdleTimeoutMs?: number;
  /**
   * A resumable (tus) upload that no send has taken this long after its creation is deleted, finished or
   * not (default 24 h). Checked at start and every `uploadCleanupIntervalMs`.
   */
  uploadExpiryMs?: number;
  /** How often expired resumable uploads are looked for (default 10 min, at most the expiry). */
  uploadCleanupIntervalMs?: number;
  /**
   * Decoded bytes (RGBA, every frame) one image may take while its THUMB/LARGE are made, in a worker
   * thread (default 256 MiB). Bigger images — a BMP or an animation that decodes whole, or any image
   * over `memory / 4` pixels — keep the original as their variants.
   */
  variantMemoryBytes?: number;
  /** fastify's (pino's) log level; `info` logs every request (default `silent`; `main.ts` uses `warn`). */
  logLevel?: LogLevel;
}

export type LogLevel = 'silent' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
const LOG_LEVELS: readonly LogLevel[] = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'];

export const IMAGE_MAX_BYTES = 28 * 1024 * 1024;

export const DEFAULT_SEED: Required<ServerOptions>['seed'] = {
  users: [
    { userID: 'alice', nickName: 'Alice' },
    { userID: 'bob', nickName: 'Bob' },
    { userID: 'carol', nickName: 'Carol' },
  ],
  groups: [{ groupID: 'team', name: 'Team', members: ['alice', 'bob', 'carol'] }],
};

export interface ResolvedOptions {
  host: string;
  port: number;
  dataDir: string;
  corsOrigins: (string | RegExp)[];
  staticDir: string | undefined;
  seed: Required<ServerOptions>['seed'];
  maxUploadBytes: number;
  imageUrlTtlSeconds: number;
  publicUrl: string | undefined;
  syncWrites: boolean;
  uploadIdleTimeoutMs: number;
  uploadExpiryMs: number;
  uploadCleanupIntervalMs: number;
  variantMemoryBytes: number;
  logLevel: LogLevel;
}

export function resolveOptions(options: ServerOptions = {}): ResolvedOptions {
  const port = options.port ?? 8787;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`port must be an integer from 0 to 65535, got ${String(options.port)}.`);
  }
  return {
    host: options.host ?? '127.0.0.1',
    port,
    dataDir: resolve(options.dataDir ?? './.data'),
    corsOrigins: options.corsOrigins ?? [],
    staticDir: options.staticDir ? resolve(options.staticDir) : undefined,
    seed: options.seed ?? DEFAULT_SEED,
    maxUploadBytes: options.maxUploadBytes ?? IMAGE_MAX_BYTES,
    imageUrlTtlSeconds: Math.max(60, options.imageUrlTtlSeconds ?? 24 * 60 * 60),
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    syncWrites: options.syncWrites ?? false,
    uploadIdleTimeoutMs: Math.max(1, options.uploadIdleTimeoutMs ?? 30_000),
    uploadExpiryMs: Math.max(1, options.uploadExpiryMs ?? 24 * 60 * 60 * 1000),
    uploadCleanupIntervalMs: Math.max(
      1,
      Math.min(
        options.uploadCleanupIntervalMs ?? 10 * 60 * 1000,
        options.uploadExpiryMs ?? Number.POSITIVE_INFINITY,
      ),
    ),
    variantMemoryBytes: Math.max(1024 * 1024, options.variantMemoryBytes ?? 256 * 1024 * 1024),
    logLevel: options.logLevel ?? 'silent',
  };
}

/**
 * Reads `HOST`, `PORT`, `DATA_DIR`, `CORS_ORIGINS` (comma-separated; an entry wrapped in slashes, like
 * `/^http:\/\/localhost:\d+$/`, is a pattern), `STATIC_DIR`, `PUBLIC_URL`, `SYNC_WRITES=1`,
 * `UPLOAD_IDLE_TIMEOUT_MS`, `UPLOAD_EXPIRY_MS` and `LOG_LEVEL` (`silent`…`trace`).
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv): ServerOptions {
  const options: ServerOptions = {};
  if (env.HOST) options.host = env.HOST;
  if (env.PORT !== undefined && env.PORT !== '') {
    const port = Number(env.PORT);
    if (!Number.isInteger(port)) throw new Error(`PORT must be a number, got "${env.PORT}".`);
    options.port = port;
  }
  if (env.DATA_DIR) options.dataDir = env.DATA_DIR;
  if (env.CORS_ORIGINS) options.corsOrigins = parseCorsOrigins(env.CORS_ORIGINS);
  if (env.STATIC_DIR) options.staticDir = env.STATIC_DIR;
  if (env.PUBLIC_URL) options.publicUrl = env.PUBLIC_URL;
  if (env.SYNC_WRITES) options.syncWrites = isTrue(env.SYNC_WRITES);
  if (env.UPLOAD_IDLE_TIMEOUT_MS) {
    const ms = Number(env.UPLOAD_IDLE_TIMEOUT_MS);
    if (!Number.isInteger(ms) || ms < 1) {
      throw new Error(
        `UPLOAD_IDLE_TIMEOUT_MS must be a positive whole number, got "${env.UPLOAD_IDLE_TIMEOUT_MS}".`,
      );
    }
    options.uploadIdleTimeoutMs = ms;
  }
  if (env.UPLOAD_EXPIRY_MS) {
    const ms = Number(env.UPLOAD_EXPIRY_MS);
    if (!Number.isInteger(ms) || ms < 1) {
      throw new Error(`UPLOAD_EXPIRY_MS must be a positive whole number, got "${env.UPLOAD_EXPIRY_MS}".`);
    }
    options.uploadExpiryMs = ms;
  }
  if (env.LOG_LEVEL) {
    const level = env.LOG_LEVEL.trim().toLowerCase() as LogLevel;
    if (!LOG_LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.`);
    options.logLevel = level;
  }
  return options;
}

function isTrue(value: string): boolean {
  return /^(1|true|yes|on)$/i.test(value.trim());
}

export function parseCorsOrigins(value: string): (string | RegExp)[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const pattern = /^\/(.+)\/([a-z]*)$/.exec(entry);
      // A bare origin must match exactly; a trailing slash would never equal the browser's Origin header.
      return pattern ? new RegExp(pattern[1] as string, pattern[2]) : entry.replace(/\/+$/, '');
    });
}
