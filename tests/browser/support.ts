// Helpers shared by the browser tests (run in each engine, against the server globalSetup.ts starts).

/** Signs `userID` in at the reference server and returns the session token. */
export async function signIn(serverUrl: string, userID: string): Promise<string> {
  const response = await fetch(`${serverUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userID }),
  });
  return ((await response.json()) as { data: { token: string } }).data.token;
}

/** A PNG of random noise (so it does not compress): about 3 bytes per pixel. */
export async function noisePng(width: number, height: number, name = 'noise.png'): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  const pixels = context.createImageData(width, height);
  const random = new Uint32Array(pixels.data.buffer);
  // getRandomValues fills at most 64 KiB per call.
  for (let offset = 0; offset < random.length; offset += 16384) {
    crypto.getRandomValues(random.subarray(offset, offset + 16384));
  }
  for (let i = 3; i < pixels.data.length; i += 4) pixels.data[i] = 255;
  context.putImageData(pixels, 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new File([blob], name, { type: 'image/png' });
}

/** Hex SHA-256 of some bytes. */
export async function digest(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', bytes as ArrayBuffer);
  return Array.from(new Uint8Array(hash), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
