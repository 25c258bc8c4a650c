import {
  formatBytes as coreFormatBytes,
  variantDimensions as coreVariantDimensions,
  readImageInfo,
} from '@image-message/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../src/api/formatBytes';
import { readBmpHeader } from '../src/images/readBmpHeader';
import { classifySignature } from '../src/images/signatures';
import { variantDimensions } from '../src/images/variantPlan';
import { fixture } from './support/testServer';

// The server may not import core at run time, so it repeats a few of its rules. These tests hold the
// copies to the originals, so the two sides cannot drift apart unnoticed.

/** Core's verdict reduced to what the signature decides. */
function coreVerdict(bytes: Uint8Array) {
  const result = readImageInfo(bytes);
  if (result.ok) return { kind: 'accepted', format: result.info.format };
  if (result.code === 2252) return { kind: 'refused', format: result.format };
  return { kind: 'not-image' };
}

function agrees(bytes: Uint8Array) {
  const server = classifySignature(bytes);
  const core = coreVerdict(bytes);
  if (core.kind === 'not-image') {
    // Core's 6031 is either an unknown signature or an accepted one whose header is damaged (which the
    // server learns from sharp): the server must not call it a refused format.
    expect(server.kind).not.toBe('refused');
  } else {
    expect(server).toEqual(core);
  }
}

const SIGNATURES: number[][] = [
  [0xff, 0xd8, 0xff, 0xe0],
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52],
  [...Buffer.from('GIF89a')],
  [...Buffer.from('RIFF\0\0\0\0WEBPVP8 ')],
  [...Buffer.from('RIFF\0\0\0\0WEBPVP8L')],
  [...Buffer.from('BM'), 0, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0, 0, 0],
  [0x49, 0x49, 0x2a, 0x00],
  [0x4d, 0x4d, 0x00, 0x2b],
  [0, 0, 1, 0, 1, 0],
  [0, 0, 0, 0x18, ...Buffer.from('ftypheic'), 0, 0, 0, 0, ...Buffer.from('mif1')],
  [0, 0, 0, 0x1c, ...Buffer.from('ftypavif'), 0, 0, 0, 0, ...Buffer.from('avifmif1miaf')],
  [0, 0, 1, 0, ...Buffer.from('ftypmif1')],
  [0xff, 0x0a],
  [...Buffer.from('8BPS')],
  [...Buffer.from('<?xml version="1.0"?><!-- c --><svg xmlns="http://www.w3.org/2000/svg">')],
  [...Buffer.from('<!DOCTYPE svg [<!ENTITY a "b">]><svg>')],
  [...Buffer.from('<html><svg></svg></html>')],
  [...Buffer.from('%PDF-1.4')],
];

describe('classifySignature agrees with core', () => {
  const names = [
    'photo.jpg',
    'photo-exif6.jpg',
    'progressive.jpg',
    'image.png',
    'image.gif',
    'image.bmp',
    'top-down.bmp',
    'lossy.webp',
    'lossless.webp',
    'extended.webp',
    'image.heic',
    'image.avif',
    'image.tiff',
    'image.svg',
    'image.ico',
    'document-pdf.png',
    'truncated.jpg',
    'truncated.png',
    'truncated.gif',
    'crafted-length.jpg',
  ];
  it.each(names)('on %s', (name) => agrees(fixture(name)));

  it('on known signatures followed by random bytes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SIGNATURES),
        fc.uint8Array({ maxLength: 300 }),
        fc.nat(40),
        (signature, tail, cut) => {
          const whole = Uint8Array.from([...signature, ...tail]);
          agrees(whole.subarray(0, Math.max(0, whole.length - cut)));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        agrees(bytes);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads BMP dimensions as core does', () => {
    for (const name of ['image.bmp', 'top-down.bmp']) {
      const core = readImageInfo(fixture(name));
      expect(core.ok && { width: core.info.width, height: core.info.height }).toEqual(
        readBmpHeader(fixture(name)),
      );
    }
    fc.assert(
      fc.property(fc.constantFrom(12, 40, 124), fc.integer(), fc.integer(), (header, width, height) => {
        const bytes = Buffer.alloc(64);
        bytes.write('BM', 0, 'latin1');
        bytes.writeUInt32LE(header, 14);
        if (header === 12) {
          bytes.writeUInt16LE(width & 0xffff, 18);
          bytes.writeUInt16LE(height & 0xffff, 20);
        } else {
          bytes.writeInt32LE(width | 0, 18);
          bytes.writeInt32LE(height | 0, 22);
        }
        const core = readImageInfo(bytes);
        const server = readBmpHeader(bytes);
        expect(server).toEqual(core.ok ? { width: core.info.width, height: core.info.height } : undefined);
      }),
    );
  });
});

describe('copied formulas', () => {
  it('variantDimensions equals core for any size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (w, h) => {
        for (const side of [198, 720]) {
          expect(variantDimensions(w, h, side)).toEqual(coreVariantDimensions(w, h, side));
        }
      }),
    );
  });

  it('formatBytes words sizes as core does', () => {
    fc.assert(
      fc.property(fc.nat(2 ** 40), fc.constantFrom('down' as const, 'up' as const), (n, rounding) => {
        expect(formatBytes(n, rounding)).toBe(coreFormatBytes(n, rounding));
      }),
    );
    expect(formatBytes(29_360_128)).toBe('28 MB');
    expect(formatBytes(29_360_129, 'up')).toBe('28.1 MB');
  });
});
