import { IMAGE_VARIANT_SHORT_SIDE, ImageType, type V2TimImage } from '@image-message/core';
import type { TencentImageInfo } from '../sdk/tencentSdk';

interface Candidate {
  width: number;
  height: number;
  url: string;
  size: number;
  index: number;
}

function toCandidates(imageInfoArray: unknown): Candidate[] {
  if (!Array.isArray(imageInfoArray)) return [];
  const candidates: Candidate[] = [];
  imageInfoArray.forEach((entry: TencentImageInfo | null | undefined, index) => {
    // The SDK pre-fills three slots with `url: ""` and zero sizes; those are not images.
    if (typeof entry?.url !== 'string' || entry.url === '') return;
    const width = Number(entry.width) || 0;
    const height = Number(entry.height) || 0;
    candidates.push({ width, height, url: entry.url, size: Number(entry.size) || 0, index });
  });
  return candidates;
}

const shortSide = (image: Candidate) => Math.min(image.width, image.height);

/** Bigger first: shorter side, then area, then bytes (only the original carries them), then SDK order. */
function compareForOrigin(a: Candidate, b: Candidate): number {
  return (
    shortSide(b) - shortSide(a) ||
    b.width * b.height - a.width * a.height ||
    b.size - a.size ||
    a.index - b.index
  );
}

/** The candidate whose shorter side is closest to `target` (ties: the smaller one, then SDK order). */
function closestTo(candidates: readonly Candidate[], target: number): Candidate | undefined {
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    if (!best) {
      best = candidate;
      continue;
    }
    const distance = Math.abs(shortSide(candidate) - target) - Math.abs(shortSide(best) - target);
    if (distance < 0 || (distance === 0 && shortSide(candidate) < shortSide(best))) best = candidate;
  }
  return best;
}

function toImage(type: number, candidate: Candidate): V2TimImage {
  const image: V2TimImage = { type, url: candidate.url, width: candidate.width, height: candidate.height };
  if (candidate.size > 0) image.size = candidate.size;
  return image;
}

/**
 * `payload.imageInfoArray` of an SDK image message → `imageElem.imageList`, ORIGIN first, then THUMB and
 * LARGE when the SDK has them. The kinds are chosen by dimensions, never by position or the SDK's `type`:
 * the Web SDK fills the array as [origin, large, thumb] during the upload and swaps the last two after
 * `sendMessage` succeeds (`Tt` in index.es.js), so the same message reads differently depending on when
 * you look. ORIGIN is the biggest image; THUMB is the remaining one whose shorter side is closest to
 * 198 px, LARGE the one closest to 720 px. Below 198 px all three are the same picture, as in the SDK.
 *
 * @example toImageList(message.payload.imageInfoArray)[0].url // the original
 */
export function toImageList(imageInfoArray: unknown): V2TimImage[] {
  const candidates = toCandidates(imageInfoArray).sort(compareForOrigin);
  const [origin, ...rest] = candidates;
  if (!origin) return [];
  const list = [toImage(ImageType.ORIGIN, origin)];
  const thumbSide = IMAGE_VARIANT_SHORT_SIDE[ImageType.THUMB];
  const largeSide = IMAGE_VARIANT_SHORT_SIDE[ImageType.LARGE];
  // A lone variant is whichever kind it is nearer to, so a missing thumbnail never turns LARGE into THUMB.
  const lone = rest.length === 1 ? rest[0] : undefined;
  const loneIsLarge = lone && Math.abs(shortSide(lone) - largeSide) < Math.abs(shortSide(lone) - thumbSide);
  const thumb = loneIsLarge ? undefined : closestTo(rest, thumbSide);
  if (thumb) list.push(toImage(ImageType.THUMB, thumb));
  const large = closestTo(
    rest.filter((candidate) => candidate !== thumb),
    largeSide,
  );
  if (large) list.push(toImage(ImageType.LARGE, large));
  return list;
}
