import { ErrorCode, formatBytes } from '@image-message/core';
import type { ImageMessageStrings, MessageParams } from './types';

/** Which text describes which code; any other code gets `errors.other`. */
const TEXT_FOR_CODE: Readonly<Record<number, keyof ImageMessageStrings['errors']>> = {
  [ErrorCode.FILE_SIZE_EMPTY]: 'empty',
  [ErrorCode.FILE_TOO_LARGE]: 'tooLarge',
  [ErrorCode.IMAGE_TYPE_LIMIT]: 'typeLimit',
  [ErrorCode.NOT_IMAGE]: 'notImage',
  [ErrorCode.TOO_MANY_FILES]: 'tooMany',
  [ErrorCode.INVALID_IMAGE_PATH]: 'invalidPath',
  [ErrorCode.UPLOAD_FAILED]: 'uploadFailed',
  [ErrorCode.NETWORK_DISCONNECT]: 'network',
  [ErrorCode.REQUEST_TIMEOUT]: 'timeout',
  // Service codes the SDK documents (the reference server uses 6014 and 10007 too).
  ...Object.fromEntries(
    [6014, 2024, 3001, 3002, 3003, 3004, 3005, 3006, 20002, 70001].map((code) => [code, 'signedOut']),
  ),
  ...Object.fromEntries(
    [10007, 10017, 20007, 20009, 20010, 20011, 20012].map((code) => [code, 'notAllowed']),
  ),
};

/** The localized text for a rejection or send failure: what happened and what to do. */
export function describeError(
  strings: ImageMessageStrings,
  code: number,
  params: {
    fileName: string;
    desc: string;
    size?: number;
    maxBytes: number;
    maxFiles?: number;
    /** Judged as Original: a 7005 then says to turn Original off. */
    original?: boolean;
  },
): string {
  const values: MessageParams = {
    fileName: params.fileName,
    desc: params.desc,
    limit: formatBytes(params.maxBytes),
    size: formatBytes(params.size ?? 0, 'up'),
    maxFiles: params.maxFiles ?? 0,
    code,
  };
  if (params.original && code === ErrorCode.FILE_TOO_LARGE) return strings.errors.tooLargeOriginal(values);
  return strings.errors[TEXT_FOR_CODE[code] ?? 'other'](values);
}
