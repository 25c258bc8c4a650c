import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, firefox } from 'playwright';
import { build } from 'vite';
import { CHROMIUM_ARGS, chromiumLaunchOptions } from '../../scripts/chromium.ts';
// Firefox ESR as installed by apt, driven by Playwright over WebDriver BiDi, as the browser tests run it.
import { FIREFOX_PATH } from '../../scripts/engines.ts';
import { startCuttingProxy } from '../support/cuttingProxy';
import { bundleFigures } from './bundle';
import { startCpuMonitor } from './cpuMonitor';
import { figure1, figure2, figure3 } from './figures';
import { call, type FigureContext, Harness, log, parseOptions } from './harness';
import { ensureHeicImage, ensureImages } from './images';
import { figure9 } from './persistFigures';
import { figure7 } from './prepareFigures';
import { figure10 } from './previewFigures';
import { figureResumable } from './resumableFigures';
import { readCorsHeaders, startDrainServer, startReferenceServer, startStaticServer } from './servers';
import { type FigureResult, formatTable } from './stats';
import { figure4, figure5, figure6 } from './uploadFigures';
import { figure8 } from './viewFigures';

/**
 * `pnpm bench` (scripts/bench.mjs loads this through Vite's module runner). Builds the bench page
 * (page/, production React with profiling), serves it from its own origin beside the reference server
 * (from its sources, fresh data dir) and a drain server, drives Debian chromium with Playwright, and
 * prints one table row per figure: median, min–max, the baseline measured in the same run, the ratio and
 * the goal. Timing goals are informational: the exit code is 0 whatever they say.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const benchDir = fileURLToPath(new URL('./', import.meta.url));

/** Other processes' CPU (in cores) above which a figure is flagged as measured on a busy machine. */
const BUSY_MACHINE = 0.15;

/**
 * Figures that need Chromium's DevTools protocol — network throttling (4–6, tus), bytes on the wire and
 * cache control (8), heap usage (6) — and why; in other engines they are skipped by name.
 */
const FIGURES_NEEDING_CDP: Record<string, string> = {
  '4': 'network throttling (CDP)',
  '5': 'network throttling (CDP)',
  '6': 'network throttling and heap usage (CDP)',
  '8': 'bytes on the wire, cache control and link emulation (CDP)',
  tus: 'network throttling (CDP)',
};

const FIGURES: Record<string, (h: Harness, context: FigureContext) => Promise<FigureResult[]>> = {
  '1': figure1,
  '2': figure2,
  '3': figure3,
  '4': figure4,
  '5': figure5,
  '6': figure6,
  '7': figure7,
  '8': figure8,
  '9': figure9,
  '10': figure10,
  tus: figureResumable,
};

