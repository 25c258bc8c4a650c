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

const realWorldDir = fileURLToPath(new URL('../../../tests/fixtures/real-world/', import.meta.url));

/** Bytes of a file made by other software (tests/fixtures/real-world, see its README). */
export function realWorldFixture(name: string): Uint8Array<ArrayBuffer> {
  const bytes = readFileSync(realWorldDir + name);
  return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** The bytes of `parts` one after another. */
export function concat(...parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
