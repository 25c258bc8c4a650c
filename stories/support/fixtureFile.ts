import pdfUrl from '../../tests/fixtures/images/document-pdf.png?url';
import tiffUrl from '../../tests/fixtures/images/image.tiff?url';
import heicUrl from '../../tests/fixtures/photos/photo.heic?url';

/** The committed fixtures the stories drop (see tests/fixtures/generate.mjs and generate-photos.sh). */
const FIXTURES = {
  /** A real HEVC HEIC as iPhones write it (480 × 360): converted to JPEG before sending. */
  heic: heicUrl,
  /** A real TIFF: an image, but not a format the SDK sends. */
  tiff: tiffUrl,
  /** A PDF whose name ends in .png: the bytes, not the name, decide. */
  pdf: pdfUrl,
} as const;

/** A committed fixture as a `File` with the name and claimed type a user's file would have. */
export async function fixtureFile(fixture: keyof typeof FIXTURES, name: string, type: string): Promise<File> {
  const response = await fetch(FIXTURES[fixture]);
  if (!response.ok) throw new Error(`Fixture ${fixture} did not load (${response.status}).`);
  return new File([await response.arrayBuffer()], name, { type });
}
