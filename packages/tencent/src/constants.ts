/**
 * The Web SDK's default image limit: 20 MiB (20,971,520 bytes), `UPLOAD_SIZE_LIMIT.I` in
 * `@tencentcloud/chat` 3.6.6. An app's cloud configuration (`upload_size_limit`) can change it; pass
 * `maxBytes` to `createTencentChatTransport` when yours differs. The SDK refuses a file whose size is not
 * strictly below the limit (error 2253).
 *
 * @example formatBytes(TENCENT_IMAGE_MAX_BYTES) // "20 MB"
 */
export const TENCENT_IMAGE_MAX_BYTES = 20 * 1024 * 1024;
