import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './freePort.ts';
import { gtkEnvironment, type SystemPreferences } from './systemPreferences.ts';

/**
 * WebKitGTK (Safari's engine without Apple's platform layer) from Debian: `WebKitWebDriver` drives its
 * MiniBrowser. There is no headless mode, so each driver gets its own Xvfb display.
 */
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER =
  process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB = '/usr/bin/Xvfb';

const INSTALL = 'sudo apt-get install -y --no-install-recommends webkit2gtk-driver xvfb xauth';

/**
 * WebDriver capabilities for MiniBrowser. The driver speaks classic WebDriver only: it refuses the
 * `webSocketUrl` (BiDi) that webdriverio 9 asks for by default.
 */
export function webkitCapabilities() {
  return {
    browserName: 'MiniBrowser',
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  } as const;
}

export interface WebKitDriver {
  hostname: string;
  port: number;
  stop(): Promise<void>;
}

function missing(): string | undefined {
  for (const path of [WEBKIT_DRIVER, MINIBROWSER, XVFB]) if (!existsSync(path)) return path;
  return undefined;
}

/** An Xvfb display of its own (`-displayfd` picks a free number and writes it back). */
function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  const xvfb = spawn(XVFB, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let written = '';
    let errors = '';
    xvfb.stderr?.on('data', (chunk) => (errors += chunk));
    xvfb.stdio[3]?.on('data', (chunk) => {
      written += chunk;
      if (written.includes('\n')) resolve({ display: `:${written.trim()}`, process: xvfb });
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready:\n${errors}`)));
  });
}

/** Resolves once something accepts HTTP on the driver's port and answers /status as ready. */
async function untilReady(url: string, driver: ChildProcess, output: () => string) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null)
      throw new Error(`WebKitWebDriver exited (${driver.exitCode}):\n${output()}`);
    try {
      const status = (await (await fetch(`${url}/status`)).json()) as { value?: { ready?: boolean } };
      if (status.value?.ready) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not get ready within 20 s:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Starts Xvfb and WebKitWebDriver on a free port; `stop()` ends both (the driver closes its MiniBrowsers).
 * Both also end when this process exits, so an interrupted run leaves nothing behind. `preferences`: what
 * the system its MiniBrowsers start on prefers (dark, reduced motion).
 */
export async function startWebKitDriver(preferences?: SystemPreferences): Promise<WebKitDriver> {
  const absent = missing();
  if (absent) {
    throw new Error(
      `WebKit tests need ${absent}. Install the engine with \`${INSTALL}\` (npm test does it as root).`,
    );
  }
  const xvfb = await startXvfb();
  const port = await freePort();
  const gtk = gtkEnvironment(preferences);
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=local'], {
    env: { ...process.env, ...gtk.env, DISPLAY: xvfb.display },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  driver.stdout?.on('data', (chunk) => (output += chunk));
  driver.stderr?.on('data', (chunk) => (output += chunk));
  const onExit = () => {
    driver.kill('SIGKILL');
    xvfb.process.kill('SIGKILL');
    gtk.dispose();
  };
  process.once('exit', onExit);
  try {
    await untilReady(`http://127.0.0.1:${port}`, driver, () => output);
  } catch (error) {
    onExit();
    throw error;
  }
  return {
    hostname: '127.0.0.1',
    port,
    async stop() {
      process.off('exit', onExit);
      await stopProcess(driver);
      await stopProcess(xvfb.process);
      gtk.dispose();
    },
  };
}
