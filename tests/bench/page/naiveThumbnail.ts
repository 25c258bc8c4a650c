/** Shorter side of a THUMB, as the SDK makes them. */
const THUMB_SHORT_SIDE = 198;

/**
 * Figure 3's baseline: the preview many composers ship — load the image, draw a 198 px thumbnail into a
 * canvas and take it as a data URL, all on the main thread (taking the pixels decodes the full image there).
 */
export async function drawNaiveThumbnail(file: File, into: HTMLElement): Promise<void> {
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the image did not load'));
    });
    const scale = THUMB_SHORT_SIDE / Math.min(img.naturalWidth, img.naturalHeight);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.naturalWidth * scale);
    canvas.height = Math.round(img.naturalHeight * scale);
    canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
    const thumbnail = new Image();
    thumbnail.src = canvas.toDataURL('image/jpeg', 0.8);
    await thumbnail.decode();
    into.append(thumbnail);
  } finally {
    URL.revokeObjectURL(url);
  }
}
