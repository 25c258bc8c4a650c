import * as ErrorCode from '../errorCodes';
import type { V2TimValueCallback } from '../types';
import type { PreparedImage } from './types';

export type PrepareResult = V2TimValueCallback<PreparedImage>;

/** A result, or: this is a HEIC the browser cannot decode — decode it elsewhere and ask again. */
export type PrepareOutcome = PrepareResult | { needsDecoder: 'heic' };

/** 2252 for a HEIC that cannot be converted here, with what the user can do instead. */
export const HEIC_NOT_CONVERTED: PrepareResult = {
  code: ErrorCode.IMAGE_TYPE_LIMIT,
  desc: 'This HEIC/HEIF photo could not be converted to JPEG in this browser. Export it as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible, or share it as JPEG) and try again.',
};
