#!/usr/bin/env node
import { optionsFromEnv } from './config';
import { startServer } from './startServer';

/**
 * `node dist/main.js` — starts the server from the environment: HOST (127.0.0.1), PORT (8787),
 * DATA_DIR (./.data), CORS_ORIGINS (comma-separated), STATIC_DIR, PUBLIC_URL, SYNC_WRITES,
 * UPLOAD_IDLE_TIMEOUT_MS (30000), LOG_LEVEL (warn).
 */
async function main() {
  const options = optionsFromEnv(process.env);
  const server = await startServer({ logLevel: 'warn', ...options });
  const stop = (signal: string) => {
    console.log(`${signal}: stopping`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  console.log(`image-message server listening on ${server.url} (data in ${server.dataDir})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
