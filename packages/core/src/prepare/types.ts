import { IMAGE_MAX_BYTES } from '../constants';

/**
 * How `prepareImageFile` prepares a photo before it becomes a message.
 *
 * @example
 * await prepareImageFile(file, { original: composerOriginalSwitch.checked });
 */
export interface PrepareImageOptions {
  /**
   * Send the image at full resolution: no downscaling and no re-encoding (metadata is still stripped,
   * losslessly). Default `false`.
   */
  original?: boolean;
  /** The longest side, in pixels, a prepared image may have unless `original`. Default 2560. */
  maxDimension?: number;
  /** JPEG and WebP re-encoding quality, 0–1. Default 0.85. */
  quality?: number;
  /**
   * Remove EXIF (GPS above all), XMP, IPTC and comments; the Orientation tag alone is kept so the image
   * still shows upright. Default `true`.
   */
  stripMetadata?: boolean;
  /** Compute a ThumbHash placeholder (`PreparedImage.placeholder`). Default `true`. */
  placeholder?: boolean;
  /**
   * The size limit, judged on the prepared file (not the source): over it → 7005. Default 28 MiB
   * (`IMAGE_MAX_BYTES`); pass a transport's lower limit to judge against that one.
   */
  maxBytes?: number;
}

/**
 * A photo ready to become a message: `file` is what to send (`fileToImageMessageParams(prepared.file)`),
 * `width`/`height` are its displayed dimensions, `source` describes what the user picked.
 *
 * @example
 * const res = await prepareImageFile(file);
 * if (res.code === 0) console.log(res.data.source.size, '→', res.data.file.size, res.data.placeholder);
 */
export interface PreparedImage {
  /** The bytes to send: re-encoded, or the source with its metadata stripped. HEIC arrives as `.jpg`. */
  file: File;
  /** As displayed (EXIF orientation applied). */
  width: number;
  height: number;
  /** A ThumbHash of the image, base64; paint it with `placeholderToDataUrl` until the image loads. */
  placeholder?: string;
  /**
   * A small copy for a draft's thumbnail (shorter side `PREVIEW_SHORT_SIDE`, WebP or PNG), made beside the
   * placeholder so no page decodes a full photo to show 88 pixels of it. Absent where preparing has no
   * codec (jsdom), for animations, and when the image is that small already.
   */
  preview?: Blob;
  /** The file as picked: its size in bytes, displayed dimensions and format (`'jpeg'`, `'heic'`, …). */
  source: { size: number; width: number; height: number; format: string };
}

/** Every option with its default filled in. */
export type ResolvedPrepareOptions = Required<PrepareImageOptions>;

export const PREPARE_DEFAULTS: ResolvedPrepareOptions = {
  original: false,
  maxDimension: 2560,
  quality: 0.85,
  stripMetadata: true,
  placeholder: true,
  maxBytes: IMAGE_MAX_BYTES,
};
