/**
 * `@image-message/server` — the reference IM server for image messages. See README.md for the HTTP API.
 */
export { ApiError } from './api/apiError';
export {
  DEFAULT_SEED,
  IMAGE_MAX_BYTES,
  type LogLevel,
  optionsFromEnv,
  parseCorsOrigins,
  type SeedGroup,
  type SeedUser,
  type ServerOptions,
} from './config';
export type { ViewerMessage } from './messages/toV2TimMessage';
export { type RunningServer, startServer } from './startServer';
