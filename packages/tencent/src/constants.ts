/**
 * The largest image the Web SDK sends by default: 20 MiB − 1 byte (20,971,519 bytes). The SDK's limit,
 * `UPLOAD_SIZE_LIMIT.I` in `@tencentcloud/chat` 3.6.6, is 20 MiB, and it refuses a file whose size is not
 * strictly below it (error 2253); as a `maxBytes` — the largest size allowed, as everywhere in this
 * library — that is one byte less, so the manager refuses a file of exactly 20 MiB when it is created
 * (7005), before anything reaches the SDK. It still reads "20 MB".
 *
 * @example formatBytes(TENCENT_IMAGE_MAX_BYTES) // "20 MB"
 */
export const TENCENT_IMAGE_MAX_BYTES = 20 * 1024 * 1024 - 1;
