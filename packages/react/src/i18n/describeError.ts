import { errorCategory, formatBytes } from '@image-message/core';
import type { ImageMessageStrings, MessageParams } from './types';

/**
 * The localized text for a rejection or send failure: what happened and what to do. The text is chosen by
 * core's `errorCategory`, so every service's codes (7005 and Tencent's 2253, 6014 and Tencent's 2024…) read
 * the same in every locale; a code without a category of its own gets `errors.other`, which quotes `desc`.
 */
export function describeError(
  strings: ImageMessageStrings,
  /** The locale sizes are formatted in (its digits, a no-break space before the unit). */
  locale: string,
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
  const category = errorCategory(code);
  if (category === 'canceled') return strings.canceled;
  const values: MessageParams = {
    fileName: params.fileName,
    desc: params.desc,
    limit: formatBytes(params.maxBytes, 'down', locale),
    size: formatBytes(params.size ?? 0, 'up', locale),
    maxFiles: params.maxFiles ?? 0,
    code,
  };
  if (params.original && category === 'tooLarge') return strings.errors.tooLargeOriginal(values);
  return strings.errors[category](values);
}
