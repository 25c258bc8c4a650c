import pdfUrl from '../../tests/fixtures/images/document-pdf.png?url';
import heicUrl from '../../tests/fixtures/images/image.heic?url';

/** The committed fixtures the rejection stories drop (see tests/fixtures/generate.mjs). */
const FIXTURES = {
  /** A real HEIC (iPhone) header: an image, but not a format the SDK sends. */
  heic: heicUrl,
  /** A PDF whose name ends in .png: the bytes, not the name, decide. */
  pdf: pdfUrl,
} as const;

/** A committed fixture as a `File` with the name and claimed type a user's file would have. */
export async function fixtureFile(fixture: keyof typeof FIXTURES, name: string, type: string): Promise<File> {
  const response = await fetch(FIXTURES[fixture]);
  if (!response.ok) throw new Error(`Fixture ${fixture} did not load (${response.status}).`);
  return new File([await response.arrayBuffer()], name, { type });
}
