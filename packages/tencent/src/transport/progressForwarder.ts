/**
 * Turns the SDK's upload fraction (0–1; tim-upload-plugin reports `floor(100 * loaded / total) / 100`)
 * into `onProgress(loaded, total)` calls whose percent, as the manager computes it, is
 * `Math.round(fraction * 100)`: integers 0–100 that never decrease. Repeated, smaller, out-of-range or
 * non-numeric fractions are dropped rather than clamped downwards.
 *
 * @example
 * const forward = createProgressForwarder(bytes.byteLength, onProgress);
 * forward(0.57); // onProgress(ceil(0.57 * total), total) → the manager shows 57
 */
export function createProgressForwarder(
  total: number,
  onProgress: (loaded: number, total: number) => void,
): (fraction: unknown) => void {
  let lastPercent = -1;
  return (fraction) => {
    if (typeof fraction !== 'number' || !Number.isFinite(fraction) || total <= 0) return;
    const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
    if (percent <= lastPercent) return;
    lastPercent = percent;
    // ceil, so the manager's floor(loaded * 100 / total) lands on `percent` for any image of 100+ bytes.
    onProgress(Math.min(total, Math.ceil((percent * total) / 100)), total);
  };
}
