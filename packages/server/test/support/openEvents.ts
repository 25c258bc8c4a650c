export interface ServerEvent {
  event: string;
  id?: string;
  data: unknown;
}

/** A minimal EventSource over fetch (Node 20 has none): yields parsed events until closed. */
export function openEvents(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const queue: ServerEvent[] = [];
  const waiters: (() => void)[] = [];
  const ready = fetch(url, { headers, signal: controller.signal }).then(async (response) => {
    if (!response.body) throw new Error('no body');
    const decoder = new TextDecoder();
    let buffer = '';
    (async () => {
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const fields = Object.fromEntries(
              block
                .split('\n')
                .filter((line) => line && !line.startsWith(':'))
                .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
            );
            if (fields.event)
              queue.push({ event: fields.event, id: fields.id, data: JSON.parse(fields.data ?? 'null') });
            for (const wake of waiters.splice(0)) wake();
            end = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // aborted
      }
    })();
    return response;
  });
  return {
    ready,
    /** The next event, in order. */
    async next(): Promise<ServerEvent> {
      while (queue.length === 0) await new Promise<void>((resolve) => waiters.push(resolve));
      return queue.shift() as ServerEvent;
    },
    close: () => controller.abort(),
  };
}
