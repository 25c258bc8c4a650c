import type { ServerResponse } from 'node:http';

/** One open `GET /api/events` stream. */
interface Subscriber {
  userID: string;
  response: ServerResponse;
  /** Shapes a payload for this subscriber (each viewer gets its own signed URLs). */
  render(payload: unknown): unknown;
}

/**
 * Server-Sent Events fan-out: `publish` writes an event to every open stream of the given users. A
 * comment line every 25 s keeps proxies from closing idle streams.
 */
export interface EventHub {
  subscribe(subscriber: Subscriber): () => void;
  publish(userIDs: readonly string[], event: string, payload: unknown, id?: string): void;
  /** Ends every stream (at shutdown), so closing the server does not wait on them. */
  close(): void;
  readonly size: number;
}

export function writeEvent(response: ServerResponse, event: string, data: unknown, id?: string) {
  const lines = [`event: ${event}`];
  if (id !== undefined) lines.push(`id: ${id}`);
  // JSON has no raw newlines, so one data line carries it.
  lines.push(`data: ${JSON.stringify(data)}`, '', '');
  response.write(lines.join('\n'));
}

export function createEventHub(heartbeatMs = 25_000): EventHub {
  const subscribers = new Set<Subscriber>();
  const heartbeat = setInterval(() => {
    for (const subscriber of subscribers) subscriber.response.write(': ping\n\n');
  }, heartbeatMs);
  heartbeat.unref();

  return {
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    publish(userIDs, event, payload, id) {
      const audience = new Set(userIDs);
      for (const subscriber of subscribers) {
        if (audience.has(subscriber.userID)) {
          writeEvent(subscriber.response, event, subscriber.render(payload), id);
        }
      }
    },
    close() {
      clearInterval(heartbeat);
      for (const subscriber of subscribers) subscriber.response.end();
      subscribers.clear();
    },
    get size() {
      return subscribers.size;
    },
  };
}
