import { ErrorCode, formatBytes } from '@image-message/core';
import type { ImageMessageStrings, MessageParams } from './types';

/** The localized text for a rejection or send failure: what happened and what to do. */
export function describeError(
  strings: ImageMessageStrings,
  code: number,
  params: { fileName: string; desc: string; size?: number; maxBytes: number; maxFiles?: number },
): string {
  const values: MessageParams = {
    fileName: params.fileName,
    desc: params.desc,
    limit: formatBytes(params.maxBytes),
    size: formatBytes(params.size ?? 0),
    maxFiles: params.maxFiles ?? 0,
  };
  const { errors } = strings;
  switch (code) {
    case ErrorCode.FILE_SIZE_EMPTY:
      return errors.empty(values);
    case ErrorCode.FILE_TOO_LARGE:
      return errors.tooLarge(values);
    case ErrorCode.IMAGE_TYPE_LIMIT:
      return errors.typeLimit(values);
    case ErrorCode.NOT_IMAGE:
      return errors.notImage(values);
    case ErrorCode.TOO_MANY_FILES:
      return errors.tooMany(values);
    case ErrorCode.INVALID_IMAGE_PATH:
      return errors.invalidPath(values);
    case ErrorCode.UPLOAD_FAILED:
      return errors.uploadFailed(values);
    case ErrorCode.NETWORK_DISCONNECT:
      return errors.network(values);
    case ErrorCode.REQUEST_TIMEOUT:
      return errors.timeout(values);
    default:
      return errors.other(values);
  }
}
