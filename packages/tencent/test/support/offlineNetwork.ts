/** A request the page tried to make to another host, answered locally as a failure. */
export interface KeptLocal {
  kind: 'xhr' | 'fetch' | 'websocket' | 'beacon';
  url: string;
}

export interface OfflineNetwork {
  /** Every request kept local, in order. */
  readonly keptLocal: readonly KeptLocal[];
  /** Puts the page's own XMLHttpRequest, fetch, WebSocket and sendBeacon back. */
  restore(): void;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Port 1 is a "bad port" in the Fetch standard: every engine fails a request to it before connecting. */
const BAD_PORT_HOST = '127.0.0.1:1';

function outsideUrl(url: string | URL): URL | undefined {
  const parsed = new URL(String(url), location.href);
  const network = ['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol);
  return network && !LOOPBACK.has(parsed.hostname) ? parsed : undefined;
}

/** The same path on the bad port, so the engine fails the request locally, as it would offline. */
function toBadPort(url: URL): string {
  return `http://${BAD_PORT_HOST}${url.pathname}`;
}

/**
 * A WebSocket whose connection fails at once, as it does with no network: `error`, then `close` with
 * 1006, through listeners and the `on…` properties alike. Engines differ on a WebSocket to a bad port
 * (some throw from the constructor), so outside sockets get this instead.
 */
class RefusedWebSocket extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readonly url: string;
  readonly protocol = '';
  readonly extensions = '';
  readonly bufferedAmount = 0;
  binaryType: BinaryType = 'blob';
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;

  constructor(url: string) {
    super();
    this.url = url;
    setTimeout(() => this.fail(), 0);
  }

  send(): void {
    throw new DOMException('WebSocket is not open.', 'InvalidStateError');
  }

  close(): void {
    if (this.readyState === this.CONNECTING) this.readyState = this.CLOSING;
  }

  private fail() {
    this.readyState = this.CLOSED;
    const error = new Event('error');
    this.dispatchEvent(error);
    this.onerror?.(error);
    const close = new CloseEvent('close', { code: 1006, reason: '', wasClean: false });
    this.dispatchEvent(close);
    this.onclose?.(close);
  }
}

/**
 * Keeps the page off the network beyond this machine, in any engine: every XMLHttpRequest, fetch,
 * WebSocket and sendBeacon to a host that is not loopback fails at once, as with no network, and is
 * recorded. Loopback (the test runner's own traffic) passes. Without it the real Tencent SDK would reach
 * Tencent's servers wherever the tests run with internet access, and its answers would depend on that
 * (its error texts come from a table it downloads). Install it before the code under test loads.
 *
 * @example const network = keepNetworkLocal(); … expect(network.keptLocal).toContainEqual(…); network.restore();
 */
export function keepNetworkLocal(): OfflineNetwork {
  const keptLocal: KeptLocal[] = [];
  const open = XMLHttpRequest.prototype.open;
  const fetch = globalThis.fetch;
  const WebSocket = globalThis.WebSocket;
  const sendBeacon = Object.getOwnPropertyDescriptor(navigator, 'sendBeacon');

  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: Parameters<typeof open>) {
    const outside = outsideUrl(args[1]);
    if (outside) {
      keptLocal.push({ kind: 'xhr', url: outside.href });
      args[1] = toBadPort(outside);
    }
    return open.apply(this, args);
  } as typeof open;

  globalThis.fetch = (input, init) => {
    const outside = outsideUrl(input instanceof Request ? input.url : input);
    if (!outside) return fetch(input, init);
    keptLocal.push({ kind: 'fetch', url: outside.href });
    return Promise.reject(new TypeError('Failed to fetch (kept local by the test)'));
  };

  globalThis.WebSocket = new Proxy(WebSocket, {
    construct(target, args: ConstructorParameters<typeof WebSocket>, newTarget) {
      const outside = outsideUrl(args[0]);
      if (!outside) return Reflect.construct(target, args, newTarget);
      keptLocal.push({ kind: 'websocket', url: outside.href });
      return new RefusedWebSocket(outside.href);
    },
  });

  if (typeof navigator.sendBeacon === 'function') {
    const send = navigator.sendBeacon.bind(navigator);
    navigator.sendBeacon = (url, data) => {
      const outside = outsideUrl(url);
      if (!outside) return send(url, data);
      keptLocal.push({ kind: 'beacon', url: outside.href });
      return false;
    };
  }

  return {
    keptLocal,
    restore() {
      XMLHttpRequest.prototype.open = open;
      globalThis.fetch = fetch;
      globalThis.WebSocket = WebSocket;
      if (sendBeacon) Object.defineProperty(navigator, 'sendBeacon', sendBeacon);
      else Reflect.deleteProperty(navigator, 'sendBeacon');
    },
  };
}

/**
 * Hosts outside this machine that the page's Resource Timing saw a request to: an independent witness
 * that nothing got past `keepNetworkLocal` (WebSockets are not in Resource Timing; the guard records them).
 */
export function outsideHostsInResourceTiming(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => outsideUrl(entry.name)?.host)
    .filter((host) => host !== undefined);
}
