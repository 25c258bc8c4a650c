/** What `paintImageFile` draws. */
export interface PaintImageOptions {
  name: string;
  width: number;
  height: number;
  /** A type `canvas.toBlob` can encode in Chromium: PNG, JPEG or WebP. */
  type?: 'image/png' | 'image/jpeg' | 'image/webp';
  /** Base hue of the gradient, 0–360. */
  hue?: number;
}

/**
 * A real, decodable image with something to see: a gradient, a frame along every edge and its size in
 * the middle. The testing kit's `createImageFile` makes flat colours of exact byte sizes (right for
 * limits and progress); a painted image shows how a thumbnail crops (`object-fit: cover` hides the
 * frame on the long sides) and that the preview really is the picked file.
 */
export async function paintImageFile({
  name,
  width,
  height,
  type = 'image/png',
  hue = 210,
}: PaintImageOptions): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas in this browser.');

  const gradient = context.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, `hsl(${hue} 80% 62%)`);
  gradient.addColorStop(1, `hsl(${(hue + 60) % 360} 70% 38%)`);
  context.fillStyle = gradient;
  context.fillRect(0, 0, width, height);

  const short = Math.min(width, height);
  context.strokeStyle = 'rgb(255 255 255 / 0.85)';
  context.lineWidth = Math.max(2, short / 24);
  context.strokeRect(
    context.lineWidth / 2,
    context.lineWidth / 2,
    width - context.lineWidth,
    height - context.lineWidth,
  );

  context.fillStyle = 'rgb(255 255 255 / 0.9)';
  context.beginPath();
  context.arc(width / 2, height / 2, short / 5, 0, Math.PI * 2);
  context.fill();

  context.fillStyle = `hsl(${hue} 60% 20%)`;
  context.font = `600 ${Math.max(10, short / 10)}px system-ui, sans-serif`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(`${width}×${height}`, width / 2, height / 2);

  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (made) => (made ? resolve(made) : reject(new Error(`Could not encode ${type}.`))),
      type,
      0.9,
    ),
  );
  return new File([blob], name, { type });
}
