import sharp from 'sharp';

/**
 * A 64×48 JPEG with `segments` APP2 segments of 65,004 bytes right after SOI, so its frame header lies
 * `segments` × 65 KB into the file: past what an upload keeps in memory for sniffing once there are two.
 */
export async function jpegWithLongPrologue(segments: number, options: { orientation?: number } = {}) {
  const image = sharp({ create: { width: 64, height: 48, channels: 3, background: '#468' } }).jpeg();
  const stored = await (options.orientation
    ? image.withMetadata({ orientation: options.orientation })
    : image
  ).toBuffer();
  const app2 = Buffer.concat([Buffer.from([0xff, 0xe2, 0xfd, 0xea]), Buffer.alloc(65_000, 0x41)]);
  return Buffer.concat([stored.subarray(0, 2), ...Array<Buffer>(segments).fill(app2), stored.subarray(2)]);
}
