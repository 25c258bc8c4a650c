import { ErrorCode } from '@image-message/core';
import { describe, expect, it, vi } from 'vitest';
import { createProgressForwarder } from '../src/transport/progressForwarder';
import { flush, setup } from './support/setup';

describe('progress: the SDK fraction → integer percents that never decrease', () => {
  it('reaches onProgress, every listener and message.progress as the same integers, 100 before success', async () => {
    const s = setup();
    const id = await s.create();
    const seen: number[] = [];
    const listened: number[] = [];
    s.manager.addAdvancedMsgListener({
      onSendMessageProgress: (_message, progress) => listened.push(progress),
    });
    const sending = s.manager.sendMessage({ id, receiver: 'bob', onProgress: (p) => seen.push(p) });
    await flush();

    const upload = s.double.upload();
    // tim-upload-plugin reports floor(100 * loaded / total) / 100, and XHR events may repeat or lag.
    for (const fraction of [0, 0.01, 0.1, 0.1, 0.57, 0.3, 0.999, 1, 1]) {
      upload.progress(fraction);
      expect(s.manager.getSendState(id)?.progress).toBe(seen.at(-1));
    }
    expect(s.manager.getSendState(id)?.message.progress).toBe(100);
    upload.succeed();
    const result = await sending;

    expect(result.code).toBe(ErrorCode.SUCC);
    expect(seen).toEqual([0, 1, 10, 57, 100]);
    expect(listened).toEqual(seen);
    for (const value of seen) expect(Number.isInteger(value)).toBe(true);
  });

  it('ignores fractions outside 0–1 and non-numbers without going backwards', () => {
    const onProgress = vi.fn();
    const forward = createProgressForwarder(1000, onProgress);
    for (const fraction of [Number.NaN, -1, 0.2, '0.5', undefined, 1.7, 0.4]) forward(fraction);

    // 1.7 is clamped to 100%; 0.4 after it would go backwards and is dropped.
    expect(onProgress.mock.calls).toEqual([
      [0, 1000],
      [200, 1000],
      [1000, 1000],
    ]);
  });

  it('makes the manager show Math.round(fraction * 100) for odd sizes', () => {
    for (const total of [100, 101, 480, 997, 20_971_519]) {
      const percents: number[] = [];
      const forward = createProgressForwarder(total, (loaded, all) =>
        percents.push(Math.floor((Math.min(loaded, all) * 100) / all)),
      );
      for (let step = 0; step <= 100; step++) forward(step / 100);
      expect(percents).toEqual(Array.from({ length: 101 }, (_, step) => step));
    }
  });

  it('stops reporting the SDK progress of an attempt once it is canceled', async () => {
    const s = setup();
    const id = await s.create();
    const seen: number[] = [];
    const controller = new AbortController();
    const sending = s.manager.sendMessage({
      id,
      receiver: 'bob',
      signal: controller.signal,
      onProgress: (p) => seen.push(p),
    });
    await flush();
    s.double.upload().progress(0.25);
    controller.abort();
    await sending;
    s.double.upload().progress(0.75);

    expect(seen).toEqual([0, 25]);
    expect(s.manager.getSendState(id)?.progress).toBe(25);
  });
});
