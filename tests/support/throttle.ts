import { Transform } from 'node:stream';

/** A stream that passes at most `bytes` every `ms` milliseconds: a slow link in front of a server. */
export function throttle(bytes: number, ms: number): Transform {
  return new Transform({
    highWaterMark: bytes,
    transform(chunk: Buffer, _encoding, done) {
      const pieces: Buffer[] = [];
      for (let at = 0; at < chunk.length; at += bytes) pieces.push(chunk.subarray(at, at + bytes));
      const next = () => {
        const piece = pieces.shift();
        if (!piece) return done();
        this.push(piece);
        setTimeout(next, ms);
      };
      next();
    },
  });
}
