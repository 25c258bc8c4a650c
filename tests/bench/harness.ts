import type { CDPSession, Page } from 'playwright';
import type { CuttingProxy } from '../support/cuttingProxy';
import type { BenchImage, BenchImages } from './images';
import type { BenchApi } from './page/benchApi';

/** 100 Mbit/s, in bytes per second, as CDP wants it. */
const THROTTLE_BYTES_PER_S = 100e6 / 8;

/** What some figures need besides the page: the HEIC test image (when heif-enc exists) and the server. */
export interface FigureContext {
  heic: BenchImage | undefined;
  serverUrl: string;
  /** In front of the reference server: counts PATCH bytes, cuts an upload on demand (figure tus). */
  proxy: CuttingProxy;
}

/** The engines the bench can be asked for (`--engine`). */
export type Engine = 'chromium' | 'firefox' | 'webkit';
const ENGINES: readonly Engine[] = ['chromium', 'firefox', 'webkit'];

export interface Options {
  /** Which engine runs the page: chromium (every figure) by default. */
  engine: Engine;
  /** Measured runs of every figure (≥ 7); by default 7 to 11 by figure (more where noise is higher). */
  runs?: number;
  only?: Set<string>;
  bundle: boolean;
  freshImages: boolean;
}

export function parseOptions(argv: readonly string[]): Options {
  const options: Options = { engine: 'chromium', bundle: true, freshImages: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') options.runs = Math.max(7, Number(argv[++i]));
    else if (arg === '--only') options.only = new Set(String(argv[++i]).split(','));
    else if (arg === '--no-bundle') options.bundle = false;
    else if (arg === '--engine') {
      const engine = String(argv[++i]) as Engine;
      if (!ENGINES.includes(engine)) throw new Error(`--engine takes ${ENGINES.join(', ')}`);
      options.engine = engine;
    } else if (arg === '--fresh-images') options.freshImages = true;
    else if (arg === '--help') {
      console.log(
        'pnpm bench [--engine chromium|firefox|webkit] [--runs N (≥ 7; default 7–11 by figure)] [--only 1,2,…,10,tus] [--no-bundle: read reports/bundle-size.json] [--fresh-images]',
      );
      process.exit(0);
    } else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

const started = Date.now();
export const log = (line: string) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);

/** `page.evaluate` of one `window.bench` method. */
export function call<K extends keyof BenchApi>(
  page: Page,
  method: K,
  ...args: Parameters<BenchApi[K]>
): Promise<Awaited<ReturnType<BenchApi[K]>>> {
  return page.evaluate(([name, params]) => (window.bench[name] as (...a: unknown[]) => unknown)(...params), [
    method,
    args,
  ] as const) as Promise<Awaited<ReturnType<BenchApi[K]>>>;
}

export class Harness {
  constructor(
    readonly page: Page,
    /** Chromium's DevTools protocol; undefined in the other engines (their figures do not need it). */
    private readonly cdpSession: CDPSession | undefined,
    readonly images: BenchImages,
    readonly options: Options,
  ) {}

  /** Chromium's DevTools protocol, for the figures that run only there (FIGURES_NEEDING_CDP in run.ts). */
  get cdp(): CDPSession {
    if (!this.cdpSession) throw new Error('this figure needs Chromium (CDP)');
    return this.cdpSession;
  }

  /** Measured runs of a figure: its default, or --runs when given. */
  runs(byDefault: number): number {
    return this.options.runs ?? byDefault;
  }

  /** A forced GC (Chromium); elsewhere none can be forced from outside, and rounds go on without. */
  async gc() {
    await this.cdpSession?.send('HeapProfiler.collectGarbage');
  }

  /** The figures that throttle run in Chromium only (FIGURES_NEEDING_CDP in run.ts). */
  async throttle(on: boolean) {
    await this.cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: on ? THROTTLE_BYTES_PER_S : -1,
      uploadThroughput: on ? THROTTLE_BYTES_PER_S : -1,
    });
  }

  /**
   * Warm-ups, then `runs` measured rounds. Each round runs every step once; the order rotates from round
   * to round so no step always runs first (cold) or last. A GC between steps keeps one step's garbage
   * from being collected on another's clock.
   */
  async rounds<K extends string, T>(
    steps: Record<K, () => Promise<T>>,
    { warmups, runs }: { warmups: number; runs: number },
  ): Promise<Record<K, T[]>> {
    const names = Object.keys(steps) as K[];
    const results = Object.fromEntries(names.map((name) => [name, [] as T[]])) as unknown as Record<K, T[]>;
    for (let round = -warmups; round < runs; round++) {
      const offset = ((round % names.length) + names.length) % names.length;
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + offset) % names.length] as K;
        await this.gc();
        const value = await steps[name]();
        if (round >= 0) results[name].push(value);
      }
    }
    return results;
  }
}
