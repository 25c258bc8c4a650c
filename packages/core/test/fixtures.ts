import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const imagesDir = fileURLToPath(new URL('../../../tests/fixtures/images/', import.meta.url));

/** Bytes of a committed fixture from tests/fixtures/images (see tests/fixtures/generate.mjs). */
export function fixture(name: string): Uint8Array<ArrayBuffer> {
  const bytes = readFileSync(imagesDir + name);
  return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** A params object for createImageMessage from a fixture, the way the web path shapes it. */
export function fixtureParams(name: string, imagePath = `/photos/${name}`) {
  return { imagePath, fileContent: fixture(name), fileName: name };
}