export async function runBench(argv: readonly string[]): Promise<void> {
  const startedAt = Date.now();
  const options = parseOptions(argv);
  const { engine } = options;
  if (engine === 'webkit') {
    // Playwright drives only its own WebKit build; WebKitGTK answers WebDriver classic (WebKitWebDriver),
    // which has no page.evaluate of promises, setInputFiles or network control this harness uses.
    console.log(
      'bench --engine webkit: not run here. The bench drives the page with Playwright, which cannot drive WebKitGTK (only WebDriver can); the heartbeat rows (….h) are portable and need only a driver.',
    );
    return;
  }
  const images = await ensureImages({ fresh: options.freshImages, log });
  const heic = ensureHeicImage(images, log);
  if (!heic) log('no heif-enc (apt-get install -y libheif-examples): figure 7 runs without the HEIC rows');
  // Sizes do not depend on the engine: measured with the Chromium run only.
  const bundle = engine === 'chromium' ? bundleFigures(root, options.bundle) : [];

  const work = mkdtempSync(join(tmpdir(), 'image-message-bench-'));
  let browser: Browser | undefined;
  const closers: (() => Promise<void>)[] = [];
  const figures: FigureResult[] = [];
  let browserVersion = '';
  const skipped: string[] = [];
  try {
    log('building the bench page');
    const pageDir = join(work, 'page');
    await build({
      configFile: join(benchDir, 'vite.config.ts'),
      build: { outDir: pageDir, emptyOutDir: true },
      logLevel: 'warn',
    });
    const site = await startStaticServer(pageDir);
    closers.push(site.close);
    const reference = await startReferenceServer(join(work, 'data'), site.url);
    closers.push(reference.close);
    const cors = await readCorsHeaders(reference.url, site.url);
    const drain = await startDrainServer(cors);
    closers.push(drain.close);
    const store = await startDrainServer(cors, join(work, 'stored'));
    closers.push(store.close);
    const proxy = await startCuttingProxy({ target: () => reference.url });
    closers.push(proxy.close);

    browser =
      engine === 'firefox'
        ? await firefox.launch({ channel: 'moz-firefox', executablePath: FIREFOX_PATH })
        : await chromium.launch({ ...chromiumLaunchOptions(), args: CHROMIUM_ARGS });
    browserVersion = `${engine} ${browser.version()}`;
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`  page: ${message.text()}`);
    });
    page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
    await page.goto(site.url);
    await page.waitForFunction(() => 'bench' in window);
    const cdp = engine === 'chromium' ? await page.context().newCDPSession(page) : undefined;
    // Emulated network conditions apply only with the Network domain enabled in the same session.
    await cdp?.send('Network.enable');
    await call(page, 'setup', {
      serverUrl: reference.url,
      drainUrl: drain.url,
      storeUrl: store.url,
      proxyUrl: proxy.url,
    });
    await page.setInputFiles('#file-big', images.big28.path);
    await page.setInputFiles('#file-jpeg', images.jpeg12.path);
    await page.setInputFiles('#file-png', images.png12.path);
    if (heic) await page.setInputFiles('#file-heic', heic.path);
    const harness = new Harness(page, cdp, images, options);

    for (const [id, figure] of Object.entries(FIGURES)) {
      if (options.only && !options.only.has(id)) continue;
      if (cdp === undefined && FIGURES_NEEDING_CDP[id]) {
        skipped.push(`figure ${id}: needs ${FIGURES_NEEDING_CDP[id]}`);
        continue;
      }
      log(`figure ${id}`);
      const monitor = startCpuMonitor();
      const results = await figure(harness, { heic, serverUrl: reference.url, proxy });
      const otherCores = monitor.stop();
      for (const result of results) {
        result.otherProcessesCores = otherCores;
        if (otherCores !== undefined && otherCores > BUSY_MACHINE) {
          result.notes = [
            ...(result.notes ?? []),
            `other processes kept ${otherCores.toFixed(2)} of ${cpus().length} cores busy meanwhile: timings are inflated`,
          ];
        }
      }
      for (const result of results) {
        if (engine !== 'chromium' && result.chromiumOnly) {
          skipped.push(`${result.id}: ${result.chromiumOnly}`);
          continue;
        }
        if (engine !== 'chromium' && result.goalChromiumOnly) {
          result.goal = '(info)';
          result.met = undefined;
          result.notes = [...(result.notes ?? []), `no goal in ${engine}: ${result.goalChromiumOnly}`];
        }
        figures.push(result);
      }
    }
  } finally {
    await browser?.close();
    for (const close of closers.reverse()) await close().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }

  const all = [...figures, ...bundle];
  console.log('');
  console.log(`engine: ${browserVersion}`);
  if (engine !== 'chromium')
    console.log(`${engine}: no GC can be forced between steps (Chromium's is CDP's)`);
  for (const line of skipped) console.log(`skipped in ${engine}: ${line}`);
  console.log(formatTable(all));
  console.log(
    'ratio: median ÷ baseline median, except 4 (throughput: baseline ÷ median, higher is better) and 6 (÷ file size).',
  );
  for (const figure of all) for (const note of figure.notes ?? []) console.log(`${figure.id}: ${note}`);
  const goals = all.filter((figure) => figure.met !== undefined);
  const missed = goals.filter((figure) => !figure.met).map((figure) => figure.id);
  console.log('');
  console.log(
    `${goals.length - missed.length} of ${goals.length} goals met${missed.length ? `; not met: ${missed.join(', ')}` : ''}.`,
  );

  mkdirSync(join(root, 'reports'), { recursive: true });
  const report = {
    generatedAt: new Date().toISOString(),
    environment: {
      engine,
      browser: browserVersion,
      node: process.version,
      cpus: cpus().length,
      runsPerFigure: options.runs,
      durationS: (Date.now() - startedAt) / 1000,
    },
    images,
    figures: all,
  };
  // One report per engine; Chromium's keeps its name (the bench README and the lead's notes read it).
  const file = engine === 'chromium' ? 'bench.json' : `bench-${engine}.json`;
  writeFileSync(join(root, 'reports', file), `${JSON.stringify({ ...report, skipped }, null, 2)}\n`);
  log(`wrote reports/${file}`);
}
