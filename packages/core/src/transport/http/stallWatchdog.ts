/**
 * Calls `onStall` when `touch` has not been called for `ms`. Upload progress and response bytes touch
 * it; a connection that is open but moves nothing (a server that stopped reading, a dead Wi-Fi link
 * that never reports an error) is then cut instead of hanging forever. The Tencent transport watches the
 * SDK's upload progress with the same clock.
 *
 * @example
 * const watchdog = startStallWatchdog(20_000, () => controller.abort());
 * xhr.upload.onprogress = () => watchdog.touch();
 * // …once settled:
 * watchdog.stop();
 */
export interface StallWatchdog {
  touch(): void;
  stop(): void;
}

export function startStallWatchdog(ms: number, onStall: () => void): StallWatchdog {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const arm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      if (!stopped) onStall();
    }, ms);
  };
  arm();
  return {
    touch() {
      if (!stopped) arm();
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
